import Foundation
import TestSupport
import Testing

/// Verse-aligned Genesis (French and German, line i = verse i in both), cut into documents.
enum Verses {
    static func lines(_ language: String) throws -> [String] {
        String(decoding: try Corpus.bytes("genesis/\(language).txt"), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// `count` documents of `verses` consecutive verses in X (French) and Y (German), from line
    /// `start` (1000: the story of Joseph, full of names), named alike (or by `yName` in Y), in a
    /// new folder with x/ and y/.
    static func folder(count: Int, verses: Int, start: Int = 1000, yName: (Int) -> String = { String(format: "doc%02d", $0) }) throws -> URL {
        let folder = try temporaryFolder()
        let (french, german) = (try lines("french"), try lines("german"))
        for (side, text) in [("x", french), ("y", german)] {
            let directory = folder.appendingPathComponent(side)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for i in 0..<count {
                let name = side == "x" ? String(format: "doc%02d", i) : yName(i)
                let body = text[(start + i * verses)..<(start + (i + 1) * verses)].joined(separator: "\n") + "\n"
                try Data(body.utf8).write(to: directory.appendingPathComponent(name + ".txt"))
            }
        }
        return folder
    }
}

@Suite(.needsCorpora) struct PairCommandTests {
    static func tsvRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func renamingTheFilesChangesNothingButTheNames() throws {
        let named = try Verses.folder(count: 16, verses: 2)
        // Y renamed so that name order is unrelated to X's, with the truth given as a table.
        let renamed = try Verses.folder(count: 16, verses: 2, yName: { "z\(($0 * 7) % 16)-translation" })
        defer { for f in [named, renamed] { try? FileManager.default.removeItem(at: f) } }
        let truth = renamed.appendingPathComponent("truth.tsv")
        try Data(("x\ty\n" + (0..<16).map { String(format: "doc%02d\tz%d-translation\n", $0, ($0 * 7) % 16) }.joined()).utf8).write(to: truth)
        for score in ["ncd", "mutual", "conditional"] {
            let a = try kolmo("pair", named.appendingPathComponent("x").path, named.appendingPathComponent("y").path,
                              "--score", score, "--format", "json", "--permutations", "200")
            let b = try kolmo("pair", renamed.appendingPathComponent("x").path, renamed.appendingPathComponent("y").path,
                              "--score", score, "--format", "json", "--permutations", "200", "--truth", truth.path)
            #expect(a.status == 0 && b.status == 0, "\(a.standardError)\(b.standardError)")
            let (ja, jb) = (try jsonObject(a.standardOutput), try jsonObject(b.standardOutput))
            #expect(ja["metrics"] as? [String: Double] == jb["metrics"] as? [String: Double])
            #expect(ja["p_values"] as? [String: Double] == jb["p_values"] as? [String: Double])
            let pa = try #require(ja["pairing"] as? [[String: Any]]), pb = try #require(jb["pairing"] as? [[String: Any]])
            for (ra, rb) in zip(pa, pb) {
                #expect(ra["x"] as? String == rb["x"] as? String)
                let yA = try #require(ra["y"] as? String), yB = try #require(rb["y"] as? String)
                let i = try #require(Int(yA.dropFirst(3)))
                #expect(yB == "z\((i * 7) % 16)-translation")
                #expect(ra["correct"] as? Bool == rb["correct"] as? Bool)
            }
        }
    }

    @Test func theTSVSaysWhichPairsAreRightAndTheTextCountsThem() throws {
        let folder = try Verses.folder(count: 12, verses: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (x, y) = (folder.appendingPathComponent("x").path, folder.appendingPathComponent("y").path)
        let tsv = try kolmo("pair", x, y, "--format", "tsv", "--compressor", "deflate:9")
        let rows = Self.tsvRows(tsv.standardOutput)
        #expect(rows.count == 12)
        for row in rows { #expect(row[3] == String(row[0] == row[1])) }
        let correct = rows.count { $0[3] == "true" }
        let text = try kolmo("pair", x, y, "--compressor", "deflate:9", "--permutations", "100")
        #expect(text.standardOutput.hasPrefix("12 pairs, score ncd (order xy), compressor deflate:9: \(correct) of 12 paired correctly"))
        // Real translations of three verses pair far above chance (1 in 12); 12 were measured.
        #expect(correct >= 9)
    }

    @Test func theNumbersDoNotDependOnJobs() throws {
        let folder = try Verses.folder(count: 10, verses: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (x, y) = (folder.appendingPathComponent("x").path, folder.appendingPathComponent("y").path)
        for score in ["ncd", "conditional"] {
            let one = try kolmo("pair", x, y, "--score", score, "--jobs", "1", "--format", "json")
            let three = try kolmo("pair", x, y, "--score", score, "--jobs", "3", "--format", "json")
            #expect(one.status == 0 && one.standardOutput == three.standardOutput)
        }
    }
}

/// Bad input to `kolmo pair` and `kolmo study`: one line naming the file, a non-zero exit.
struct PairInputErrorTests {
    static func folder(x: [String: String], y: [String: String]) throws -> URL {
        let folder = try temporaryFolder()
        for (side, files) in [("x", x), ("y", y)] {
            let directory = folder.appendingPathComponent(side)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        }
        return folder
    }

    static func expectError(_ x: [String: String], _ y: [String: String], extra: [String] = [], _ message: (URL) -> String) throws {
        let folder = try folder(x: x, y: y)
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["pair", "study"] {
            let result = try run(kolmoExecutable, [command, folder.appendingPathComponent("x").path, folder.appendingPathComponent("y").path] + extra.map {
                $0.replacingOccurrences(of: "FOLDER", with: folder.path)
            })
            #expect(result.status != 0)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError == "Error: \(message(folder))\n", "\(command)")
        }
    }

    static let english = "In the beginning God created the heaven and the earth.\n"
    static let french = "Au commencement, Dieu créa les cieux et la terre.\n"

    @Test func noNamesInCommon() throws {
        try Self.expectError(["a.txt": Self.english], ["b.txt": Self.french]) {
            "\($0.path)/x: no file name in common with \($0.path)/y (extensions ignored); name translations alike or give --truth TSV"
        }
    }

    @Test func unequalSizes() throws {
        try Self.expectError(["a.txt": Self.english, "b.txt": Self.english], ["a.txt": Self.french]) {
            "\($0.path)/x/b.txt: no file named b in \($0.path)/y (2 files in X, 1 in Y, 1 in common); give --truth TSV for other names"
        }
        try Self.expectError(["a.txt": Self.english], ["a.txt": Self.french, "c.txt": Self.french]) {
            "\($0.path)/y/c.txt: no file named c in \($0.path)/x (1 files in X, 2 in Y, 1 in common); give --truth TSV for other names"
        }
    }

    @Test func emptyFile() throws {
        try Self.expectError(["a.txt": Self.english, "b.txt": ""], ["a.txt": Self.french, "b.txt": Self.french]) {
            "\($0.path)/x/b.txt: is empty; every document needs text to be paired"
        }
    }

    @Test func fileOrNothingInsteadOfADirectory() throws {
        let folder = try Self.folder(x: ["a.txt": Self.english], y: ["a.txt": Self.french])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x/a.txt").path
        let missing = folder.appendingPathComponent("nowhere").path
        for command in ["pair", "study"] {
            let asFile = try kolmo(command, file, folder.appendingPathComponent("y").path)
            #expect(asFile.status != 0 && asFile.standardError == "Error: \(file): is a file; expected a directory of documents\n")
            let absent = try kolmo(command, folder.appendingPathComponent("x").path, missing)
            #expect(absent.status != 0 && absent.standardError == "Error: \(missing): no such file or directory\n")
        }
    }

    @Test func badTruthTables() throws {
        let x = ["a.txt": Self.english, "b.txt": Self.english + Self.english]
        let y = ["p.txt": Self.french, "q.txt": Self.french + Self.french]
        let folder = try Self.folder(x: x, y: y)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String)] = [
            ("x\ty\na\tp\nb\n", "line 3: expected 2 tab-separated columns (x name, y name), found 1"),
            ("x\ty\na\tp\nc\tq\n", "line 3: no document named 'c' in X"),
            ("x\ty\na\tp\nb\tp\n", "line 3: 'p' is paired twice"),
            ("x\ty\na\tp\n", "pairs 1 documents, but X has 2 and Y has 2: every document needs exactly one translation"),
            ("x\ty\n", "no pairs after the header row"),
        ]
        for (table, problem) in cases {
            let truth = folder.appendingPathComponent("truth.tsv")
            try Data(table.utf8).write(to: truth)
            let result = try kolmo("pair", folder.appendingPathComponent("x").path, folder.appendingPathComponent("y").path, "--truth", truth.path)
            #expect(result.status != 0)
            #expect(result.standardError == "Error: \(truth.path): \(problem)\n")
        }
        let good = folder.appendingPathComponent("truth.tsv")
        try Data("x\ty\na\tp\nb\tq\n".utf8).write(to: good)
        let result = try kolmo("pair", folder.appendingPathComponent("x").path, folder.appendingPathComponent("y").path, "--truth", good.path, "--format", "tsv")
        #expect(result.status == 0)
        #expect(PairCommandTests.tsvRows(result.standardOutput).map { [$0[0], $0[1]] } == [["a", "p"], ["b", "q"]])
    }
}
