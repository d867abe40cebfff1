/// A reusable compressor: a C library stream, or one of Kolmo's learning codecs, set up once and
/// reset for every input.
///
/// Create one per thread and use it for as many inputs as you like; resetting a stream
/// (zlib's `deflateReset`, liblzma re-initialising the same `lzma_stream`, `ZSTD_CCtx_reset`;
/// libbz2, which has no reset, ends and initialises the same `bz_stream`) is far cheaper
/// than building one, and gives byte for byte the output of a fresh compressor.
///
/// Sizes (`compressedSize`) are in bytes of the compressed stream and count exactly what
/// ``CompressorSpec`` says for the container: nothing for raw streams, the header and trailer
/// otherwise. Code lengths (`codeLength`) are the estimates Kolmo computes with: a stream codec's
/// size in whole bytes, and a learning codec's exact code length (``CodeLength``).
///
/// ```swift
/// let compressor = try Compressor(CompressorSpec(parsing: "lzma:9"))
/// let cx = try compressor.compressedSize(of: x)
/// let cxy = try compressor.compressedSize(of: x, followedBy: y)   // C(xy), no copy of x + y
/// ```
public struct Compressor: ~Copyable {
    public let spec: CompressorSpec
    /// Whether every compression is decompressed and compared with its input.
    public let verifies: Bool
    /// The bytes the C library allocates for compressing: its state, window and tables.
    public let encoderAllocations = AllocationCounter()
    /// The bytes the C library allocates for decompressing (verification and ``decompressed(_:dictionary:)``);
    /// every decoder frees all it allocated before the call returns.
    public let decoderAllocations = AllocationCounter()
    let engine: Engine

    // Internal, not private: in release builds Swift 6.3's cross-module optimisation makes
    // client modules reference a private noncopyable enum's symbol, and linking fails.
    enum Engine: ~Copyable {
        case deflate(DeflateEncoder)
        case lzma(LZMAEncoder)
        case bzip2(Bzip2Encoder)
        case zstd(ZstdEncoder)
        case ppm(ModelEngine<PPMCodec>)
        case cm(ModelEngine<ContextMixingCodec>)
    }

    /// A compressor for `spec`. With `verify`, every compression is decompressed and compared
    /// with its input, and a difference throws ``CompressorError/roundTripMismatch(compressor:expectedBytes:decompressedBytes:)``.
    public init(_ spec: CompressorSpec, verify: Bool = false) throws {
        self.spec = spec
        self.verifies = verify
        switch spec.algorithm {
        case .deflate:
            engine = .deflate(try DeflateEncoder(level: spec.level, container: spec.container, counter: encoderAllocations))
        case .lzma:
            engine = .lzma(try LZMAEncoder(
                preset: spec.level, extreme: spec.extreme, container: spec.container, counter: encoderAllocations))
        case .bzip2:
            engine = .bzip2(try Bzip2Encoder(level: spec.level, counter: encoderAllocations))
        case .zstd:
            engine = .zstd(try ZstdEncoder(level: spec.level, counter: encoderAllocations))
        case .ppm:
            let parameters: PPMParameters
            do {
                parameters = try PPMParameters(order: spec.level, memory: spec.memory)
            } catch {
                throw CompressorError.invalidSpecification(spec.description, reason: error.description)
            }
            engine = .ppm(ModelEngine(PPMCodec(parameters), encoderCounter: encoderAllocations, decoderCounter: decoderAllocations))
        case .cm:
            let level: CMLevel
            do {
                level = try CMLevel(spec.level)
            } catch {
                throw CompressorError.invalidSpecification(spec.description, reason: error.description)
            }
            engine = .cm(ModelEngine(ContextMixingCodec(level: level), encoderCounter: encoderAllocations, decoderCounter: decoderAllocations))
        }
    }

    /// ``CompressorSpec/window``.
    public var window: Int { spec.window }

    // MARK: Sizes

    /// C(x): the size in bytes of `x` compressed.
    public func compressedSize(of x: [UInt8]) throws -> Int {
        try x.withUnsafeBytes { try compressedSize(ofParts: [$0]) }
    }

