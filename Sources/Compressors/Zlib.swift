import CZlib

/// zlib's return codes, named; `ReturnCodes` turns them into Swift errors.
enum Zlib: ReturnCodes {
    static let library = "zlib"
    static var success: Int32 { Z_OK }

    /// Names of zlib's return codes, as zlib.h spells them.
    static func name(of code: Int32) -> String {
        switch code {
        case Z_OK: "Z_OK"
        case Z_STREAM_END: "Z_STREAM_END"
        case Z_NEED_DICT: "Z_NEED_DICT"
        case Z_ERRNO: "Z_ERRNO"
        case Z_STREAM_ERROR: "Z_STREAM_ERROR"
        case Z_DATA_ERROR: "Z_DATA_ERROR"
        case Z_MEM_ERROR: "Z_MEM_ERROR"
        case Z_BUF_ERROR: "Z_BUF_ERROR"
        case Z_VERSION_ERROR: "Z_VERSION_ERROR"
        default: "unknown zlib code"
        }
    }

    /// The windowBits argument of deflateInit2/inflateInit2 for a 32 KiB window in `container`.
    static func windowBits(for container: CompressorSpec.Container) -> Int32 {
        switch container {
        case .zlib: 15
        case .gzip: 15 + 16
        case .raw, .xz: -15
        }
    }

    /// How far back a deflate match can reach: the 32 KiB window less MIN_LOOKAHEAD
    /// (MAX_MATCH + MIN_MATCH + 1 = 262 bytes), zlib's MAX_DIST.
    static let maximumDistance = 32 * 1024 - 262

    /// The smallest x worth continuing by `deflateCopy`, which copies 256 KiB of state (window,
    /// hash chains, pending output) whatever the input's size; a smaller x is faster to compress
    /// again. Measured on 300 pieces of Genesis, full matrix, deflate:9, one job, copying against
    /// compressing again: 1.16 s against 1.00 s at 256 bytes, 2.68 against 2.73 at 1 KiB, 4.63
    /// against 5.03 at 2 KiB and 8.78 against 10.33 at 4 KiB.
    static let copyThreshold = 1024

    /// zlib keeps avail_in in a 32-bit field; larger inputs go in slices of this size.
    static let maximumSlice = 1 << 30

    /// Routes the stream's allocations through `counter`; call before the stream is initialised.
    static func count(_ stream: UnsafeMutablePointer<z_stream>, in counter: AllocationCounter) {
        stream.pointee.zalloc = { opaque, items, size in AllocationCounter.from(opaque).allocate(Int(items) * Int(size)) }
        stream.pointee.zfree = { opaque, pointer in AllocationCounter.from(opaque).free(pointer) }
        stream.pointee.opaque = counter.opaque
    }

    /// Points `stream` at `input` while `body` runs, then detaches every buffer, so that zlib
    /// never keeps a pointer into memory Swift may free or move.
    static func feeding<T>(_ stream: UnsafeMutablePointer<z_stream>, _ input: UnsafeRawBufferPointer, _ body: () throws -> T) rethrows -> T {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
            stream.pointee.next_out = nil
            stream.pointee.avail_out = 0
        }
        return try body()
    }
}

/// A zlib deflate stream, initialised once and reset for each compression.
///
/// The `z_stream` lives behind a pointer because zlib stores its address inside its state.
/// A second `z_stream` holds copies of the first (`deflateCopy`), so that a prefix compressed
/// once can be continued with many different suffixes.
struct DeflateEncoder: ~Copyable {
    private let stream: UnsafeMutablePointer<z_stream>
    private let copy: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer
    /// zlib's memory for the stream and its copies, counted in the compressor's counter; freed after them.
    private let memory: ZlibMemory

    init(level: Int, container: CompressorSpec.Container, counter: AllocationCounter) throws {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let memory = ZlibMemory(counting: counter)
        memory.install(in: stream)
        let code = CZlib_deflateInit2(
            stream, Int32(level), Z_DEFLATED, Zlib.windowBits(for: container), 8, Z_DEFAULT_STRATEGY)
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw Zlib.error("deflateInit2", code)
        }
        self.stream = stream
        self.memory = memory
        self.copy = .allocate(capacity: 1)
        self.copy.initialize(to: z_stream())
        self.output = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        copy.deinitialize(count: 1)
        copy.deallocate()
        output.deallocate()
    }

    /// Continues a copy of the current stream (which must not be finished) with `suffix` and
    /// finishes the copy, leaving the stream itself as it was: the output is exactly what the
    /// stream would have written had it been given `suffix` and finished.
    func continueCopy(with suffix: UnsafeRawBufferPointer, into sink: (UnsafeRawBufferPointer) -> Void) throws {
        try Zlib.call("deflateCopy") { deflateCopy(copy, stream) }
        defer { deflateEnd(copy) }
        try Self.compress(copy, output, suffix, finish: true, into: sink)
    }

    /// Starts a new stream with the same settings, keeping zlib's memory.
    func reset() throws {
        try Zlib.call("deflateReset") { deflateReset(stream) }
    }

    /// Primes the stream with `dictionary` (only its last 32 KiB can matter). Call right after `reset()`.
    func setDictionary(_ dictionary: UnsafeRawBufferPointer) throws {
        let tail = UnsafeRawBufferPointer(rebasing: dictionary.suffix(32 * 1024))
        guard let base = tail.baseAddress?.assumingMemoryBound(to: Bytef.self), !tail.isEmpty else { return }
        try Zlib.call("deflateSetDictionary") { deflateSetDictionary(stream, base, uInt(tail.count)) }
    }

    /// Compresses `input` as the next part of the stream, passing each piece of output to `sink`;
    /// with `finish`, ends the stream.
    func compress(_ input: UnsafeRawBufferPointer, finish: Bool, into sink: (UnsafeRawBufferPointer) -> Void) throws {
        try Self.compress(stream, output, input, finish: finish, into: sink)
    }

    private static func compress(
        _ stream: UnsafeMutablePointer<z_stream>, _ output: UnsafeMutableRawBufferPointer,
        _ input: UnsafeRawBufferPointer, finish: Bool, into sink: (UnsafeRawBufferPointer) -> Void
    ) throws {
        try forEachSlice(of: input, atMost: Zlib.maximumSlice, finish: finish) { slice, last in
            try Zlib.feeding(stream, slice) { try drive(stream, output, finish: last, into: sink) }
        }
    }

    private static func drive(
        _ stream: UnsafeMutablePointer<z_stream>, _ output: UnsafeMutableRawBufferPointer,
        finish: Bool, into sink: (UnsafeRawBufferPointer) -> Void
    ) throws {
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let code = try Zlib.call("deflate", accepting: [Z_OK, Z_STREAM_END, Z_BUF_ERROR]) {
                deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { sink(UnsafeRawBufferPointer(rebasing: output.prefix(produced))) }
            if code == Z_STREAM_END { return }
            if !finish && stream.pointee.avail_in == 0 { return }
            // Z_BUF_ERROR means no progress was possible, which a stream being finished
            // with a fresh output buffer can never hit: treat it as the failure it is.
            if code == Z_BUF_ERROR && produced == 0 { throw Zlib.error("deflate", code) }
        }
    }
}

