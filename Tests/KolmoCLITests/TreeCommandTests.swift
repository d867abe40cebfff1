import Clustering
import Foundation
import TestSupport
import Testing

@testable import KolmoCLI

@Suite(.needsCorpora) struct TreeCommandTests {
    static let names = ["eng", "nld", "deu_1996", "fra", "spa", "ita", "fin", "est"]

    static func folder() throws -> URL {
        let folder = try temporaryFolder()
        for name in names { try Data(Corpus.bytes("udhr/\(name).txt")).write(to: folder.appendingPathComponent("\(name).txt")) }
        return folder
    }

    /// The tree from a matrix file of any format equals the tree computed from the files.
    @Test(arguments: MatrixFormat.allCases)
    func matrixFilesOfEveryFormatGiveTheSameTree(format: MatrixFormat) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("m.\(format == .phylip ? "phy" : format.rawValue)").path
        #expect(try kolmo("matrix", folder.path, "--compressor", "deflate:9", "--format", format.rawValue, "--output", file, "--include", "*.txt").status == 0)
        let direct = try kolmo("tree", folder.path, "--compressor", "deflate:9", "--method", "average", "--include", "*.txt")
        let fromFile = try kolmo("tree", "--matrix", file, "--method", "average")
        #expect(direct.status == 0 && fromFile.status == 0, "\(fromFile.standardError)")
        #expect(fromFile.standardOutput == direct.standardOutput)
        #expect(fromFile.standardError.hasPrefix("method average, 8 leaves, S(T) = "))
    }

    @Test func everyMethodGivesANewickThatReadsBack() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matrix = folder.appendingPathComponent("m.tsv").path
        _ = try kolmo("matrix", folder.path, "--compressor", "lzma:6", "--output", matrix, "--include", "*.txt")
        for method in TreeMethod.allCases {
            let result = try kolmo("tree", "--matrix", matrix, "--method", method.rawValue)
            #expect(result.status == 0)
            let tree = try Tree(newick: result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines), labels: Self.names.sorted())
            #expect(tree.leafCount == 8)
            // The related languages pair up whatever the method: Spanish with Italian or French, Finnish with Estonian.
            let together = tree.isRooted ? tree.clades : tree.splits.union(tree.splits.map { Set(0..<8).subtracting($0) })
            let est = Self.names.sorted().firstIndex(of: "est")!, fin = Self.names.sorted().firstIndex(of: "fin")!
            #expect(together.contains([est, fin]), "\(method): \(result.standardOutput)")
        }
    }

    @Test func evaluationAsciiSvgJsonClustersAndHeatmap() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let labels = Corpus.url("udhr/languages.tsv").path
        let svg = folder.appendingPathComponent("tree.svg").path, heat = folder.appendingPathComponent("heat.svg").path
        let result = try kolmo("tree", folder.path, "--include", "*.txt", "--labels", labels, "--label-column", "genus",
                               "--evaluate", "--format", "svg", "--output", svg, "--heatmap", heat)
        #expect(result.status == 0, "\(result.standardError)")
        let report = result.standardOutput.split(separator: "\n")
        #expect(report.count == 4)
        #expect(report[2].hasPrefix("clades: ") && report[2].contains(" of 3 groups"))
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(picture.hasPrefix("<svg") && Self.names.allSatisfy { picture.contains(">\($0)<") })
        #expect(picture.contains("Germanic (3)") && picture.contains("Italic (3)") && picture.contains("Uralic (2)") == false)
        #expect(try String(contentsOfFile: heat, encoding: .utf8).contains("data:image/png;base64,"))
        let ascii = try kolmo("tree", folder.path, "--include", "*.txt", "--format", "ascii")
        #expect(ascii.standardOutput.split(separator: "\n").count == 8)
        let json = try jsonObject(try kolmo("tree", folder.path, "--include", "*.txt", "--format", "json", "--labels", labels, "--label-column", "family", "--evaluate").standardOutput)
        #expect((json["leaves"] as? [String])?.count == 8 && json["score"] is Double && json["evaluation"] is [String: Any])
        let clusters = try kolmo("tree", folder.path, "--include", "*.txt", "--clusters", "3", "--method", "average")
        let lines = clusters.standardOutput.split(separator: "\n")
        #expect(lines.first == "item\tcluster" && lines.count == 9)
        #expect(Set(lines.dropFirst().map { $0.split(separator: "\t")[1] }).count == 3)
    }
}