    /// C(xy): the size of `x` followed by `y` compressed as one stream, fed part by part
    /// without building the concatenation.
    public func compressedSize(of x: [UInt8], followedBy y: [UInt8]) throws -> Int {
        try x.withUnsafeBytes { xb in try y.withUnsafeBytes { yb in try compressedSize(ofParts: [xb, yb]) } }
    }

    /// The size of `parts` compressed, in order, as one stream.
    func compressedSize(ofParts parts: [UnsafeRawBufferPointer]) throws -> Int {
        if verifies || spec.algorithm.learns { return try compressed(parts, dictionary: UnsafeRawBufferPointer(start: nil, count: 0)).count }
        var size = 0
        try run(parts, dictionary: UnsafeRawBufferPointer(start: nil, count: 0)) { size += $0.count }
        return size
    }

    // MARK: Code lengths

    /// C(x): for a stream codec the size of x's stream, for a learning codec x's exact code length.
    public func codeLength(of x: [UInt8]) throws -> CodeLength {
        try codeLength(of: x, followedBy: [])
    }

    /// C(xy): x followed by y as one input, without building the concatenation.
    public func codeLength(of x: [UInt8], followedBy y: [UInt8]) throws -> CodeLength {
        guard let model = learningModel else { return CodeLength(bytes: try compressedSize(of: x, followedBy: y)) }
        if verifies { try x.withUnsafeBytes { xb in try y.withUnsafeBytes { yb in try checkModelRoundTrip(model, [xb, yb], after: empty) } } }
        let lengths = x.withUnsafeBytes { xb in y.withUnsafeBytes { yb in model.lengths(of: [xb, yb], after: empty) } }
        return CodeLength(units: Int64(lengths.context + lengths.parts.reduce(0, +)))
    }

    /// C(xy) for every y in `suffixes`, in order: one row of a distance matrix.
    ///
    /// A learning codec learns x once and codes each y from that state, undoing y's changes to
    /// its tables by a journal: exactly the code length of x + y from a fresh model (the tests
    /// check it to the bit), at the cost of |y|, not |x| + |y|. Stream codecs: as
    /// ``compressedSizes(of:followedByEach:)``.
    public func codeLengths<Suffixes: Collection<[UInt8]>>(of x: [UInt8], followedByEach suffixes: Suffixes) throws -> [CodeLength] {
        guard let model = learningModel else {
            return try compressedSizes(of: x, followedByEach: suffixes).map(CodeLength.init(bytes:))
        }
        guard !verifies else { return try suffixes.map { try codeLength(of: x, followedBy: $0) } }
        let (cx, each) = x.withUnsafeBytes { model.lengths(ofEach: suffixes, after: $0) }
        return each.map { CodeLength(units: Int64(cx + $0)) }
    }

    /// C(y|x) measured directly: for a stream codec y compressed with x as preset dictionary
    /// (``primedSize(of:dictionary:)``), for a learning codec y's code length after learning x,
    /// which is exactly C(xy) - C(x).
    public func conditionalCodeLength(of y: [UInt8], given x: [UInt8]) throws -> PrimedLength {
        guard let model = learningModel else {
            let primed = try primedSize(of: y, dictionary: x)
            return PrimedLength(length: CodeLength(bytes: primed.bytes), usableDictionaryBytes: primed.usableDictionaryBytes)
        }
        if verifies { try x.withUnsafeBytes { xb in try y.withUnsafeBytes { yb in try checkModelRoundTrip(model, [yb], after: xb) } } }
        let length = x.withUnsafeBytes { xb in y.withUnsafeBytes { yb in model.lengths(of: [yb], after: xb).parts[0] } }
        return PrimedLength(length: CodeLength(units: Int64(length)), usableDictionaryBytes: usableDictionaryBytes(x.count, y.count))
    }

