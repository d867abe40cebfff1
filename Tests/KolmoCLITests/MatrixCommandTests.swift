import Complexity
import Compressors
import Foundation
import TestSupport
import Testing

@testable import KolmoCLI

/// Small readers for what `kolmo matrix` writes, so that every format is read back exactly.
enum Readers {
    /// TSV or CSV (labels unquoted here): column labels and rows of (label, values).
    static func delimited(_ text: String, separator: Character) -> (columns: [String], rows: [(String, [Double])]) {
        let lines = text.split(separator: "\n").map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        return (Array(lines[0].dropFirst()), lines.dropFirst().map { ($0[0], $0.dropFirst().map { Double($0)! }) })
    }

    /// PHYLIP square distance matrix: the count, then name and values per line.
    static func phylip(_ text: String) -> (count: Int, rows: [(String, [Double])]) {
        let lines = text.split(separator: "\n")
        let rows = lines.dropFirst().map { line -> (String, [Double]) in
            let fields = line.split(separator: " ")
            return (String(fields[0]), fields.dropFirst().map { Double($0)! })
        }
        return (Int(lines[0].trimmingCharacters(in: .whitespaces))!, rows)
    }

    /// A NumPy .npy v1.0 file of little-endian float64: its shape and values.
    static func npy(_ bytes: [UInt8]) -> (shape: [Int], values: [Double])? {
        guard bytes.count >= 10, bytes.prefix(6) == [0x93] + Array("NUMPY".utf8), bytes[6] == 1 else { return nil }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        guard (10 + headerLength) % 64 == 0 else { return nil }
        let header = String(decoding: bytes[10 ..< 10 + headerLength], as: UTF8.self)
        guard header.contains("'descr': '<f8'"), header.contains("'fortran_order': False"), header.hasSuffix("\n"),
              let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")")
        else { return nil }
        let shape = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let data = bytes[(10 + headerLength)...]
        let values = stride(from: data.startIndex, to: data.endIndex, by: 8).map { start in
            Double(bitPattern: data[start ..< start + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
        return (shape, values)
    }
}

@Suite(.needsCorpora) struct MatrixCommandTests {
    static let names = ["eng", "fra", "deu_1996", "fin", "cmn_hans"]

    /// A folder holding five UDHR texts (and a hidden file that must be skipped).
    static func folder() throws -> URL {
        let folder = try temporaryFolder()
        for name in names {
            try Data(Corpus.bytes("udhr/\(name).txt")).write(to: folder.appendingPathComponent("\(name).txt"))
        }
        try Data("hidden".utf8).write(to: folder.appendingPathComponent(".hidden"))
        return folder
    }

    static func expected(_ text: String = "deflate:9", order: ConcatenationOrder = .xy) throws -> [[Double]] {
        let estimator = try ComplexityEstimator(CompressorSpec(parsing: text))
        let items = try names.sorted().map { try Corpus.bytes("udhr/\($0).txt") }
        return try items.map { x in try items.map { y in try estimator.distance(between: x, and: y, order: order).ncd } }
    }

    @Test func tsvEqualsPairwiseNCD() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try kolmo("matrix", folder.path, "--compressor", "deflate:9")
        #expect(result.status == 0 && result.standardError.isEmpty)
        let table = Readers.delimited(result.standardOutput, separator: "\t")
        #expect(table.columns == Self.names.sorted())
        #expect(table.rows.map(\.0) == Self.names.sorted())
        #expect(table.rows.map(\.1) == (try Self.expected()))
        // And against the CLI's own pairwise command.
        let pair = try kolmo("ncd", folder.appendingPathComponent("eng.txt").path, folder.appendingPathComponent("fra.txt").path,
                             "--compressor", "deflate:9", "--format", "json")
        let r = Self.names.sorted().firstIndex(of: "eng")!, c = Self.names.sorted().firstIndex(of: "fra")!
        #expect(jsonDouble(pair.standardOutput, "ncd") == table.rows[r].1[c])
    }

    @Test(arguments: MatrixFormat.allCases)
    func everyFormatReadsBackAndJobsChangeNoByte(format: MatrixFormat) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out1 = folder.appendingPathComponent("one.out").path, out4 = folder.appendingPathComponent("four.out").path
        let base = ["matrix", folder.path, "--compressor", "lzma:6", "--order", "min", "--format", format.rawValue, "--include", "*.txt"]
        #expect(try run(kolmoExecutable, base + ["--jobs", "1", "--output", out1]).status == 0)
        #expect(try run(kolmoExecutable, base + ["--jobs", "4", "--output", out4]).status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out1)))
        #expect(bytes == (try [UInt8](Data(contentsOf: URL(fileURLWithPath: out4)))))
        let expected = try Self.expected("lzma:6", order: .min)
        let text = String(decoding: bytes, as: UTF8.self)
        switch format {
        case .tsv, .csv:
            let table = Readers.delimited(text, separator: format == .tsv ? "\t" : ",")
            #expect(table.columns == Self.names.sorted() && table.rows.map(\.1) == expected)
        case .phylip:
            let table = Readers.phylip(text)
            #expect(table.count == 5 && table.rows.map(\.0) == Self.names.sorted() && table.rows.map(\.1) == expected)
        case .npy:
            let array = try #require(Readers.npy(bytes))
            #expect(array.shape == [5, 5] && array.values == expected.flatMap { $0 })
        case .json:
            let object = try jsonObject(text)
            #expect(object["rows"] as? [String] == Self.names.sorted() && object["columns"] as? [String] == Self.names.sorted())
            #expect(object["compressor"] as? String == "lzma:6" && object["order"] as? String == "min")
            let rows = text.split(separator: "\n").filter { $0.hasPrefix("    [") }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " [],")).split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces))! } }
            #expect(rows == expected)
        }
    }

    @Test func topKListsTheNearestOfTheFullMatrix() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try kolmo("matrix", folder.path, "--compressor", "deflate:9", "--top-k", "2")
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines[0] == ["item", "rank", "neighbor", "distance"])
        let labels = Self.names.sorted()
        let full = try Self.expected()
        var expected: [[String]] = []
        for (r, label) in labels.enumerated() {
            let nearest = labels.indices.filter { $0 != r }.sorted { (full[r][$0], $0) < (full[r][$1], $1) }.prefix(2)
            for (rank, c) in nearest.enumerated() { expected.append([label, "\(rank + 1)", labels[c], "\(full[r][c])"]) }
        }
        #expect(Array(lines.dropFirst()) == expected)
        let json = try kolmo("matrix", folder.path, "--compressor", "deflate:9", "--top-k", "2", "--format", "json")
        let nearest = try #require(try jsonObject(json.standardOutput)["nearest"] as? [[String: Any]])
        #expect(nearest.map { $0["item"] as? String } == labels)
    }

    @Test func crossAndSymmetricShapes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let eng = folder.appendingPathComponent("eng.txt").path, fra = folder.appendingPathComponent("fra.txt").path
        let cross = try kolmo("matrix", eng, fra, "--cross", folder.path, "--compressor", "deflate:9")
        let table = Readers.delimited(cross.standardOutput, separator: "\t")
        #expect(table.rows.map(\.0) == ["eng", "fra"] && table.columns == Self.names.sorted())
        let labels = Self.names.sorted(), full = try Self.expected()
        #expect(table.rows[1].1 == full[labels.firstIndex(of: "fra")!])
        let symmetric = Readers.delimited(try kolmo("matrix", folder.path, "--compressor", "deflate:9", "--symmetric").standardOutput, separator: "\t")
        for r in 0..<5 {
            for c in r..<5 {
                #expect(symmetric.rows[r].1[c] == full[r][c] && symmetric.rows[c].1[r] == full[r][c])
            }
        }
    }

    @Test func collidingNamesAreDisambiguatedByTheirPaths() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, file) in [("a", "x.txt"), ("b", "x.txt"), ("b", "x.md"), ("c", "y.txt")] {
            let directory = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data("text of \(folder)/\(file)".utf8).write(to: directory.appendingPathComponent(file))
        }
        let result = try kolmo("matrix", root.path, "--compressor", "deflate:9")
        #expect(Readers.delimited(result.standardOutput, separator: "\t").columns == ["a/x", "b/x.md", "b/x.txt", "y"])
        // The same relative path under two directories given: the path as given tells them apart.
        let two = try kolmo("matrix", root.appendingPathComponent("a").path, root.appendingPathComponent("b").path, "--include", "*.txt")
        let a = root.appendingPathComponent("a/x").path, b = root.appendingPathComponent("b/x").path
        #expect(Readers.delimited(two.standardOutput, separator: "\t").columns == [a, b])
    }

    @Test func windowWarningIsOneLineWithTheCount() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Corpus.bytes("genesis/german.txt").prefix(30_000)).write(to: folder.appendingPathComponent("long.txt"))
        let result = try kolmo("matrix", folder.path, "--compressor", "deflate:9")
        #expect(result.status == 0)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardError.hasPrefix("warning: 11 of 36 pairs total more than deflate:9 sees (32506 bytes back)"))
        #expect(try kolmo("matrix", folder.path).standardError.isEmpty)
    }
}

