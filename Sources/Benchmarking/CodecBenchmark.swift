public import Compressors

/// Measures a compressor as an estimator of complexity: its ratio, speeds and memory on the
/// given files, and how well its sizes behave as complexities (``EstimateQuality``).
///
/// Speeds come from one reused ``Compressor`` on one thread, as Kolmo's commands use it:
/// a run compresses (or decompresses) every file once; one warm-up run, then runs until there
/// are at least `minimumRuns` of them and they took `minimumSeconds` together.
public struct CodecBenchmark: Sendable {
    public var minimumRuns: Int
    public var minimumSeconds: Double
    /// The largest prefix of the NCD(x,x) curve; the curve doubles from 1 KiB up to it.
    public var largestPrefix: Int
    /// Threads for the quality measures (``EstimateQuality``); speeds are always measured on one.
    public var jobs: Int

    public init(minimumRuns: Int = 5, minimumSeconds: Double = 1, largestPrefix: Int = 4 << 20, jobs: Int = 1) {
        self.minimumRuns = minimumRuns
        self.minimumSeconds = minimumSeconds
        self.largestPrefix = largestPrefix
        self.jobs = jobs
    }

    /// Measures `spec` on `files`; with `labels` (one per file), also the clustering it gives.
    /// - Throws: ``CompressorError`` from the codec.
    public func measure(_ spec: CompressorSpec, files: [[UInt8]], labels: [String]? = nil) throws -> CodecReport {
        precondition(labels == nil || labels!.count == files.count, "one label per file")
        let compressor = try Compressor(spec)
        let streams = try files.map { try compressor.compressed($0) }
        let roundTrip = try zip(files, streams).allSatisfy { file, stream in
            try compressor.decompressed(stream, originalCount: file.count) == file
        }
        let inputBytes = files.reduce(0) { $0 + $1.count }
        let compression = try Timing.measure(minimumRuns: minimumRuns, minimumSeconds: minimumSeconds) {
            for file in files { _ = try compressor.compressedSize(of: file) }
        }
        let decompression = try Timing.measure(minimumRuns: minimumRuns, minimumSeconds: minimumSeconds) {
            for (file, stream) in zip(files, streams) { _ = try compressor.decompressed(stream, originalCount: file.count) }
        }
        return CodecReport(
            compressor: spec, inputBytes: inputBytes, compressedBytes: streams.reduce(0) { $0 + $1.count },
            compression: Speed(bytes: inputBytes, compression), decompression: Speed(bytes: inputBytes, decompression),
            roundTrip: roundTrip,
            compressionMemory: compressor.encoderAllocations.peakBytes,
            decompressionMemory: compressor.decoderAllocations.peakBytes,
            quality: try EstimateQuality(spec, files: files, labels: labels, prefixSizes: prefixSizes(available: inputBytes), jobs: jobs))
    }

    /// 1 KiB, 2 KiB, ... up to `largestPrefix` and to `available` bytes.
    public func prefixSizes(available: Int) -> [Int] {
        Array(sequence(first: 1024) { $0 * 2 }.prefix { $0 <= min(largestPrefix, available) })
    }
}

/// What ``CodecBenchmark`` measured for one compressor.
public struct CodecReport: Hashable, Sendable {
    public let compressor: CompressorSpec
    /// The files' total size.
    public let inputBytes: Int
    /// The total of the files' compressed sizes, each compressed alone.
    public let compressedBytes: Int
    public let compression: Speed
    public let decompression: Speed
    /// Whether every file decompressed to itself, byte for byte.
    public let roundTrip: Bool
    /// The most bytes the C library held at once while compressing any one file, counted
    /// through its allocator hooks (``AllocationCounter``).
    public let compressionMemory: Int
    /// The same while decompressing.
    public let decompressionMemory: Int
    public let quality: EstimateQuality

    /// Input bytes per compressed byte.
    public var ratio: Double { Double(inputBytes) / Double(compressedBytes) }
    /// 8 × compressed / input.
    public var bitsPerByte: Double { 8 * Double(compressedBytes) / Double(inputBytes) }
}