    /// C(y|x) for every y in `inputs`, in order, all given the one x: exactly what
    /// ``conditionalCodeLength(of:given:)`` gives for each. A learning codec learns x once and
    /// undoes each y; stream codecs as ``primedSizes(ofEach:dictionary:)``.
    public func conditionalCodeLengths<Inputs: Collection<[UInt8]>>(ofEach inputs: Inputs, given x: [UInt8]) throws -> [CodeLength] {
        guard let model = learningModel else {
            return try primedSizes(ofEach: inputs, dictionary: x).map(CodeLength.init(bytes:))
        }
        guard !verifies else { return try inputs.map { try conditionalCodeLength(of: $0, given: x).length } }
        return x.withUnsafeBytes { model.lengths(ofEach: inputs, after: $0) }.each.map { CodeLength(units: Int64($0)) }
    }

    /// Codes `parts` as one input after `context`, decodes the stream, and throws unless it gives the parts back.
    private func checkModelRoundTrip(
        _ model: any LearningEngine, _ parts: [UnsafeRawBufferPointer], after context: UnsafeRawBufferPointer
    ) throws {
        let input = Array(parts.joined())
        let stream = input.withUnsafeBytes { model.stream(of: $0, after: context) }
        let back = stream.withUnsafeBytes { model.decode($0, count: input.count, after: context) }
        guard back == input else {
            throw CompressorError.roundTripMismatch(compressor: spec.description, expectedBytes: input.count, decompressedBytes: back.count)
        }
    }