/// Bad input and bad options for `kolmo matrix`.
@Suite struct MatrixErrorTests {
    @Test func emptyDirectoryAndAnIncludeThatMatchesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        InputErrorTests.expectOneLineError(try kolmo("matrix", folder.path), naming: folder.path, saying: "no files in this directory")
        try Data("text".utf8).write(to: folder.appendingPathComponent("a.txt"))
        InputErrorTests.expectOneLineError(try kolmo("matrix", folder.path, "--include", "*.md"), naming: folder.path, saying: "no files match --include '*.md'")
    }

    @Test func missingPathAndABrokenFileAmongMany() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a", "b", "c"] { try Data("text \(name)".utf8).write(to: folder.appendingPathComponent("\(name).txt")) }
        let missing = folder.appendingPathComponent("nothing").path
        InputErrorTests.expectOneLineError(try kolmo("matrix", folder.path, missing), naming: missing, saying: "no such file or directory")
        let dangling = folder.appendingPathComponent("b2.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: folder.appendingPathComponent("gone").path)
        InputErrorTests.expectOneLineError(try kolmo("matrix", folder.path), naming: dangling.path, saying: "no such file")
        try FileManager.default.removeItem(at: dangling)
        let binary = folder.appendingPathComponent("d.bin")
        try Data([1, 0, 2]).write(to: binary)
        InputErrorTests.expectOneLineError(try kolmo("matrix", folder.path), naming: binary.path, saying: "binary input")
    }

    @Test func aFailedRunLeavesTheOldOutputAndNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("matrix.tsv")
        try Data("old".utf8).write(to: output)
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data("text".utf8).write(to: inputs.appendingPathComponent("a.txt"))
        try Data([0]).write(to: inputs.appendingPathComponent("b.txt"))
        #expect(try kolmo("matrix", inputs.path, "--output", output.path).status != 0)
        #expect(try String(contentsOf: output, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in", "matrix.tsv"])
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("b.txt"))
        #expect(try kolmo("matrix", inputs.path, "--output", output.path).status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("\ta\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in", "matrix.tsv"])
    }

    @Test(arguments: [
        (["matrix", "a", "--format", "npy"], "--format npy needs --output FILE"),
        (["matrix", "a", "--cross", "b", "--symmetric"], "--symmetric needs a square matrix"),
        (["matrix", "a", "--cross", "b", "--format", "phylip"], "--format phylip needs a square matrix"),
        (["matrix", "a", "--jobs", "0"], "--jobs must be at least 1"),
        (["matrix", "a", "--top-k", "0"], "--top-k must be at least 1"),
        (["matrix", "a", "--top-k", "3", "--format", "npy", "--output", "x"], "--top-k writes tsv, csv or json"),
        (["matrix", "a", "--format", "xlsx"], "xlsx"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], reason: String) throws {
        let result = try run(kolmoExecutable, arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(reason), "\(result.standardError)")
    }
}
