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
            var builder = DistanceMatrixBuilder(
                compressor: options.compressor, order: matrixOptions.order, jobs: matrixOptions.jobs, verify: options.verify)
            let n = inputs.x.count
            let quantities = score.quantities(order: matrixOptions.order)
            let passes = quantities.count * (1 + ensemble.count)
            let progress = Progress.attach(to: &builder, quiet: quiet || quantities.isEmpty, pairs: n * n * passes, rows: n * passes)
            let pairing = TranslationPairing(builder: builder, score: score, seed: seed, permutations: permutations, ensemble: ensemble)
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
            if !quantities.isEmpty {
                Output.warnBeyondWindow(report.pairsBeyondWindow, of: n * n, window: report.window, options.compressor)
            }
            Output.warnTruncated(report.truncatedDictionaries, of: n * n, what: "x", window: report.window, options.compressor)
        }
    }
}

enum PairFormat: String, ExpressibleByArgument, CaseIterable {
    case text, tsv, json
}

/// The pairing report as text, TSV and JSON.
enum PairText {
    static func list(_ values: PairingMetrics.Values) -> [Double] {
        [values.assignment, values.greedy, values.top1, values.top5, values.meanReciprocalRank]
    }

    static func summary(_ report: PairingReport, names: (x: [String], y: [String]), permutations: Int) -> String {
        // Accuracies as percentages; the mean reciprocal rank as the number it is.
        func cells(_ values: PairingMetrics.Values) -> [String] {
            list(values).dropLast().map { String(format: "%.1f%%", $0 * 100) } + [String(format: "%.3f", values.meanReciprocalRank)]
        }
        let correct = report.matches.count(where: \.correct)
        var rows = [["", "assignment", "greedy", "top-1", "top-5", "MRR"]]
        let compressors = ([report.compressor] + report.ensemble).map(\.description).joined(separator: " + ")
        rows.append([report.score == .length ? "length" : "\(report.score.rawValue) (\(compressors))"] + cells(report.metrics))
        rows.append(["length baseline"] + cells(report.lengthBaseline))
        rows.append(["chance"] + cells(report.chance))
        if permutations > 0 {
            rows.append(["p-value (\(permutations) permutations)"] + list(report.pValues).map { String(format: "%.2g", $0) })
        }
        return """
            \(report.size) pairs, score \(report.score.rawValue)\(report.score == .ncd || report.score == .mutual ? " (order \(report.order))" : ""), \
            compressor \(compressors): \(correct) of \(report.size) paired correctly
            \(Output.table(rows))

            """
    }

    /// One row per x: its matched y, the score, whether it is right, the rank of the true
    /// translation, and the best-scoring y (top-1 retrieval).
    static func tsv(_ report: PairingReport, names: (x: [String], y: [String])) -> String {
        var text = "x\ty\tscore\tcorrect\trank_of_translation\tretrieved\n"
        for match in report.matches {
            text += "\(names.x[match.x])\t\(names.y[match.y])\t\(match.score)\t\(match.correct)\t\(match.rankOfTranslation)\t\(names.y[match.retrieved])\n"
        }
        return text
    }

    /// The metrics as a JSON object, under the keys both `pair` and `study` print.
    static func metrics(_ values: PairingMetrics.Values) -> JSON {
        .object(zip(["assignment", "greedy", "top1", "top5", "mean_reciprocal_rank"], list(values)).map { ($0, .number($1)) })
    }

    static func json(_ report: PairingReport, names: (x: [String], y: [String]), permutations: Int) -> JSON {
        .object([
            ("score", .string(report.score.rawValue)),
            ("order", .string(report.order.rawValue)),
            ("compressor", .string(report.compressor.description)),
            ("ensemble", .array(report.ensemble.map { .string($0.description) })),
            ("pairs", .int(report.size)),
            ("metrics", metrics(report.metrics)),
            ("length_baseline", metrics(report.lengthBaseline)),
            ("chance", metrics(report.chance)),
            ("permutations", .int(permutations)),
            ("p_values", permutations > 0 ? metrics(report.pValues) : .null),
            ("pairing", .array(report.matches.map { match in
                .object([
                    ("x", .string(names.x[match.x])),
                    ("y", .string(names.y[match.y])),
                    ("score", .number(match.score)),
                    ("correct", .bool(match.correct)),
                    ("rank_of_translation", .int(match.rankOfTranslation)),
                    ("retrieved", .string(names.y[match.retrieved])),
                ])
            })),
        ])
    }
}