    private var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }

    /// The model of a learning codec; nil for a stream codec.
    private var learningModel: (any LearningEngine)? {
        switch engine {
        case .ppm(let model): model
        case .cm(let model): model
        default: nil
        }
    }

    // MARK: Rows

    /// C(xy) for every y in `suffixes`, in order: one row of a distance matrix.
    ///
    /// Deflate compresses x once and continues a copy of that stream (`deflateCopy`) with each y,
    /// which gives exactly the stream of the concatenation x + y; for an x under 1 KiB, and for
    /// other codecs, each concatenation is compressed, fed as two parts, on the same reused stream.
    public func compressedSizes<Suffixes: Collection<[UInt8]>>(of x: [UInt8], followedByEach suffixes: Suffixes) throws -> [Int] {
        var sizes: [Int] = []
        sizes.reserveCapacity(suffixes.count)
        try forEachContinuation(of: x, suffixes, collect: verifies) { _, size, _ in sizes.append(size) }
        return sizes
    }

    /// Calls `body` with the index, size and (when `collect` is set) stream of x + y for each y.
    func forEachContinuation<Suffixes: Collection<[UInt8]>>(
        of x: [UInt8], _ suffixes: Suffixes, collect: Bool, _ body: (Int, Int, [UInt8]) throws -> Void
    ) throws {
        switch engine {
        case .deflate(let encoder) where !suffixes.isEmpty && x.count >= Zlib.copyThreshold:
            try continueDeflate(encoder, x, suffixes, collect: collect, body)
        default:
            for (index, y) in suffixes.enumerated() {
                if collect {
                    let stream = try compressed(x, followedBy: y)
                    try body(index, stream.count, stream)
                } else {
                    try body(index, try compressedSize(of: x, followedBy: y), [])
                }
            }
        }
    }

    private func continueDeflate<Suffixes: Collection<[UInt8]>>(
        _ encoder: borrowing DeflateEncoder, _ x: [UInt8], _ suffixes: Suffixes, collect: Bool,
        _ body: (Int, Int, [UInt8]) throws -> Void
    ) throws {
        try encoder.reset()
        var prefix: [UInt8] = []
        var prefixSize = 0
        try x.withUnsafeBytes { xb in
            try encoder.compress(xb, finish: false) { piece in
                prefixSize += piece.count
                if collect { prefix.append(contentsOf: piece) }
            }
        }
        try continueEach(encoder, suffixes, prefix: prefix, prefixSize: prefixSize, collect: collect) { stream, y in
            try x.withUnsafeBytes { xb in
                try checkRoundTrip(stream, of: [xb, y], dictionary: UnsafeRawBufferPointer(start: nil, count: 0))
            }
        } body: { index, size, stream in
            try body(index, size, stream)
        }
    }

    /// Continues a copy of `encoder`'s stream, which already holds x (compressed, or as its
    /// dictionary), with each input: the one loop behind rows and primed rows. `prefix` and
    /// `prefixSize` are what x's part of the stream already produced; with `collect` and
    /// `verifies`, `check` is given each whole stream and its input to decompress and compare.
    private func continueEach<Inputs: Collection<[UInt8]>>(
        _ encoder: borrowing DeflateEncoder, _ inputs: Inputs, prefix: [UInt8], prefixSize: Int, collect: Bool,
        check: ([UInt8], UnsafeRawBufferPointer) throws -> Void, body: (Int, Int, [UInt8]) throws -> Void
    ) throws {
        for (index, y) in inputs.enumerated() {
            var stream = prefix
            var size = prefixSize
            try y.withUnsafeBytes { yb in
                try encoder.continueCopy(with: yb) { piece in
                    size += piece.count
                    if collect { stream.append(contentsOf: piece) }
                }
                if collect && verifies { try check(stream, yb) }
            }
            try body(index, size, stream)
        }
    }

    // MARK: Priming

    /// The size of `y` compressed by a compressor primed with `dictionary` (x), the direct
    /// estimate of C(y|x), with how many bytes of x the compressor could use.
    ///
    /// Deflate primes with `deflateSetDictionary` and can reach only the last 32 KiB - 262 bytes
    /// of x. LZMA2 primes with the raw encoder's `preset_dict`, its dictionary sized to
    /// |x| + |y| as for any input (never above the preset's), so all of x is usable up to that size.
    /// zstd references x as a prefix (`ZSTD_CCtx_refPrefix`) with a window grown to hold x and y
    /// (up to 1 GiB); the window bounds what it can reach, but its match finder may forget more:
    /// zstd indexes only the last 2^max(hashLog + 3, chainLog + 1) bytes of a prefix (128 KiB at
    /// level 1), and the hash tables of levels 1-12 keep few positions per hash, so the start of a
    /// long x is lost; the binary trees of levels 13-22 keep it. Only raw deflate, raw LZMA2 and
    /// zstd can be primed: bzip2 has no preset dictionary.
    public func primedSize(of y: [UInt8], dictionary x: [UInt8]) throws -> PrimedSize {
        try requirePriming()
        let size = try x.withUnsafeBytes { xb in
            try y.withUnsafeBytes { yb in
                if verifies || spec.algorithm.learns { return try compressed([yb], dictionary: xb).count }
                var size = 0
                try run([yb], dictionary: xb) { size += $0.count }
                return size
            }
        }
        return PrimedSize(bytes: size, usableDictionaryBytes: usableDictionaryBytes(x.count, y.count))
    }

    /// C(y|x) primed for every y in `inputs`, in order, all with the one dictionary x: exactly the
    /// sizes ``primedSize(of:dictionary:)`` gives for each.
    ///
    /// Deflate primes its stream once (`deflateSetDictionary`, which hashes up to 32 KiB of x) and
    /// compresses each y on a copy of the primed stream (`deflateCopy`); for an x under 1 KiB,
    /// and for LZMA2 and zstd, which have no state copy, each y is primed afresh on the same reused stream.
    public func primedSizes<Inputs: Collection<[UInt8]>>(ofEach inputs: Inputs, dictionary x: [UInt8]) throws -> [Int] {
        try requirePriming()
        switch engine {
        case .deflate(let encoder) where !inputs.isEmpty && x.count >= Zlib.copyThreshold:
            try encoder.reset()
            try x.withUnsafeBytes { try encoder.setDictionary($0) }
            var sizes: [Int] = []
            sizes.reserveCapacity(inputs.count)
            try continueEach(encoder, inputs, prefix: [], prefixSize: 0, collect: verifies) { stream, y in
                try x.withUnsafeBytes { try checkRoundTrip(stream, of: [y], dictionary: $0) }
            } body: { _, size, _ in
                sizes.append(size)
            }
            return sizes
        default:
            return try inputs.map { try primedSize(of: $0, dictionary: x).bytes }
        }
    }

    /// How many bytes of a dictionary of `dictionaryCount` bytes a primed compression of
    /// `inputCount` bytes can reach: its window, for zstd (see ``primedSize(of:dictionary:)``).
    public func usableDictionaryBytes(_ dictionaryCount: Int, _ inputCount: Int) -> Int {
        switch engine {
        case .deflate:
            min(dictionaryCount, Zlib.maximumDistance)
        case .lzma(let encoder):
            min(dictionaryCount, Int(encoder.dictionarySize(forBytes: dictionaryCount + inputCount)))
        case .bzip2:
            0
        case .zstd:
            min(dictionaryCount, 1 << Zstd.primingWindowLog(level: spec.level, bytes: dictionaryCount + inputCount))
        case .ppm:
            min(dictionaryCount, spec.window)
        case .cm:
            min(dictionaryCount, spec.window)
        }
    }

    // MARK: Streams

    /// The compressed stream of `x`.
    public func compressed(_ x: [UInt8]) throws -> [UInt8] {
        try x.withUnsafeBytes { try compressed([$0], dictionary: UnsafeRawBufferPointer(start: nil, count: 0)) }
    }

    /// The compressed stream of `x` followed by `y`.
    public func compressed(_ x: [UInt8], followedBy y: [UInt8]) throws -> [UInt8] {
        try x.withUnsafeBytes { xb in
            try y.withUnsafeBytes { yb in try compressed([xb, yb], dictionary: UnsafeRawBufferPointer(start: nil, count: 0)) }
        }
    }

    /// The compressed stream of `y` primed with `dictionary`; decompress it with the same dictionary.
    public func compressed(_ y: [UInt8], dictionary: [UInt8]) throws -> [UInt8] {
        try requirePriming()
        return try dictionary.withUnsafeBytes { db in try y.withUnsafeBytes { yb in try compressed([yb], dictionary: db) } }
    }

    /// Decompresses a stream this spec wrote; a primed stream needs its `dictionary`.
    /// Given the `originalCount` of bytes, LZMA2 sizes its decoder's dictionary as the encoder did.
    /// - Throws: ``CompressorError/corruptStream(compressor:detail:)`` for a damaged stream.
    /// A learning codec's stream does not record its length: it needs `originalCount`.
    public func decompressed(_ data: [UInt8], dictionary: [UInt8] = [], originalCount: Int? = nil) throws -> [UInt8] {
        if spec.algorithm.learns && originalCount == nil {
            throw CompressorError.unsupported(
                compressor: spec.description, reason: "a \(spec.name) stream does not record its length: give the original byte count")
        }
        return try data.withUnsafeBytes { input in
            try dictionary.withUnsafeBytes { dict in
                // A stream of n bytes decompresses to at least n / 1032 bytes for deflate and far
                // more for LZMA; the decoder's dictionary must cover what the encoder used,
                // so without the count size it as the encoder would for the largest possible output.
                try decode(input, dictionary: dict, expectedBytes: originalCount ?? Int(UInt32.max))
            }
        }
    }

    // MARK: Internals

    private func compressed(_ parts: [UnsafeRawBufferPointer], dictionary: UnsafeRawBufferPointer) throws -> [UInt8] {
        var stream: [UInt8] = []
        if let model = learningModel {
            // One input, coded after the dictionary: the parts are joined (verification and tests only).
            stream = Array(parts.joined()).withUnsafeBytes { model.stream(of: $0, after: dictionary) }
        } else {
            try run(parts, dictionary: dictionary) { stream.append(contentsOf: $0) }
        }
        if verifies { try checkRoundTrip(stream, of: parts, dictionary: dictionary) }
        return stream
    }

    /// Decompresses `stream` and throws unless it gives back the concatenation of `parts`.
    private func checkRoundTrip(_ stream: [UInt8], of parts: [UnsafeRawBufferPointer], dictionary: UnsafeRawBufferPointer) throws {
        let expected = parts.reduce(0) { $0 + $1.count }
        let back = try stream.withUnsafeBytes { try decode($0, dictionary: dictionary, expectedBytes: expected) }
        guard back.count == expected, back.elementsEqual(parts.joined()) else {
            throw CompressorError.roundTripMismatch(
                compressor: spec.description, expectedBytes: expected, decompressedBytes: back.count)
        }
    }

    private func run(
        _ parts: [UnsafeRawBufferPointer], dictionary: UnsafeRawBufferPointer,
        into sink: (UnsafeRawBufferPointer) -> Void
    ) throws {
        switch engine {
        case .deflate(let encoder):
            try encoder.reset()
            try encoder.setDictionary(dictionary)
        case .lzma(let encoder):
            try encoder.start(forBytes: parts.reduce(dictionary.count) { $0 + $1.count }, dictionary: dictionary)
        case .bzip2(let encoder):
            try encoder.reset()
        case .zstd(let encoder):
            return try encoder.compress(parts, dictionary: dictionary, into: sink)
        case .ppm:
            preconditionFailure("a learning codec codes through its ModelEngine, not a C stream")
        case .cm:
            preconditionFailure("a learning codec codes through its ModelEngine, not a C stream")
        }
        // An empty list of parts is the empty input: the stream still has to be finished.
        let pieces = parts.isEmpty ? [UnsafeRawBufferPointer(start: nil, count: 0)] : parts
        for (index, piece) in pieces.enumerated() {
            let finish = index == pieces.count - 1
            switch engine {
            case .deflate(let encoder): try encoder.compress(piece, finish: finish, into: sink)
            case .lzma(let encoder): try encoder.compress(piece, finish: finish, into: sink)
            case .bzip2(let encoder): try encoder.compress(piece, finish: finish, into: sink)
            case .zstd: break
            case .ppm: break
            case .cm: break
            }
        }
    }

    private func decode(_ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, expectedBytes: Int) throws -> [UInt8] {
        switch engine {
        case .deflate:
            let decoder = try InflateDecoder(container: spec.container, compressor: spec.description, counter: decoderAllocations)
            return try decoder.decompress(
                input, dictionary: UnsafeRawBufferPointer(rebasing: dictionary.suffix(32 * 1024)), expectedBytes: expectedBytes)
        case .lzma(let encoder):
            let size = encoder.dictionarySize(forBytes: dictionary.count + expectedBytes)
            let decoder = try LZMADecoder(
                preset: spec.level, extreme: spec.extreme, container: spec.container,
                dictionarySize: Int(size), dictionary: dictionary, compressor: spec.description, counter: decoderAllocations)
            return try decoder.decompress(input, expectedBytes: expectedBytes)
        case .bzip2:
            return try Bzip2Decoder(compressor: spec.description, counter: decoderAllocations).decompress(input, expectedBytes: expectedBytes)
        case .zstd:
            return try ZstdDecoder(compressor: spec.description, counter: decoderAllocations)
                .decompress(input, dictionary: dictionary, expectedBytes: expectedBytes)
        case .ppm(let model):
            return model.decode(input, count: expectedBytes, after: dictionary)
        case .cm(let model):
            return model.decode(input, count: expectedBytes, after: dictionary)
        }
    }

    private func requirePriming() throws {
        guard spec.algorithm != .bzip2 else {
            throw CompressorError.unsupported(
                compressor: spec.description,
                reason: "bzip2 has no preset dictionary, so C(y|x) cannot be primed; estimate it by the difference C(xy) - C(x)")
        }
        guard spec.canBePrimed else {
            throw CompressorError.unsupported(
                compressor: spec.description,
                reason: "only raw streams (deflate, lzma, zstd) can be primed with a dictionary, not the \(spec.container.rawValue) container")
        }
    }
}

/// C(y|x) as a code length (``Compressor/conditionalCodeLength(of:given:)``), and how much of x
/// was within reach.
public struct PrimedLength: Hashable, Sendable {
    public let length: CodeLength
    /// How many bytes at the end of x the compressor could use.
    public let usableDictionaryBytes: Int
}

/// The result of a primed compression: C(y|x) in bytes, and how much of x was within reach.
public struct PrimedSize: Hashable, Sendable {
    /// The size in bytes of y's compressed stream.
    public let bytes: Int
    /// How many bytes at the end of x the compressor could reference.
    public let usableDictionaryBytes: Int
}