/// The allocator of a deflate stream and of the copies `deflateCopy` makes of it (a copy takes
/// the source's allocator): blocks that zlib frees are kept for its next request of the same size.
///
/// `deflateCopy` allocates 256 KiB of state for every copy and `deflateEnd` frees it. Through
/// malloc, glibc hands that memory back to the kernel and the next copy faults it in again: 100
/// copies of a stream primed with 12 KB took 8 ms, against 1.9 ms for priming 100 times, and
/// 0.77 ms with the blocks kept. At most a stream and one copy are alive, so at most about
/// 512 KiB is kept. One thread uses an encoder at a time, so the lists need no lock.
final class ZlibMemory {
    private var free: [Int: [UnsafeMutableRawPointer]] = [:]
    /// Counts the bytes zlib holds, not those kept here for reuse.
    private let counter: AllocationCounter

    init(counting counter: AllocationCounter) {
        self.counter = counter
    }

    func install(in stream: UnsafeMutablePointer<z_stream>) {
        stream.pointee.opaque = Unmanaged.passUnretained(self).toOpaque()
        stream.pointee.zalloc = { opaque, items, size in
            Unmanaged<ZlibMemory>.fromOpaque(opaque!).takeUnretainedValue().allocate(Int(items) * Int(size))
        }
        stream.pointee.zfree = { opaque, address in
            Unmanaged<ZlibMemory>.fromOpaque(opaque!).takeUnretainedValue().release(address)
        }
    }

    /// A block of `count` bytes, behind the counter's header that records its size.
    private func allocate(_ count: Int) -> UnsafeMutableRawPointer? {
        let header = AllocationCounter.header
        counter.noteAllocation(count)
        if let block = free[count]?.popLast() { return block + header }
        let block = UnsafeMutableRawPointer.allocate(byteCount: count + header, alignment: header)
        block.storeBytes(of: count, as: Int.self)
        return block + header
    }

    private func release(_ address: UnsafeMutableRawPointer?) {
        guard let address else { return }
        let block = address - AllocationCounter.header
        counter.noteRelease(block.load(as: Int.self))
        free[block.load(as: Int.self), default: []].append(block)
    }

    deinit {
        for block in free.values.joined() { block.deallocate() }
    }
}

/// A zlib inflate stream, used to verify round trips.
struct InflateDecoder: ~Copyable {
    private let stream: UnsafeMutablePointer<z_stream>
    private let compressor: String

    init(container: CompressorSpec.Container, compressor: String, counter: AllocationCounter) throws {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        Zlib.count(stream, in: counter)
        let code = CZlib_inflateInit2(stream, Zlib.windowBits(for: container))
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw Zlib.error("inflateInit2", code)
        }
        self.stream = stream
        self.compressor = compressor
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Decompresses one whole stream; a raw stream that was primed needs the same `dictionary`.
    func decompress(_ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, expectedBytes: Int?) throws -> [UInt8] {
        if let base = dictionary.baseAddress, !dictionary.isEmpty {
            try Zlib.call("inflateSetDictionary") {
                inflateSetDictionary(stream, base.assumingMemoryBound(to: Bytef.self), uInt(dictionary.count))
            }
        }
        guard input.count <= Zlib.maximumSlice else {
            throw CompressorError.unsupported(compressor: compressor, reason: "cannot verify a stream of 1 GiB or more")
        }
        return try Zlib.feeding(stream, input) {
            try drain(capacity: outputCapacity(expectedBytes: expectedBytes, input: input)) { buffer in
                stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(buffer.count)
                let code = inflate(stream, Z_NO_FLUSH)
                let written = buffer.count - Int(stream.pointee.avail_out)
                switch code {
                case Z_STREAM_END:
                    return (written, true)
                case Z_OK:
                    return (written, false)
                case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                    throw CompressorError.corruptStream(compressor: compressor, detail: "the stream ends early")
                case Z_DATA_ERROR, Z_NEED_DICT:
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? Zlib.name(of: code)
                    throw CompressorError.corruptStream(compressor: compressor, detail: message)
                default:
                    throw Zlib.error("inflate", code)
                }
            }
        }
    }
}
