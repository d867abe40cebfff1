import CZstd

/// The one place zstd's return codes become Swift errors.
enum Zstd {
    static func error(_ function: String, _ result: Int) -> CompressorError {
        .library(
            library: "libzstd", function: function, code: Int32(ZSTD_getErrorCode(result).rawValue),
            name: String(cString: ZSTD_getErrorName(result)))
    }

    /// Calls a zstd function and throws if its result is an error code.
    @discardableResult
    static func call(_ function: String, _ body: () -> Int) throws -> Int {
        let result = body()
        guard ZSTD_isError(result) == 0 else { throw error(function, result) }
        return result
    }

    /// Allocation hooks that count through `counter`.
    static func memory(counting counter: AllocationCounter) -> ZSTD_customMem {
        ZSTD_customMem(
            customAlloc: { opaque, size in AllocationCounter.from(opaque).allocate(size) },
            customFree: { opaque, pointer in AllocationCounter.from(opaque).free(pointer) },
            opaque: counter.opaque)
    }

    /// The window (log2 of its bytes) that `level` uses for an input of unknown size:
    /// 19 (512 KiB) at level 1, 23 (8 MiB) at 19, 27 (128 MiB) at 22. For a known size,
    /// zstd shrinks it to the smallest power of two that holds the input.
    static func windowLog(level: Int) -> Int {
        Int(ZSTD_getCParams(Int32(level), 0, 0).windowLog)
    }

    static func overlap(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard let x = a.baseAddress, let y = b.baseAddress, !a.isEmpty, !b.isEmpty else { return false }
        return x < y + b.count && y < x + a.count
    }

    /// The largest window Kolmo asks for, 1 GiB: what a 32-bit zstd can decode.
    static let maximumWindowLog = 30

    /// The window of a primed compression: at least the level's own, and enough to hold the
    /// prefix and the input together, so that every byte of x stays within reach (up to 1 GiB).
    static func primingWindowLog(level: Int, bytes: Int) -> Int {
        var log = windowLog(level: level)
        while log < maximumWindowLog && (1 << log) < bytes { log += 1 }
        return log
    }
}

/// A zstd compression context, reset (`ZSTD_CCtx_reset`) and reused for each compression.
///
/// Each compression is one `ZSTD_compress2` call on the whole input, which gives the stream of
/// `ZSTD_compress` at the same level: a frame that records the content size, no checksum.
struct ZstdEncoder: ~Copyable {
    private let context: OpaquePointer
    private let level: Int
    /// Kept alive here: the C hooks reach it unretained, and the stream's end frees through them.
    private let counter: AllocationCounter

    init(level: Int, counter: AllocationCounter) throws {
        guard let context = ZSTD_createCCtx_advanced(Zstd.memory(counting: counter)) else {
            throw CompressorError.library(library: "libzstd", function: "ZSTD_createCCtx_advanced", code: 0, name: "NULL")
        }
        self.context = context
        self.level = level
        self.counter = counter
    }

    deinit {
        ZSTD_freeCCtx(context)
    }

