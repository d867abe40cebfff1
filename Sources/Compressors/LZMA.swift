import CLZMA

/// The one place liblzma's return codes become Swift errors.
enum LZMA {
    static func name(of code: lzma_ret) -> String {
        switch code {
        case LZMA_OK: "LZMA_OK"
        case LZMA_STREAM_END: "LZMA_STREAM_END"
        case LZMA_NO_CHECK: "LZMA_NO_CHECK"
        case LZMA_UNSUPPORTED_CHECK: "LZMA_UNSUPPORTED_CHECK"
        case LZMA_GET_CHECK: "LZMA_GET_CHECK"
        case LZMA_MEM_ERROR: "LZMA_MEM_ERROR"
        case LZMA_MEMLIMIT_ERROR: "LZMA_MEMLIMIT_ERROR"
        case LZMA_FORMAT_ERROR: "LZMA_FORMAT_ERROR"
        case LZMA_OPTIONS_ERROR: "LZMA_OPTIONS_ERROR"
        case LZMA_DATA_ERROR: "LZMA_DATA_ERROR"
        case LZMA_BUF_ERROR: "LZMA_BUF_ERROR"
        case LZMA_PROG_ERROR: "LZMA_PROG_ERROR"
        default: "unknown liblzma code"
        }
    }

    static func error(_ function: String, _ code: lzma_ret) -> CompressorError {
        .library(library: "liblzma", function: function, code: Int32(code.rawValue), name: name(of: code))
    }

    static func call(_ function: String, _ body: () -> lzma_ret) throws {
        let code = body()
        guard code == LZMA_OK else { throw error(function, code) }
    }

    /// The LZMA2 options of `preset` (with the extreme flag), as liblzma defines them.
    static func options(preset: Int, extreme: Bool) throws -> lzma_options_lzma {
        var options = lzma_options_lzma()
        let flags = UInt32(preset) | (extreme ? CLZMA_presetExtreme() : 0)
        guard lzma_lzma_preset(&options, flags) == 0 else {
            throw CompressorError.library(
                library: "liblzma", function: "lzma_lzma_preset", code: 1, name: "unsupported preset \(preset)")
        }
        return options
    }

    /// An `lzma_allocator` that routes a stream's allocations through `counter`; it must live
    /// as long as the stream, which points at it.
    static func allocator(counting counter: AllocationCounter) -> UnsafeMutablePointer<lzma_allocator> {
        let allocator = UnsafeMutablePointer<lzma_allocator>.allocate(capacity: 1)
        allocator.initialize(to: lzma_allocator(
            alloc: { opaque, count, size in AllocationCounter.from(opaque).allocate(count * size) },
            free: { opaque, pointer in AllocationCounter.from(opaque).free(pointer) },
            opaque: counter.opaque))
        return allocator
    }

    /// Points `stream` at `input` while `body` runs, then detaches every buffer.
    static func feeding<T>(_ stream: UnsafeMutablePointer<lzma_stream>, _ input: UnsafeRawBufferPointer, _ body: () throws -> T) rethrows -> T {
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_in = input.count
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
            stream.pointee.next_out = nil
            stream.pointee.avail_out = 0
        }
        return try body()
    }

    /// The smallest power of two that holds `bytes`, at least liblzma's minimum (4 KiB),
    /// never above `presetSize`.
    static func dictionarySize(forBytes bytes: Int, presetSize: UInt32) -> UInt32 {
        let minimum = Int(CLZMA_dictSizeMin())
        var size = minimum
        while size < bytes && size < Int(presetSize) { size <<= 1 }
        return UInt32(min(size, Int(presetSize)))
    }
}

/// A liblzma encoder whose `lzma_stream` is re-initialised for each compression, so that
/// liblzma reuses the memory it allocated when the dictionary size repeats.
struct LZMAEncoder: ~Copyable {
    private let stream: UnsafeMutablePointer<lzma_stream>
    private let output: UnsafeMutableRawBufferPointer
    private let container: CompressorSpec.Container
    /// The preset's LZMA2 options; each start sizes a copy's dictionary.
    private let presetOptions: lzma_options_lzma
    private let allocator: UnsafeMutablePointer<lzma_allocator>
    /// Kept alive here: the C hooks reach it unretained, and the stream's end frees through them.
    private let counter: AllocationCounter

