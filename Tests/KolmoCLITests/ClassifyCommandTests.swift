import Classification
import Compressors
import Foundation
import TestSupport
import KolmoSupport
import Testing

/// `kolmo classify` on small sets: the library's numbers, every DATA form, and its errors.
@Suite struct ClassifyCommandTests {
    /// Lines of the UDHR in four languages, two of them close: training items of about 300
    /// bytes from the start of each text, test items of about 80 bytes from its end.
    static let languages = ["ces", "slk", "fin", "eng"]

    static func pieces(_ language: String) throws -> (training: [String], test: [String]) {
        let text = String(decoding: try Corpus.bytes("udhr/\(language).txt"), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        var training: [String] = [], current = ""
        for line in lines.prefix(60) {
            current += line + " "
            if current.utf8.count >= 300 { training.append(current); current = "" }
        }
        let test = lines.suffix(40).filter { $0.utf8.count >= 60 }.prefix(4).map { String(decoding: $0.utf8.prefix(80), as: UTF8.self) }
        return (Array(training.prefix(5)), Array(test))
    }

    /// train/LANG/N.txt and test/LANG/N.txt under a fresh folder, and the same as TSVs.
    static func data() throws -> URL {
        let folder = try temporaryFolder()
        var trainingTSV = "path\tlabel\n", testTSV = "text\tlabel\n"
        for language in languages.sorted() {
            let (training, test) = try pieces(language)
            for (set, items) in [("train", training), ("test", test)] {
                let classFolder = folder.appendingPathComponent("\(set)/\(language)")
                try FileManager.default.createDirectory(at: classFolder, withIntermediateDirectories: true)
                for (index, item) in items.enumerated() {
                    try Data(item.utf8).write(to: classFolder.appendingPathComponent("\(index).txt"))
                    if set == "train" { trainingTSV += "train/\(language)/\(index).txt\t\(language)\n" }
                    else { testTSV += item.replacingOccurrences(of: "\\", with: "\\\\") + "\t\(language)\n" }
                }
            }
        }
        try Data(trainingTSV.utf8).write(to: folder.appendingPathComponent("train.tsv"))
        try Data(testTSV.utf8).write(to: folder.appendingPathComponent("test.tsv"))
        return folder
    }

    static func predictions(_ json: String) throws -> [String] {
        let object = try jsonObject(json)
        return try #require(object["predictions"] as? [[String: Any]]).map { $0["predicted"] as! String }
    }

    @Test(.needsCorpora, arguments: [["--method", "knn", "--k", "3"], ["--method", "class"], ["--method", "class", "--score", "difference"]])
    func printsTheLibrarysPredictionsForEveryFormOfData(arguments: [String]) throws {
        let folder = try Self.data()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { folder.appendingPathComponent($0).path }
        let common = ["classify", "--compressor", "deflate:9", "--format", "json", "--quiet"] + arguments
        let folders = try run(kolmoExecutable, common + ["--train", path("train"), "--test", path("test")])
        #expect(folders.status == 0 && folders.standardError.isEmpty, "\(folders.standardError)")
        let tables = try run(kolmoExecutable, common + ["--train", path("train.tsv"), "--test", path("test.tsv"), "--jobs", "1"])
        #expect(tables.status == 0, "\(tables.standardError)")
        #expect(try Self.predictions(tables.standardOutput) == Self.predictions(folders.standardOutput))

        let training = try Self.library("train", folder)
        let test = try Self.library("test", folder)
        var classifier = Classifier(compressor: try CompressorSpec(parsing: "deflate:9"))
        classifier.method = arguments[1] == "knn" ? .knn : .classConditional
        if arguments.count > 3 { arguments[2] == "--k" ? (classifier.k = 3) : (classifier.score = .difference) }
        let report = try classifier.evaluate(test: test, training: training)
        #expect(try Self.predictions(folders.standardOutput) == report.predictions.map { training.classes[$0.predicted] })
        let object = try jsonObject(folders.standardOutput)
        #expect(object["accuracy"] as? Double == report.accuracy)
        #expect(object["confusion"] as? [[Int]] == report.confusion)
        #expect(object["test_items"] as? Int == 16 && object["training_items"] as? Int == 20)
    }

    /// A set read the way the folders are laid out, in name order.
    static func library(_ set: String, _ folder: URL) throws -> LabelledTexts {
        var names: [String] = [], items: [[UInt8]] = [], labels: [String] = []
        for language in languages.sorted() {
            let classFolder = folder.appendingPathComponent("\(set)/\(language)")
            for file in try FileManager.default.contentsOfDirectory(atPath: classFolder.path).sorted() {
                names.append(file)
                items.append([UInt8](try Data(contentsOf: classFolder.appendingPathComponent(file))))
                labels.append(language)
            }
        }
        return try LabelledTexts(names: names, items: items, labels: labels)
    }

    @Test(.needsCorpora) func outputIsTheSameWhateverTheJobsAndThroughputGoesToStandardError() throws {
        let folder = try Self.data()
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = ["classify", "--train", folder.appendingPathComponent("train").path, "--folds", "3", "--k", "2", "--ties", "random",
                      "--compressor", "deflate:9"]
        let one = try run(kolmoExecutable, common + ["--jobs", "1"])
        let two = try run(kolmoExecutable, common + ["--jobs", "2"])
        #expect(one.status == 0 && one.standardOutput == two.standardOutput)
        #expect(one.standardOutput.hasPrefix("accuracy"))
        #expect(one.standardOutput.contains("confusion (rows: true class, columns: predicted)"))
        #expect(two.standardError.hasPrefix("classified 20 items in ") && two.standardError.contains("items/s (2 jobs)"))
    }

    @Test func classTextBeyondTheWindowIsCutWithAWarning() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SplitMix(seed: 3)
        for (name, letters) in [("a", Array("abcdefgh")), ("b", Array("stuvwxyz"))] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            // Each class writes words of its own 50-word vocabulary.
            let words = (0..<50).map { _ in String((0..<generator.int(in: 3...7)).map { _ in generator.element(of: letters)! }) }
            for index in 0..<4 {
                // Class a has 4 x 12,000 bytes, more than deflate's 32,506 in every fold; class b 4 x 1,000.
                let count = name == "a" ? 12_000 : 1000
                var text = ""
                while text.utf8.count < count { text += generator.element(of: words)! + " " }
                try Data(text.utf8).write(to: folder.appendingPathComponent("\(name)/\(index).txt"))
            }
        }
        let result = try run(kolmoExecutable, ["classify", "--train", folder.path, "--folds", "4", "--compressor", "deflate:9", "--quiet"])
        #expect(result.status == 0)
        #expect(result.standardError == "warning: 1 of 2 classes have more training text than deflate:9 sees (32506 bytes back); "
            + "only the last 32506 bytes of each were used\n")
        #expect(result.standardOutput.hasPrefix("accuracy    1.0000"))
    }

    /// A TSV with CRLF line ends reads as with LF, and --unit bits gives 8 times the cost in bytes.
    @Test func crlfLabelsFilesAndCostsInBits() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let training = Self.good.replacingOccurrences(of: "\n", with: "\r\n")
        try Data(training.utf8).write(to: folder.appendingPathComponent("train.tsv"))
        try Data("text\tlabel\r\nthe third text\ta\r\n".utf8).write(to: folder.appendingPathComponent("test.tsv"))
        let arguments = ["classify", "--train", folder.appendingPathComponent("train.tsv").path,
                         "--test", folder.appendingPathComponent("test.tsv").path, "--compressor", "deflate:9", "--format", "tsv", "--quiet"]
        let bytes = try run(kolmoExecutable, arguments)
        let bits = try run(kolmoExecutable, arguments + ["--unit", "bits"])
        #expect(bytes.status == 0 && bits.status == 0, "\(bytes.standardError)")
        let byteRow = bytes.standardOutput.split(separator: "\n")[1].split(separator: "\t", omittingEmptySubsequences: false)
        let bitRow = bits.standardOutput.split(separator: "\n")[1].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(bytes.standardOutput.hasPrefix("item\tlabel\tpredicted\tcost_bytes\ttied\n"))
        #expect(byteRow[1] == "a" && byteRow[2] == "a")
        #expect(Int(bitRow[3]) == 8 * Int(byteRow[3])!)
    }

    // MARK: Errors

    func error(_ files: [String: String], _ arguments: [String]) throws -> String {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = try run(kolmoExecutable, ["classify"] + arguments.map { $0.replacingOccurrences(of: "@", with: folder.path + "/") })
        #expect(result.status == 1 && result.standardOutput.isEmpty)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        return result.standardError.replacingOccurrences(of: folder.path + "/", with: "@")
    }

    static let good = "text\tlabel\nthe first text\ta\nthe second text\ta\nun texte\tb\nun autre texte\tb\n"

    @Test func badLabelsFilesNameTheFileAndTheLine() throws {
        #expect(try error(["l.tsv": "file\tclass\nx\ty\n"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv: line 1: expected the header 'path<TAB>label' or 'text<TAB>label'\n")
        #expect(try error(["l.tsv": "text\tlabel\nfine\ta\nno label here\n"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv: line 3: expected 2 tab-separated fields (text and label), found 1\n")
        #expect(try error(["l.tsv": "text\tlabel\nfine\ta\nmore\t \n"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv: line 3: empty label\n")
        #expect(try error(["l.tsv": "text\tlabel\nfine\ta\n\tb\n"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv: line 3: empty text\n")
        #expect(try error(["l.tsv": "text\tlabel\nbad \\x escape\ta\n"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv: line 2: a backslash that is not \\t, \\n or \\\\\n")
        #expect(try error(["l.tsv": "path\tlabel\ndocs/a.txt\ta\ndocs/missing.txt\tb\n", "docs/a.txt": "text"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv: line 3: @docs/missing.txt: no such file\n")
        #expect(try error(["l.tsv": "text\tlabel\n"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv: no items below the header\n")
    }

    @Test func emptyClassesAndStrayFilesAreRefused() throws {
        #expect(try error(["d/a/1.txt": "some text", "d/b/": ""], ["--train", "@d", "--folds", "2"])
            == "Error: @d/b: empty class: no files\n")
        #expect(try error(["d/a/1.txt": "some text", "d/stray.txt": "x"], ["--train", "@d", "--folds", "2"])
            == "Error: @d/stray.txt: a file beside the class folders; DATA must hold one folder per class\n")
        #expect(try error(["d/a/1.txt": "one", "d/a/2.txt": "two"], ["--train", "@d", "--folds", "3"])
            == "Error: @d: --folds must be between 2 and the number of items (2), not 3\n")
        #expect(try error(["d/a/1.txt": ""], ["--train", "@d", "--folds", "2"])
            == "Error: @d/a/1.txt: empty item: there is nothing to classify\n")
        #expect(try error(["l.tsv": Self.good + "alone\tc\n"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv: class 'c' has 1 item; cross-validation needs at least 2 per class, so that every fold trains on it\n")
    }

    @Test func leakageAndUnknownClassesAreRefused() throws {
        #expect(try error(["l.tsv": Self.good, "t.tsv": "text\tlabel\nun texte\tb\n"], ["--train", "@l.tsv", "--test", "@t.tsv"])
            == "Error: @t.tsv:2: identical to @l.tsv:4; a test item must not be in its training set (remove duplicates)\n")
        #expect(try error(["l.tsv": Self.good + "un texte\tb\n"], ["--train", "@l.tsv", "--folds", "2"])
            == "Error: @l.tsv:6: identical to @l.tsv:4; a test item must not be in its training set (remove duplicates)\n")
        #expect(try error(["l.tsv": Self.good, "t.tsv": "text\tlabel\nein Text\tc\n"], ["--train", "@l.tsv", "--test", "@t.tsv"])
            == "Error: @t.tsv:2: class 'c' has no training items\n")
    }

    @Test func badArgumentsPrintTheUsage() throws {
        for arguments in [["--train", "x"], ["--train", "x", "--test", "y", "--folds", "2"], ["--train", "x", "--folds", "1"],
                          ["--train", "x", "--folds", "2", "--k", "0"], ["--train", "x", "--folds", "2", "--method", "class", "--compressor", "gzip"]] {
            let result = try run(kolmoExecutable, ["classify"] + arguments)
            #expect(result.status == 64, "\(arguments)")
        }
    }
}
