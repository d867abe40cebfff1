import Pairing
import Foundation

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
