import ArgumentParser
import Complexity
import Compressors

/// The options every estimating subcommand shares.
struct EstimationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "deflate, zlib, gzip (levels 1-9), lzma, xz (presets 0-9, suffix e for extreme).",
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

enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ConcatenationOrder: ExpressibleByArgument {}
extension ConditionalMethod: ExpressibleByArgument {}
extension InformationUnit: ExpressibleByArgument {}
