import CBzip2

/// libbz2's return codes, named; `ReturnCodes` turns them into Swift errors.
enum Bzip2: ReturnCodes {
    static let library = "libbz2"
    static var success: Int32 { BZ_OK }

    static func name(of code: Int32) -> String {
        switch code {
        case BZ_OK: "BZ_OK"
        case BZ_RUN_OK: "BZ_RUN_OK"
        case BZ_FLUSH_OK: "BZ_FLUSH_OK"
        case BZ_FINISH_OK: "BZ_FINISH_OK"
        case BZ_STREAM_END: "BZ_STREAM_END"
        case BZ_SEQUENCE_ERROR: "BZ_SEQUENCE_ERROR"
        case BZ_PARAM_ERROR: "BZ_PARAM_ERROR"
        case BZ_MEM_ERROR: "BZ_MEM_ERROR"
        case BZ_DATA_ERROR: "BZ_DATA_ERROR"
        case BZ_DATA_ERROR_MAGIC: "BZ_DATA_ERROR_MAGIC"
        case BZ_CONFIG_ERROR: "BZ_CONFIG_ERROR"
        default: "unknown libbz2 code"
        }
    }

    /// The most input bytes one block holds: libbz2's nblockMAX, 100,000 × level less 19.
    static func blockCapacity(level: Int) -> Int { 100_000 * level - 19 }

    /// libbz2's default work factor (what 0 selects), as BZ2_bzBuffToBuffCompress and the bzip2 tool use.
    static let workFactor: Int32 = 0

    /// libbz2 keeps avail_in in a 32-bit field; larger inputs go in slices of this size.
    static let maximumSlice = 1 << 30

    /// A `bz_stream` whose allocations go through `counter`.
    static func stream(counting counter: AllocationCounter) -> UnsafeMutablePointer<bz_stream> {
        let stream = UnsafeMutablePointer<bz_stream>.allocate(capacity: 1)
        stream.initialize(to: bz_stream())
        stream.pointee.bzalloc = { opaque, count, size in AllocationCounter.from(opaque).allocate(Int(count) * Int(size)) }
        stream.pointee.bzfree = { opaque, pointer in AllocationCounter.from(opaque).free(pointer) }
        stream.pointee.opaque = counter.opaque
        return stream
    }

    static func feeding<T>(_ stream: UnsafeMutablePointer<bz_stream>, _ input: UnsafeRawBufferPointer, _ body: () throws -> T) rethrows -> T {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: CChar.self))
        stream.pointee.avail_in = UInt32(input.count)
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
            stream.pointee.next_out = nil
            stream.pointee.avail_out = 0
        }
        return try body()
    }
}

/// A libbz2 compressor. libbz2 has no reset, so each compression ends the stream and
/// initialises it again on the same `bz_stream`.
struct Bzip2Encoder: ~Copyable {
    private let stream: UnsafeMutablePointer<bz_stream>
    private let output: UnsafeMutableRawBufferPointer
    private let level: Int32
    /// Kept alive here: the C hooks reach it unretained, and the stream's end frees through them.
    private let counter: AllocationCounter

    init(level: Int, counter: AllocationCounter) throws {
        let stream = Bzip2.stream(counting: counter)
        let code = BZ2_bzCompressInit(stream, Int32(level), 0, Bzip2.workFactor)
        guard code == BZ_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw Bzip2.error("BZ2_bzCompressInit", code)
        }
        self.stream = stream
        self.level = Int32(level)
        self.counter = counter
        self.output = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        BZ2_bzCompressEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    /// Starts a new stream with the same block size.
    func reset() throws {
        try Bzip2.call("BZ2_bzCompressEnd") { BZ2_bzCompressEnd(stream) }
        try Bzip2.call("BZ2_bzCompressInit") { BZ2_bzCompressInit(stream, level, 0, Bzip2.workFactor) }
    }

    /// Compresses `input` as the next part of the stream; with `finish`, ends the stream.
    func compress(_ input: UnsafeRawBufferPointer, finish: Bool, into sink: (UnsafeRawBufferPointer) -> Void) throws {
        try forEachSlice(of: input, atMost: Bzip2.maximumSlice, finish: finish) { slice, last in
            try Bzip2.feeding(stream, slice) { try drive(finish: last, into: sink) }
        }
    }

    private func drive(finish: Bool, into sink: (UnsafeRawBufferPointer) -> Void) throws {
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: CChar.self)
            stream.pointee.avail_out = UInt32(output.count)
            let code = try Bzip2.call("BZ2_bzCompress", accepting: [BZ_RUN_OK, BZ_FINISH_OK, BZ_STREAM_END]) {
                BZ2_bzCompress(stream, finish ? BZ_FINISH : BZ_RUN)
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { sink(UnsafeRawBufferPointer(rebasing: output.prefix(produced))) }
            if code == BZ_STREAM_END { return }
            if !finish && stream.pointee.avail_in == 0 { return }
        }
    }
}

/// A libbz2 decompressor for one stream, used to verify round trips.
struct Bzip2Decoder: ~Copyable {
    private let stream: UnsafeMutablePointer<bz_stream>
    private let compressor: String

    init(compressor: String, counter: AllocationCounter) throws {
        let stream = Bzip2.stream(counting: counter)
        let code = BZ2_bzDecompressInit(stream, 0, 0)
        guard code == BZ_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw Bzip2.error("BZ2_bzDecompressInit", code)
        }
        self.stream = stream
        self.compressor = compressor
    }

    deinit {
        BZ2_bzDecompressEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func decompress(_ input: UnsafeRawBufferPointer, expectedBytes: Int?) throws -> [UInt8] {
        guard input.count <= Bzip2.maximumSlice else {
            throw CompressorError.unsupported(compressor: compressor, reason: "cannot verify a stream of 1 GiB or more")
        }
        return try Bzip2.feeding(stream, input) {
            try drain(capacity: outputCapacity(expectedBytes: expectedBytes, input: input)) { buffer in
                stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
                stream.pointee.avail_out = UInt32(buffer.count)
                let code = BZ2_bzDecompress(stream)
                let written = buffer.count - Int(stream.pointee.avail_out)
                switch code {
                case BZ_STREAM_END:
                    return (written, true)
                case BZ_OK where stream.pointee.avail_in == 0 && written < buffer.count:
                    throw CompressorError.corruptStream(compressor: compressor, detail: "the stream ends early")
                case BZ_OK:
                    return (written, false)
                case BZ_DATA_ERROR, BZ_DATA_ERROR_MAGIC:
                    throw CompressorError.corruptStream(compressor: compressor, detail: Bzip2.name(of: code))
                default:
                    throw Bzip2.error("BZ2_bzDecompress", code)
                }
            }
        }
    }
}
