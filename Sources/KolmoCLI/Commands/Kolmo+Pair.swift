import ArgumentParser
import Complexity
import Compressors
import Foundation
import Pairing

extension PairingScore: ExpressibleByArgument {}

extension Kolmo {
    struct PairCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pair",
            abstract: "Recover which document of Y translates which of X, from compression alone.",
            discussion: """
                Files of the same name (extension ignored) in X_DIR and Y_DIR are translations: that is \
                the truth the pairing is scored against, never an input to it (Y is shuffled with --seed \
                first, so ties fall at random). Scores: ncd (NCD(x, y), lower is closer), mutual (shared \
                information C(x) + C(y) - C(xy)), conditional (C(y) - C(y|x), y compressed by a compressor \
                primed with x), length (|log(|x|/|y|)|, no compression). The pairing is the exact \
                minimum-cost assignment (Hungarian method); beside it, greedy matching and top-1/top-5 \
                retrieval, the mean reciprocal rank, the length baseline and chance on the same pairs, and \
                permutation p-values.
                """
        )

        @Argument(help: "Directory of documents X.")
        var xDirectory: String

        @Argument(help: "Directory of their translations Y.")
        var yDirectory: String

        @Option(help: "What scores a pair: ncd, mutual, conditional or length.")
        var score: PairingScore = .ncd

        @OptionGroup var options: EstimationOptions

        @OptionGroup var matrixOptions: MatrixOptions

        @Option(
            help: ArgumentHelp(
                "Also score with this compressor (repeatable): each compressor's costs are standardised and summed.",
                valueName: "name[:level]"),
            transform: { try CompressorSpec(parsing: $0) })
        var ensemble: [CompressorSpec] = []

        @Option(help: "A TSV of (x name, y name) rows after a header, instead of pairing by file name.")
        var truth: String?

        @Option(help: "text (summary and pairing), tsv (the pairing) or json (everything).")
        var format: PairFormat = .text

        @Option(help: "Write to this file (complete or not at all) instead of standard output.")
        var output: String?

        @Option(help: "Seed of the shuffle of Y and of the permutation test.")
        var seed: UInt64 = 1

        @Option(help: "Random pairings drawn for the p-values.")
        var permutations: Int = 10_000

        @Flag(help: "No progress on standard error.")
        var quiet = false

        func validate() throws {
            if permutations < 0 { throw ValidationError("--permutations must be at least 0") }
            if score == .length && !ensemble.isEmpty { throw ValidationError("--score length uses no compressor: --ensemble does not apply") }
        }

        func run() throws {
            let inputs = try TranslationInputs(
                x: xDirectory, y: yDirectory, truth: truth, include: matrixOptions.include, reader: options.reader())
            let builder = DistanceMatrixBuilder(
                compressor: options.compressor, order: matrixOptions.order, jobs: matrixOptions.jobs, verify: options.verify)
            let n = inputs.x.count
            var pairing = TranslationPairing(builder: builder, score: score, seed: seed, permutations: permutations, ensemble: ensemble)
            let progress = Progress.attach(to: &pairing.builder, quiet: quiet, workload: pairing.workload(size: n))
            let report = try pairing.run(x: inputs.x.map(\.bytes), y: inputs.y.map(\.bytes), truth: inputs.truth)
            progress?.finish()

            let out = try OutputFile(path: output)
            let names = (x: inputs.x.map(\.label), y: inputs.y.map(\.label))
            switch format {
            case .text: try out.write(PairText.summary(report, names: names, permutations: permutations) + "\n" + PairText.tsv(report, names: names))
            case .tsv: try out.write(PairText.tsv(report, names: names))
            case .json: try out.write(PairText.json(report, names: names, permutations: permutations).rendered() + "\n")
            }
            try out.commit()
            if score != .length {
                Output.warnBeyondWindow(report.pairsBeyondWindow, of: n * n, window: report.window, options.compressor)
            }
            Output.warnTruncated(report.truncatedDictionaries, of: n * n, what: "x", window: report.window, options.compressor)
        }
    }
}

enum PairFormat: String, ExpressibleByArgument, CaseIterable {
    case text, tsv, json
}
