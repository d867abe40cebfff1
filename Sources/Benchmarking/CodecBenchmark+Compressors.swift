public import Compressors
import Foundation

extension CodecBenchmark {
    /// What `kolmo bench` measures unless told otherwise: the fastest, a middle and the
    /// strongest level of each codec, and the learning codecs at a low and the default order.
    public static let defaultCompressors = [
        "deflate:1", "deflate:6", "deflate:9", "lzma:0", "lzma:6", "lzma:9", "bzip2:1", "bzip2:9",
        "zstd:1", "zstd:3", "zstd:9", "zstd:19", "zstd:22", "ppm:4", "ppm:6", "cm:1", "cm:5",
    ].map { try! CompressorSpec(parsing: $0) }

    /// Every level of raw deflate (1-9), raw LZMA2 (0-9), bzip2 (1-9), zstd (1-22) and every order
    /// of ppm (2-16, default memory) and cm (1-9): 74 compressors.
    public static let everyLevel: [CompressorSpec] = CompressorSpec.Algorithm.allCases.flatMap { algorithm in
        algorithm.levels.map { try! CompressorSpec(algorithm, level: $0) }
    }

    /// Parses a comma-separated list of compressors (`deflate:9,zstd:19,ppm:6`), or `all` for ``everyLevel``.
    /// - Throws: ``CompressorError/invalidSpecification(_:reason:)`` for a bad name or level,
    ///   an empty list or a compressor named twice.
    public static func compressors(parsing text: String) throws -> [CompressorSpec] {
        if text.lowercased() == "all" { return everyLevel }
        var specs: [CompressorSpec] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw CompressorError.invalidSpecification(text, reason: "expected a comma-separated list such as deflate:9,zstd:19, or all")
            }
            let spec = try CompressorSpec(parsing: name)
            guard !specs.contains(spec) else {
                throw CompressorError.invalidSpecification(text, reason: "\(spec) is named twice")
            }
            specs.append(spec)
        }
        return specs
    }
}
