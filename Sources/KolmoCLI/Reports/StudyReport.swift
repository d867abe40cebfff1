import Complexity
import Compressors
import Foundation
import Drawing
import Pairing

/// The study's results as a Markdown report (with SVG plots and a per-pair TSV) and as JSON.
enum StudyReport {
    static func write(_ result: StudyResult, names: (x: [String], y: [String]), title: String, unrelated: String?, to directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw FileProblem(path: directory, problem: "is a file; --report needs a directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FileProblem(path: directory, problem: "cannot create this directory")
        }
        let files: [(String, String)] = [
            ("chain-rule-gap.svg", Drawing.histograms(
                title: "Chain-rule gap C(xy) − (C(x) + C(y|x)), \(result.compressor)", axis: "gap, % of C(xy)",
                series: [("translations", result.relativeChainRuleGap.translations.map { $0 * 100 }),
                         ("other pairs", result.relativeChainRuleGap.others.map { $0 * 100 })])),
            ("symmetry-gap.svg", Drawing.histograms(
                title: "Symmetry gap (C(x) + C(y|x)) − (C(y) + C(x|y)), \(result.compressor)", axis: "gap, % of C(xy)",
                series: [("translations", result.relativeSymmetryGap.translations.map { $0 * 100 }),
                         ("other pairs", result.relativeSymmetryGap.others.map { $0 * 100 })])),
            ("roc.svg", Drawing.roc(
                title: "Translations against other pairs, \(result.compressor)",
                curves: result.scores.compactMap { row in
                    row.separation.map { ("\(row.score.rawValue): AUC \(String(format: "%.3f", $0.areaUnderCurve))", $0.curve) }
                })),
            ("pairs.tsv", tsv(result, names: names)),
            ("report.md", markdown(result, title: title, unrelated: unrelated, pictures: true)),
        ]
        for (name, text) in files {
            try OutputFile.write(text, to: (directory as NSString).appendingPathComponent(name))
        }
    }

    static func markdown(_ result: StudyResult, title: String, unrelated: String?, pictures: Bool) -> String {
        let n = result.size
        func bytes(_ value: Double) -> String { String(format: "%.1f", value) }
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        // A '|' inside a cell would end it: Markdown tables need it escaped.
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        var text = """
            # Joint compression against conditional compression: \(title)

            \(n) translation pairs and \(n * (n - 1)) other pairs; compressor \(result.compressor); sizes in bytes; \
            C(y|x) is y compressed by a compressor primed with x; NCD and mutual use the order \(result.order).


            """
        text += "## Chain rule and symmetry of information\n\n"
        text += row(["gap", "pairs", "mean", "sd", "5%", "median", "95%", "mean, % of C(xy)"])
        text += row(Array(repeating: "---", count: 8))
        for (name, split, relative) in [
            ("chain rule: C(xy) − (C(x) + C(y|x))", result.chainRuleGap, result.relativeChainRuleGap),
            ("symmetry: (C(x) + C(y|x)) − (C(y) + C(x|y))", result.symmetryGap, result.relativeSymmetryGap),
        ] {
            for (kind, values, shares) in [("translations", split.translations, relative.translations), ("other pairs", split.others, relative.others)] where !values.isEmpty {
                let d = Distribution(values)
                text += row([kind == "translations" ? name : "", kind, bytes(d.mean), bytes(d.standardDeviation),
                             bytes(d.quantiles[0]), bytes(d.median), bytes(d.quantiles[4]), percent(Distribution(shares).mean)])
            }
        }
        if pictures { text += "\n![chain-rule gap](chain-rule-gap.svg)\n![symmetry gap](symmetry-gap.svg)\n" }

        text += "\n## Separating translations from other pairs, and pairing them\n\n"
        text += row(["score", "Cohen's d", "ROC AUC", "assignment", "greedy", "top-1", "top-5", "MRR"])
        text += row(Array(repeating: "---", count: 8))
        for score in result.scores {
            let p = score.pairing
            text += row([score.score.rawValue, score.separation.map { String(format: "%.2f", $0.effectSize) } ?? "-",
                         score.separation.map { String(format: "%.3f", $0.areaUnderCurve) } ?? "-",
                         percent(p.assignment), percent(p.greedy), percent(p.top1), percent(p.top5), String(format: "%.3f", p.meanReciprocalRank)])
        }
        text += "\nChance: \(percent(1 / Double(n))) correct pairs. Scores: ncd = NCD(x, y) (lower is closer); "
            + "mutual = C(x) + C(y) − C(xy), joint compression only; conditional = C(y) − C(y|x); length = |log(|x|/|y|)|.\n"
        if pictures { text += "\n![ROC curves](roc.svg)\n" }

        text += "\n## Conditioning on a dataset\n\n"
        text += row(["C(y) given", "mean C(y | context)", "mean C(y | context) / C(y)", "beats x alone", "mean context bytes", "mean usable bytes"])
        text += row(Array(repeating: "---", count: 6))
        let alone = result.conditioning.first { $0.kind == .translation }
        if let first = result.conditioning.first {
            text += row(["nothing: C(y)", bytes(first.meanComplexity), "1", "-", "0", "0"])
        }
        for context in result.conditioning {
            let wins = alone.map { alone in
                context.kind == .translation ? "-" : percent(Double(zip(context.conditional, alone.conditional).count { $0 < $1 }) / Double(n))
            } ?? "-"
            text += row([context.kind.rawValue, bytes(context.meanConditional), String(format: "%.3f", context.meanRatio), wins,
                         bytes(Double(context.contextBytes.reduce(0, +)) / Double(n)), bytes(Double(context.usableBytes.reduce(0, +)) / Double(n))])
        }
        if unrelated == nil { text += "\nNo --unrelated text was given, so the control context is left out.\n" }
        text += "\n## What the numbers say\n\n" + findings(result)
        return text
    }

