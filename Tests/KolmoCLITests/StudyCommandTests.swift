import Foundation
import TestSupport
import Testing

/// `kolmo study`'s numbers equal those computed pair by pair with `kolmo complexity` and
/// `kolmo conditional`.
@Suite(.needsCorpora) struct StudyCommandTests {
    static func conditional(_ y: URL, given x: URL, _ method: String, _ compressor: String) throws -> [String: Any] {
        let result = try kolmo("conditional", y.path, "--given", x.path, "--method", method, "--compressor", compressor, "--format", "json")
        #expect(result.status == 0, "\(result.standardError)")
        return try jsonObject(result.standardOutput)
    }

    @Test(arguments: ["deflate:9", "lzma:9"])
    func perPairSizesAndGapsEqualTheSingleCommands(compressor: String) throws {
        let folder = try Verses.folder(count: 3, verses: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (x, y) = (folder.appendingPathComponent("x"), folder.appendingPathComponent("y"))
        let result = try kolmo("study", x.path, y.path, "--compressor", compressor, "--format", "json")
        #expect(result.status == 0, "\(result.standardError)")
        let study = try jsonObject(result.standardOutput)
        let translations = try #require(study["translations"] as? [[String: Any]])
        #expect(translations.count == 3)
        var gaps: [Double] = [], symmetry: [Double] = []
        for pair in translations {
            let name = try #require(pair["x"] as? String)
            #expect(pair["y"] as? String == name)
            let (xi, yi) = (x.appendingPathComponent(name + ".txt"), y.appendingPathComponent(name + ".txt"))
            let forward = try Self.conditional(yi, given: xi, "difference", compressor)
            let backward = try Self.conditional(xi, given: yi, "difference", compressor)
            let primed = try Self.conditional(yi, given: xi, "primed", compressor)
            let primedBack = try Self.conditional(xi, given: yi, "primed", compressor)
            let (cx, cy) = (try #require(forward["cx"] as? Int), try #require(backward["cx"] as? Int))
            let (cyGivenX, cxGivenY) = (try #require(primed["cy_given_x"] as? Int), try #require(primedBack["cy_given_x"] as? Int))
            #expect(pair["cx"] as? Int == cx)
            #expect(pair["cy"] as? Int == cy)
            #expect(pair["cxy"] as? Int == forward["cxy"] as? Int)
            #expect(pair["cyx"] as? Int == backward["cxy"] as? Int)
            #expect(pair["cy_given_x"] as? Int == cyGivenX)
            #expect(pair["cx_given_y"] as? Int == cxGivenY)
            gaps.append(Double(try #require(forward["cxy"] as? Int) - cx - cyGivenX))
            symmetry.append(Double((cx + cyGivenX) - (cy + cxGivenY)))
        }
        let chain = try #require((study["chain_rule_gap"] as? [String: Any])?["translations"] as? [String: Any])
        #expect(abs(try #require(chain["mean"] as? Double) - gaps.reduce(0, +) / 3) < 1e-12)
        let sym = try #require((study["symmetry_gap"] as? [String: Any])?["translations"] as? [String: Any])
        #expect(abs(try #require(sym["mean"] as? Double) - symmetry.reduce(0, +) / 3) < 1e-12)
        let others = try #require((study["chain_rule_gap"] as? [String: Any])?["others"] as? [String: Any])
        #expect(others["count"] as? Int == 6)
    }

    /// With two pairs, "all of X except x" is the other x and "all of X" is the other x then x,
    /// so each context can be written to a file and checked with `kolmo conditional --method primed`.
    @Test func datasetContextsEqualPrimingWithTheConcatenation() throws {
        let folder = try Verses.folder(count: 2, verses: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (x, y) = (folder.appendingPathComponent("x"), folder.appendingPathComponent("y"))
        let kjv = Corpus.url("genesis/english-kjv.txt")
        let result = try kolmo("study", x.path, y.path, "--compressor", "lzma:9", "--format", "json", "--unrelated", kjv.path)
        #expect(result.status == 0, "\(result.standardError)")
        let contexts = try #require(try jsonObject(result.standardOutput)["conditioning"] as? [[String: Any]])
        let mean = Dictionary(uniqueKeysWithValues: try contexts.map { (try #require($0["context"] as? String), try #require($0["mean_cy_given_context"] as? Double)) })

        let names = ["doc00", "doc01"]
        let xs = try names.map { try Data(contentsOf: x.appendingPathComponent($0 + ".txt")) }
        let unrelated = try Data(contentsOf: kjv).prefix(xs[0].count + xs[1].count)  // ASCII: no character is cut
        var expected: [String: Double] = ["x": 0, "dataset_without_x": 0, "dataset": 0, "unrelated": 0]
        for (i, name) in names.enumerated() {
            let target = y.appendingPathComponent(name + ".txt")
            let files: [(String, Data)] = [
                ("x", xs[i]), ("dataset_without_x", xs[1 - i]), ("dataset", xs[1 - i] + xs[i]), ("unrelated", Data(unrelated)),
            ]
            for (context, bytes) in files {
                let file = folder.appendingPathComponent("context-\(context)-\(i).txt")
                try bytes.write(to: file)
                expected[context]! += Double(try #require(try Self.conditional(target, given: file, "primed", "lzma:9")["cy_given_x"] as? Int)) / 2
            }
        }
        #expect(mean == expected)
    }

    @Test func theReportDirectoryHoldsTheReportThePairsAndThePlots() throws {
        let folder = try Verses.folder(count: 6, verses: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report")
        let result = try kolmo("study", folder.appendingPathComponent("x").path, folder.appendingPathComponent("y").path,
                               "--compressor", "deflate:9", "--report", report.path)
        #expect(result.status == 0, "\(result.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: report.path).sorted()
        #expect(files == ["chain-rule-gap.svg", "pairs.tsv", "report.md", "roc.svg", "symmetry-gap.svg"])
        let markdown = try String(contentsOf: report.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("![ROC curves](roc.svg)"))
        // The printed tables are the report's, without the pictures.
        #expect(result.standardOutput == markdown.replacingOccurrences(of: "\n![chain-rule gap](chain-rule-gap.svg)\n![symmetry gap](symmetry-gap.svg)\n", with: "")
            .replacingOccurrences(of: "\n![ROC curves](roc.svg)\n", with: ""))
        let pairs = try String(contentsOf: report.appendingPathComponent("pairs.tsv"), encoding: .utf8).split(separator: "\n")
        #expect(pairs.count == 7)
        #expect(pairs[0].hasPrefix("x\ty\tcx\tcy\tcxy\tcyx\tcy_given_x\tcx_given_y\tchain_rule_gap\tsymmetry_gap"))
    }
}
