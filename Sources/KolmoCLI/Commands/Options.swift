import ArgumentParser
import Foundation
import Complexity
import Compressors

/// The options every estimating subcommand shares.
struct EstimationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "deflate, zlib, gzip (levels 1-9), lzma, xz (presets 0-9, suffix e for extreme), bzip2 (1-9), zstd (1-22).",
            valueName: "name[:level]"),
        transform: { try CompressorSpec(parsing: $0) })
    var compressor: CompressorSpec = .default

    @Option(help: "Unit of the sizes printed.")
    var unit: InformationUnit = .bytes

    @Flag(help: "Decompress every compressed stream and check that it gives the input back.")
    var verify = false

    @Flag(help: "Accept binary input (files containing NUL bytes), which is refused by default.")
    var binary = false

    func estimator() throws -> ComplexityEstimator {
        try ComplexityEstimator(compressor, verify: verify)
    }

    func reader() -> InputReader {
        InputReader(allowsBinary: binary)
    }
}

/// The options of commands that compute a matrix from files.
struct MatrixOptions: ParsableArguments {
    @Option(help: "Concatenation estimating the joint complexity: xy, yx, min or mean of both orders.")
    var order: ConcatenationOrder = .xy

    @Option(help: "Threads to use (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Only files whose name matches this glob (or relative path, if it has a '/').")
    var include: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ConcatenationOrder: ExpressibleByArgument {}
extension ConditionalMethod: ExpressibleByArgument {}
extension InformationUnit: ExpressibleByArgument {}
