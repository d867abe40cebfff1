import Compressors
import Foundation
import TestSupport
import Testing

@Suite(.needsCorpora) struct BenchCommandTests {
    static let files = ["eng", "fra", "deu_1996", "nld", "spa"].map { Corpus.url("udhr/\($0).txt").path }
    static let quick = ["--min-runs", "1", "--min-seconds", "0", "--largest-prefix", "8192"]

    @Test func jsonReportsEveryCompressorWithTheLibrarysSizes() throws {
        let names = ["deflate:9", "lzma:6", "bzip2:9", "zstd:19"]
        let result = try run(kolmoExecutable, ["bench"] + Self.files + Self.quick + ["--compressors", names.joined(separator: ","), "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try jsonObject(result.standardOutput)
        let compressors = try #require(object["compressors"] as? [[String: Any]])
        #expect(compressors.map { $0["compressor"] as? String } == names)
        for (name, report) in zip(names, compressors) {
            let compressor = try Compressor(CompressorSpec(parsing: name))
            let expected = try Self.files.reduce(0) { $0 + (try compressor.compressedSize(of: Array(Data(contentsOf: URL(fileURLWithPath: $1))))) }
            #expect(report["compressed_bytes"] as? Int == expected)
            #expect(report["round_trip"] as? Bool == true)
            let quality = try #require(report["quality"] as? [String: Any])
            #expect((quality["curve"] as? [Any])?.count == 4)
            #expect(quality["pairs"] as? Int == 10)
            #expect((quality["ncd_xx"] as? [Any])?.count == 5)
            let memory = try #require(report["memory"] as? [String: Int])
            #expect(memory["compression_peak_bytes"]! > 0 && memory["decompression_peak_bytes"]! > 0)
        }
    }

    @Test func labelsGiveTheAdjustedRandIndexAndPlotsAreWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plot = folder.appendingPathComponent("speed.svg").path
        let curves = folder.appendingPathComponent("curves.svg").path
        let result = try run(kolmoExecutable, ["bench"] + Self.files + Self.quick + [
            "--compressors", "deflate:9,zstd:3", "--labels", Corpus.url("udhr/languages.tsv").path, "--label-column", "genus",
            "--format", "csv", "--plot", plot, "--curve-plot", curves,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count == lines[0].count })
        let column = try #require(lines[0].firstIndex(of: "adjusted_rand_index"))
        #expect(lines.dropFirst().allSatisfy { Double($0[column]) != nil })
        for path in [plot, curves] {
            let svg = try String(contentsOfFile: path, encoding: .utf8)
            #expect(svg.hasPrefix("<svg") && svg.contains("deflate:9") && svg.contains("zstd:3"))
        }
    }

    @Test(arguments: [
        ("brotli:9", "invalid compressor 'brotli:9': unknown compressor 'brotli'"),
        ("zstd:23", "invalid compressor 'zstd:23': zstd levels are 1 to 22"),
        ("bzip2:0", "invalid compressor 'bzip2:0': bzip2 block sizes are 1 to 9"),
        ("deflate:9,,lzma:9", "expected a comma-separated list"),
        ("zstd:19,zstd", "zstd:19 is named twice"),
    ])
    func badCompressorsGetAClearError(list: String, message: String) throws {
        let result = try run(kolmoExecutable, ["bench", Self.files[0], "--compressors", list])
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func missingLabelsAndEmptyInputAreRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        let nothing = try run(kolmoExecutable, ["bench", empty] + Self.quick)
        #expect(nothing.status != 0)
        #expect(nothing.standardError.contains("\(empty): every file is empty"))
        let unlabelled = try run(kolmoExecutable, ["bench", Self.files[0], empty] + Self.quick + [
            "--labels", Corpus.url("udhr/languages.tsv").path, "--label-column", "genus",
        ])
        #expect(unlabelled.status != 0)
        #expect(unlabelled.standardError.contains("no row for empty"), "\(unlabelled.standardError)")
    }

    /// An unwritable picture fails before any measuring, and bad options exit 64 with the reason.
    @Test func unwritablePlotsAndBadOptionsFailAtOnce() throws {
        let unwritable = try run(kolmoExecutable, ["bench", Self.files[0], "--plot", "/nonexistent-folder/speed.svg"])
        #expect(unwritable.status == 1)
        #expect(unwritable.standardError.contains("/nonexistent-folder/speed.svg: cannot write here"))
        #expect(unwritable.standardOutput.isEmpty)
        for (arguments, reason) in [
            (["--min-runs", "0"], "--min-runs must be at least 1"),
            (["--largest-prefix", "100"], "--largest-prefix must be at least 1024 bytes"),
            (["--labels", "x.tsv"], "--labels and --label-column go together"),
        ] {
            let result = try run(kolmoExecutable, ["bench", Self.files[0]] + arguments)
            #expect(result.status == 64)
            #expect(result.standardError.contains(reason), "\(result.standardError)")
        }
    }
}
