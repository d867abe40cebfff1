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

/// The options that plan a command as tiles instead of running it (matrix, classify --method knn).
struct PlanOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Plan the run as tiles in this folder instead of running it (see `kolmo tile`).", valueName: "dir"))
    var plan: String?

    @Option(help: "How many tiles to cut the run into (with --plan).")
    var tiles: Int?

    @Flag(help: "With --plan: time a sample of pairs, say the CPU-hours and suggest a tile count; write nothing.")
    var estimate = false

    @Option(name: .customLong("minutes-per-tile"), help: "The CPU minutes a tile should take, for --estimate's suggestion.")
    var minutesPerTile: Double = 30

    func validate() throws {
        if plan == nil && (tiles != nil || estimate) { throw ValidationError("--tiles and --estimate need --plan DIR") }
        if plan != nil && tiles == nil && !estimate { throw ValidationError("--plan needs --tiles N (or --estimate to choose N)") }
        if let tiles, tiles < 1 { throw ValidationError("--tiles must be at least 1") }
        if !(minutesPerTile > 0) { throw ValidationError("--minutes-per-tile must be positive") }
    }

    /// The arguments of this run without the planning options: what every tile parses again.
    static func strip(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipValue = false
        for argument in arguments {
            if skipValue { skipValue = false; continue }
            if ["--plan", "--tiles", "--minutes-per-tile"].contains(argument) { skipValue = true; continue }
            if argument == "--estimate" || ["--plan=", "--tiles=", "--minutes-per-tile="].contains(where: argument.hasPrefix) { continue }
            kept.append(argument)
        }
        return kept
    }
}