    /// Compresses the concatenation of `parts` as one frame, primed with `dictionary` (a
    /// prefix, `ZSTD_CCtx_refPrefix`) if it is not empty.
    func compress(
        _ parts: [UnsafeRawBufferPointer], dictionary: UnsafeRawBufferPointer, into sink: (UnsafeRawBufferPointer) -> Void
    ) throws {
        try Zstd.call("ZSTD_CCtx_reset") { ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters) }
        try Zstd.call("ZSTD_CCtx_setParameter") { ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, Int32(level)) }
        let total = parts.reduce(0) { $0 + $1.count }
        if let base = dictionary.baseAddress, !dictionary.isEmpty {
            let log = Zstd.primingWindowLog(level: level, bytes: dictionary.count + total)
            try Zstd.call("ZSTD_CCtx_setParameter") { ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, Int32(log)) }
            try Zstd.call("ZSTD_CCtx_refPrefix") { ZSTD_CCtx_refPrefix(context, base, dictionary.count) }
        }
        // One contiguous input gives exactly ZSTD_compress's frame; joining parts costs a copy,
        // far less than compressing them. An input in the prefix's own memory (C(x|x)) is
        // copied too: zstd finds no match in a prefix that overlaps its input.
        let overlaps = parts.contains { Zstd.overlap($0, dictionary) }
        let joined: UnsafeMutableRawBufferPointer? = parts.count > 1 || overlaps ? .allocate(byteCount: total, alignment: 16) : nil
        defer { joined?.deallocate() }
        if let joined {
            var offset = 0
            for part in parts where !part.isEmpty {
                UnsafeMutableRawBufferPointer(rebasing: joined[offset...]).copyMemory(from: part)
                offset += part.count
            }
        }
        let input = joined.map(UnsafeRawBufferPointer.init) ?? parts.first ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: ZSTD_compressBound(total), alignment: 16)
        defer { output.deallocate() }
        let written = try Zstd.call("ZSTD_compress2") {
            ZSTD_compress2(context, output.baseAddress, output.count, input.baseAddress, input.count)
        }
        sink(UnsafeRawBufferPointer(rebasing: output.prefix(written)))
    }
}

/// A zstd decompression context for one frame, used to verify round trips.
struct ZstdDecoder: ~Copyable {
    private let context: OpaquePointer
    private let compressor: String

    init(compressor: String, counter: AllocationCounter) throws {
        guard let context = ZSTD_createDCtx_advanced(Zstd.memory(counting: counter)) else {
            throw CompressorError.library(library: "libzstd", function: "ZSTD_createDCtx_advanced", code: 0, name: "NULL")
        }
        // Primed frames may declare windows above zstd's default decoding limit (128 MiB).
        let result = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, Int32(Zstd.maximumWindowLog))
        guard ZSTD_isError(result) == 0 else {
            ZSTD_freeDCtx(context)
            throw Zstd.error("ZSTD_DCtx_setParameter", result)
        }
        self.context = context
        self.compressor = compressor
    }

    deinit {
        ZSTD_freeDCtx(context)
    }

    /// Decompresses one frame; a primed frame needs the same `dictionary`.
    ///
    /// A frame that records its content size (as Kolmo's do) is decoded in one call into an
    /// array of that size, as Python's zstandard module does; streaming would pass every byte
    /// through a window buffer of up to 128 MiB, which halves the speed at level 19.
    func decompress(_ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, expectedBytes: Int?) throws -> [UInt8] {
        if let base = dictionary.baseAddress, !dictionary.isEmpty {
            try Zstd.call("ZSTD_DCtx_refPrefix") { ZSTD_DCtx_refPrefix(context, base, dictionary.count) }
        }
        let size = ZSTD_getFrameContentSize(input.baseAddress, input.count)
        // Sizes above 1 GiB are unknown (ZSTD_CONTENTSIZE_UNKNOWN, ZSTD_CONTENTSIZE_ERROR) or not worth trusting.
        if size <= 1 << 30 {
            var failure = 0
            let output = [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
                let result = ZSTD_decompressDCtx(context, buffer.baseAddress, buffer.count, input.baseAddress, input.count)
                if ZSTD_isError(result) != 0 { failure = result } else { count = result }
            }
            if failure != 0 {
                throw CompressorError.corruptStream(compressor: compressor, detail: String(cString: ZSTD_getErrorName(failure)))
            }
            return output
        }
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        return try drain(capacity: outputCapacity(expectedBytes: expectedBytes, input: input)) { buffer in
            var target = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
            let result = ZSTD_decompressStream(context, &target, &source)
            if ZSTD_isError(result) != 0 {
                throw CompressorError.corruptStream(compressor: compressor, detail: String(cString: ZSTD_getErrorName(result)))
            }
            if result == 0 { return (target.pos, true) }
            if source.pos == source.size && target.pos < target.size {
                throw CompressorError.corruptStream(compressor: compressor, detail: "the stream ends early")
            }
            return (target.pos, false)
        }
    }
}