@Suite struct FileProblemTests {
    static func write(_ text: String, _ name: String) throws -> (URL, String) {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return (folder, file.path)
    }

    @Test(arguments: [
        ("\ta\tb\na\t0\t0.5\nb\t0.5\n", "m.tsv", "line 3: expected 2 values after the label, found 1"),
        ("\ta\tb\na\t0\tx\nb\t0.5\t0\n", "m.tsv", "line 2: 'x' is not a number"),
        ("\ta\tb\tc\na\t0\t1\t1\nb\t1\t0\t1\n", "m.tsv", "not a square matrix (2 rows, 3 columns)"),
        ("\ta\tb\nb\t0\t1\na\t1\t0\n", "m.tsv", "the row labels differ from the column labels"),
        ("", "m.tsv", "empty file"),
        ("3\na 0 1 1\nb 1 0 1\n", "m.phy", "expected 3 rows of 3 values, found 2 complete rows"),
        ("x\na 0\n", "m.phy", "line 1: expected the number of items"),
        (",a,a\na,0,1\na,1,0\n", "m.csv", "the label 'a' appears twice"),
        ("{\"rows\": [\"a\"]}", "m.json", "expected string arrays 'rows' and 'columns'"),
        ("not numpy at all", "m.npy", "not a NumPy .npy file"),
    ])
    func malformedMatrixFilesAreReported(text: String, name: String, message: String) throws {
        let (folder, path) = try Self.write(text, name)
        defer { try? FileManager.default.removeItem(at: folder) }
        InputErrorTests.expectOneLineError(try kolmo("tree", "--matrix", path), naming: path, saying: message)
    }

    @Test func npyOfAnotherTypeIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var header = "{'descr': '<i4', 'fortran_order': False, 'shape': (1, 1), }"
        header += String(repeating: " ", count: 64 - (10 + header.utf8.count + 1) % 64) + "\n"
        let bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8) + [0, 0, 0, 0]
        let path = folder.appendingPathComponent("m.npy").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        InputErrorTests.expectOneLineError(try kolmo("tree", "--matrix", path), naming: path, saying: "expected little-endian float64")
    }

    @Test func labelsFileProblems() throws {
        let (folder, path) = try Self.write("\ta\tb\na\t0\t0.5\nb\t0.5\t0\n", "m.tsv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let labels = folder.appendingPathComponent("labels.tsv")
        try Data("file\tfamily\na.txt\tX\n".utf8).write(to: labels)
        InputErrorTests.expectOneLineError(try kolmo("tree", "--matrix", path, "--labels", labels.path, "--label-column", "genus"),
                                           naming: labels.path, saying: "no column 'genus'; the columns are file, family")
        InputErrorTests.expectOneLineError(try kolmo("tree", "--matrix", path, "--labels", labels.path, "--label-column", "family", "--evaluate"),
                                           naming: labels.path, saying: "no row for b")
    }

    @Test(arguments: [
        (["tree"], "give either files or directories, or --matrix FILE"),
        (["tree", "a", "--matrix", "m.tsv"], "give either files or directories, or --matrix FILE"),
        (["tree", "a", "--evaluate"], "--evaluate needs --labels FILE --label-column COLUMN"),
        (["tree", "a", "--labels", "l.tsv"], "--labels and --label-column go together"),
        (["tree", "a", "--method", "upgmb"], "upgmb"),
        (["tree", "a", "--clusters", "0"], "--clusters must be at least 1"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], reason: String) throws {
        let result = try run(kolmoExecutable, arguments)
        #expect(result.status == 64 && result.standardError.contains(reason), "\(result.standardError)")
    }
}