    /// Sentences computed from the result, so that the report states its conclusions with their numbers.
    static func findings(_ result: StudyResult) -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        var lines: [String] = []
        let byScore = Dictionary(uniqueKeysWithValues: result.scores.map { ($0.score, $0) })
        if let mutual = byScore[.mutual], let conditional = byScore[.conditional] {
            let auc = { (row: StudyResult.ScoreRow) in row.separation.map { String(format: "%.3f", $0.areaUnderCurve) } ?? "-" }
            lines.append("Joint compression alone (mutual, C(x) + C(y) − C(xy)) pairs \(percent(mutual.pairing.assignment)) correctly "
                + "(ROC AUC \(auc(mutual))); the primed conditional pairs \(percent(conditional.pairing.assignment)) (AUC \(auc(conditional))).")
        }
        if !result.relativeChainRuleGap.translations.isEmpty {
            let t = Distribution(result.relativeChainRuleGap.translations), o = result.relativeChainRuleGap.others.isEmpty ? nil : Distribution(result.relativeChainRuleGap.others)
            lines.append("The chain rule C(xy) = C(x) + C(y|x) is off by \(percent(t.mean)) of C(xy) on average for translations"
                + (o.map { " and \(percent($0.mean)) for other pairs" } ?? "") + (t.mean < 0
                    ? ": continuing one stream through x and y costs less than priming with x, whose models start cold."
                    : ": priming with x costs less than continuing one stream through x and y."))
        }
        let contexts = Dictionary(uniqueKeysWithValues: result.conditioning.map { ($0.kind, $0) })
        if let x = contexts[.translation], let rest = contexts[.datasetWithoutTranslation], let all = contexts[.dataset] {
            lines.append("Conditioning y on its translation x leaves \(percent(x.meanRatio)) of C(y); on all of X without x, \(percent(rest.meanRatio)); "
                + "on all of X, \(percent(all.meanRatio))"
                + (contexts[.unrelated].map { "; on unrelated text as long as X, \(percent($0.meanRatio))" } ?? "") + ".")
        }
        return lines.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }

    static func tsv(_ result: StudyResult, names: (x: [String], y: [String])) -> String {
        let contexts = result.conditioning
        var text = (["x", "y", "cx", "cy", "cxy", "cyx", "cy_given_x", "cx_given_y", "chain_rule_gap", "symmetry_gap"]
            + contexts.filter { $0.kind != .translation }.map { "cy_given_" + columnName($0.kind) }).joined(separator: "\t") + "\n"
        for (index, pair) in result.translations.enumerated() {
            let values = [pair.cx, pair.cy, pair.cxy, pair.cyx, pair.cyGivenX, pair.cxGivenY, pair.chainRuleGap, pair.symmetryGap]
                + contexts.filter { $0.kind != .translation }.map { $0.conditional[index] }
            text += ([names.x[pair.x], names.y[pair.y]] + values.map { Output.size($0, .bytes) }).joined(separator: "\t") + "\n"
        }
        return text
    }

    static func columnName(_ kind: StudyResult.ContextKind) -> String {
        switch kind {
        case .translation: "x"
        case .datasetWithoutTranslation: "dataset_without_x"
        case .dataset: "dataset"
        case .unrelated: "unrelated"
        }
    }

    static func json(_ result: StudyResult, names: (x: [String], y: [String])) -> JSON {
        func distribution(_ values: [Double]) -> JSON {
            guard !values.isEmpty else { return .null }
            let d = Distribution(values)
            return .object([("count", .int(d.count)), ("mean", .number(d.mean)), ("sd", .number(d.standardDeviation)),
                            ("min", .number(d.minimum)), ("quantiles", .object(zip(Distribution.quantileLevels, d.quantiles).map { ("\($0)", .number($1)) })),
                            ("max", .number(d.maximum))])
        }
        func split(_ s: StudyResult.Split) -> JSON { .object([("translations", distribution(s.translations)), ("others", distribution(s.others))]) }
        return .object([
            ("compressor", .string(result.compressor.description)),
            ("order", .string(result.order.rawValue)),
            ("pairs", .int(result.size)),
            ("chain_rule_gap", split(result.chainRuleGap)),
            ("relative_chain_rule_gap", split(result.relativeChainRuleGap)),
            ("symmetry_gap", split(result.symmetryGap)),
            ("relative_symmetry_gap", split(result.relativeSymmetryGap)),
            ("scores", .array(result.scores.map { row in
                .object([
                    ("score", .string(row.score.rawValue)),
                    ("effect_size", row.separation.map { .number($0.effectSize) } ?? .null),
                    ("roc_auc", row.separation.map { .number($0.areaUnderCurve) } ?? .null),
                    ("pairing", PairText.metrics(row.pairing)),
                ])
            })),
            ("conditioning", .array(result.conditioning.map { context in
                .object([
                    ("context", .string(columnName(context.kind))),
                    ("mean_cy", .number(context.meanComplexity)),
                    ("mean_cy_given_context", .number(context.meanConditional)),
                    ("mean_ratio", .number(context.meanRatio)),
                    ("mean_context_bytes", .number(Double(context.contextBytes.reduce(0, +)) / Double(result.size))),
                    ("mean_usable_bytes", .number(Double(context.usableBytes.reduce(0, +)) / Double(result.size))),
                ])
            })),
            ("translations", .array(result.translations.map { pair in
                .object([
                    ("x", .string(names.x[pair.x])), ("y", .string(names.y[pair.y])),
                    ("cx", .size(pair.cx, .bytes)), ("cy", .size(pair.cy, .bytes)), ("cxy", .size(pair.cxy, .bytes)),
                    ("cyx", .size(pair.cyx, .bytes)), ("cy_given_x", .size(pair.cyGivenX, .bytes)), ("cx_given_y", .size(pair.cxGivenY, .bytes)),
                ])
            })),
        ])
    }
}
