import Foundation
import TestSupport
import Testing

@testable import KolmoCLI

/// `kolmo demo` on a stand-in for the fetched corpus: UDHR articles as "pages", in the layout
/// data/fetch writes (the real corpus needs the network, which tests never use).
@Suite(.needsCorpora) struct DemoCommandTests {
    static let languages: [(code: String, file: String, name: String, family: String, genus: String)] = [
        ("eng", "eng", "English", "Indo-European", "Germanic"),
        ("deu", "deu_1996", "German", "Indo-European", "Germanic"),
        ("nld", "nld", "Dutch", "Indo-European", "Germanic"),
        ("spa", "spa", "Spanish", "Indo-European", "Italic"),
        ("ita", "ita", "Italian", "Indo-European", "Italic"),
        ("fin", "fin", "Finnish", "Uralic", "Finnic"),
        ("est", "est", "Estonian", "Uralic", "Finnic"),
        ("hun", "hun", "Hungarian", "Uralic", "Hungaric"),
    ]

    /// data/ with languages.tsv and corpora/manpages/<code>/<page>.txt: the UDHR's paragraphs
    /// as pages, page k being the k-th block of lines in every language.
    static func dataFolder() throws -> URL {
        let data = try temporaryFolder()
        let pages = data.appendingPathComponent("corpora/manpages")
        var table = "code\tlanguage\tiso639_3\tfamily\tgenus\tscript\tpackage\n"
        for language in languages {
            table += "\(language.code)\t\(language.name)\t\(language.code)\t\(language.family)\t\(language.genus)\tLatn\t-\n"
            let folder = pages.appendingPathComponent(language.code)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = String(decoding: try Corpus.bytes("udhr/\(language.file).txt"), as: UTF8.self)
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // Eight pages of 8 lines, one missing in Hungarian (not every page is translated everywhere).
            for page in 0..<8 where !(language.code == "hun" && page == 3) {
                let body = lines[(8 * page)..<(8 * page + 8)].joined(separator: "\n") + "\n"
                try Data(body.utf8).write(to: folder.appendingPathComponent("page\(page).1.txt"))
            }
        }
        try Data(table.utf8).write(to: data.appendingPathComponent("languages.tsv"))
        try Data("package\tversion\tsha256\n".utf8).write(to: pages.appendingPathComponent("MANIFEST.tsv"))
        return data
    }

    @Test func clustersPairsAndSaysWhereItsFilesAre() throws {
        let data = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let output = data.appendingPathComponent("demo").path
        let result = try kolmo("demo", "--data", data.path, "--output", output, "--compressor", "deflate:9", "--tree-pages", "7", "--pair-pages", "8", "--minimum-pages", "7")
        #expect(result.status == 0, "\(result.standardError)")
        // Every language has the 7 pages that Hungarian has too.
        #expect(result.standardError.contains("1. Clustering 8 languages, one document each of the same 7 pages, with deflate:9"))
        #expect(result.standardOutput.contains("neighbor joining, S(T) = "))
        for file in ["tree.svg", "tree.nwk", "matrix.tsv", "summary.md"] + Self.languages.dropFirst().map({ "pairing-\($0.code).tsv" }) {
            #expect(FileManager.default.fileExists(atPath: output + "/" + file), "\(file)")
            #expect(result.standardOutput.contains("   \(output)/\(file)\n"), "\(file)")
        }
        // Hungarian pairs its 7 pages, the others 8; each row of the TSV says whether it is right.
        let hungarian = try String(contentsOfFile: output + "/pairing-hun.tsv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(hungarian.count == 7)
        for row in hungarian {
            let cells = row.split(separator: "\t")
            #expect(String(cells[3]) == String(cells[0] == cells[1]))
        }
        let newick = try String(contentsOfFile: output + "/tree.nwk", encoding: .utf8)
        for language in Self.languages { #expect(newick.contains(language.name)) }
    }

    @Test func aMissingCorpusAndNoFetchScriptIsOneClearError() throws {
        let data = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try kolmo("demo", "--data", data.path, "--output", data.appendingPathComponent("demo").path)
        #expect(result.status != 0)
        #expect(result.standardError == "Error: \(data.path)/fetch: not found; run kolmo demo from the Kolmo package root, or give --data DIR\n")
    }

    @Test func aMalformedLanguagesTableIsNamedWithItsLine() throws {
        let data = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let table = data.appendingPathComponent("languages.tsv")
        try Data("code\tlanguage\tiso639_3\tfamily\tgenus\tscript\tpackage\neng\tEnglish\n".utf8).write(to: table)
        let result = try kolmo("demo", "--data", data.path, "--output", data.appendingPathComponent("demo").path)
        #expect(result.status != 0)
        #expect(result.standardError == "Error: \(table.path): line 2: expected 7 columns, found 2\n")
    }
}