    init(preset: Int, extreme: Bool, container: CompressorSpec.Container, counter: AllocationCounter) throws {
        self.presetOptions = try LZMA.options(preset: preset, extreme: extreme)
        self.container = container
        self.counter = counter
        self.allocator = LZMA.allocator(counting: counter)
        self.stream = .allocate(capacity: 1)
        self.stream.initialize(to: lzma_stream())
        self.stream.pointee.allocator = UnsafePointer(allocator)
        self.output = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        lzma_end(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        allocator.deallocate()
        output.deallocate()
    }

    /// The dictionary for compressing `bytes` bytes (dictionary included).
    ///
    /// With a binary-tree match finder (presets 4-9 and every extreme preset) it is sized to
    /// the input by ``LZMA/dictionarySize(forBytes:presetSize:)``: the search finds the same
    /// matches in a smaller hash table, so the stream is the one the preset's dictionary gives,
    /// without allocating and clearing up to 64 MiB of tables for a small input. A hash-chain
    /// match finder (presets 0-3) keeps only `depth` candidates per hash, so the table's size,
    /// which liblzma derives from the dictionary's, changes the stream: those presets keep
    /// their own dictionary (at most 4 MiB).
    func dictionarySize(forBytes bytes: Int) -> UInt32 {
        switch presetOptions.mf {
        case LZMA_MF_BT2, LZMA_MF_BT3, LZMA_MF_BT4:
            LZMA.dictionarySize(forBytes: bytes, presetSize: presetOptions.dict_size)
        default:
            presetOptions.dict_size
        }
    }

    /// Starts a stream for `bytes` bytes of input (dictionary included), primed with
    /// `dictionary` if it is not empty; returns the dictionary size used.
    @discardableResult
    func start(forBytes bytes: Int, dictionary: UnsafeRawBufferPointer) throws -> Int {
        var options = presetOptions
        options.dict_size = dictionarySize(forBytes: bytes)
        // liblzma copies the preset dictionary while initialising; only its last
        // dict_size bytes can be referenced.
        let tail = UnsafeRawBufferPointer(rebasing: dictionary.suffix(Int(options.dict_size)))
        if let base = tail.baseAddress, !tail.isEmpty {
            options.preset_dict = base.assumingMemoryBound(to: UInt8.self)
            options.preset_dict_size = UInt32(tail.count)
        }
        let size = Int(options.dict_size)
        try withUnsafeMutablePointer(to: &options) { optionsPointer in
            var filters = [
                lzma_filter(id: CLZMA_filterLZMA2(), options: UnsafeMutableRawPointer(optionsPointer)),
                lzma_filter(id: CLZMA_vliUnknown(), options: nil),
            ]
            switch container {
            case .xz:
                try LZMA.call("lzma_stream_encoder") { lzma_stream_encoder(stream, &filters, LZMA_CHECK_CRC64) }
            default:
                try LZMA.call("lzma_raw_encoder") { lzma_raw_encoder(stream, &filters) }
            }
        }
        return size
    }

    /// Compresses `input` as the next part of the stream; with `finish`, ends the stream.
    func compress(_ input: UnsafeRawBufferPointer, finish: Bool, into sink: (UnsafeRawBufferPointer) -> Void) throws {
        if input.isEmpty && !finish { return }
        try LZMA.feeding(stream, input) { try drive(finish: finish, into: sink) }
    }

    private func drive(finish: Bool, into sink: (UnsafeRawBufferPointer) -> Void) throws {
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_out = output.count
            let code = lzma_code(stream, finish ? LZMA_FINISH : LZMA_RUN)
            let produced = output.count - stream.pointee.avail_out
            if produced > 0 { sink(UnsafeRawBufferPointer(rebasing: output.prefix(produced))) }
            if code == LZMA_STREAM_END { return }
            guard code == LZMA_OK else { throw LZMA.error("lzma_code", code) }
            if !finish && stream.pointee.avail_in == 0 { return }
        }
    }
}

/// A liblzma decoder for one stream, used to verify round trips.
struct LZMADecoder: ~Copyable {
    private let stream: UnsafeMutablePointer<lzma_stream>
    private let compressor: String
    private let allocator: UnsafeMutablePointer<lzma_allocator>

    /// A decoder for the stream that an encoder with `dictionarySize` and `dictionary` wrote.
    init(
        preset: Int, extreme: Bool, container: CompressorSpec.Container,
        dictionarySize: Int, dictionary: UnsafeRawBufferPointer, compressor: String, counter: AllocationCounter
    ) throws {
        var options = try LZMA.options(preset: preset, extreme: extreme)
        options.dict_size = UInt32(dictionarySize)
        let tail = UnsafeRawBufferPointer(rebasing: dictionary.suffix(dictionarySize))
        if let base = tail.baseAddress, !tail.isEmpty {
            options.preset_dict = base.assumingMemoryBound(to: UInt8.self)
            options.preset_dict_size = UInt32(tail.count)
        }
        let allocator = LZMA.allocator(counting: counter)
        let stream = UnsafeMutablePointer<lzma_stream>.allocate(capacity: 1)
        stream.initialize(to: lzma_stream())
        stream.pointee.allocator = UnsafePointer(allocator)
        let code = withUnsafeMutablePointer(to: &options) { optionsPointer in
            var filters = [
                lzma_filter(id: CLZMA_filterLZMA2(), options: UnsafeMutableRawPointer(optionsPointer)),
                lzma_filter(id: CLZMA_vliUnknown(), options: nil),
            ]
            return container == .xz
                ? lzma_stream_decoder(stream, UInt64.max, 0)
                : lzma_raw_decoder(stream, &filters)
        }
        guard code == LZMA_OK else {
            lzma_end(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
            allocator.deallocate()
            throw LZMA.error(container == .xz ? "lzma_stream_decoder" : "lzma_raw_decoder", code)
        }
        self.stream = stream
        self.compressor = compressor
        self.allocator = allocator
    }

    deinit {
        lzma_end(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        allocator.deallocate()
    }

    func decompress(_ input: UnsafeRawBufferPointer, expectedBytes: Int?) throws -> [UInt8] {
        try LZMA.feeding(stream, input) {
            try drain(capacity: outputCapacity(expectedBytes: expectedBytes, input: input)) { buffer in
                stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = buffer.count
                let code = lzma_code(stream, LZMA_FINISH)
                let written = buffer.count - stream.pointee.avail_out
                switch code {
                case LZMA_STREAM_END:
                    return (written, true)
                case LZMA_OK:
                    return (written, false)
                case LZMA_BUF_ERROR:
                    throw CompressorError.corruptStream(compressor: compressor, detail: "the stream ends early")
                case LZMA_DATA_ERROR, LZMA_FORMAT_ERROR, LZMA_OPTIONS_ERROR:
                    throw CompressorError.corruptStream(compressor: compressor, detail: LZMA.name(of: code))
                default:
                    throw LZMA.error("lzma_code", code)
                }
            }
        }
    }
}
