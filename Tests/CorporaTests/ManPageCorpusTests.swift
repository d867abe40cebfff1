import Corpora
import Foundation
import Testing
import TestSupport

@Suite struct ManPageCorpusTests {
    /// Lines a translation keeps verbatim from English are dropped from it, and from English.
    @Test func untranslatedLinesAreLeftOutOfTheTreesDocuments() throws {
        let data = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let pages = data.appendingPathComponent("corpora/manpages")
        let versions = ["eng": "NAME\n  ls -l\nlist files\n", "deu": "NAME\n  ls -l\nDateien auflisten\n", "fra": "NOM\nls -l\nlister les fichiers\n"]
        var table = "code\tlanguage\tfamily\tgenus\n"
        for (code, text) in versions {
            try FileManager.default.createDirectory(at: pages.appendingPathComponent(code), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: pages.appendingPathComponent("\(code)/ls.1.txt"))
            table += "\(code)\t\(code)\tIndo-European\tGermanic\n"
        }
        try Data(table.utf8).write(to: data.appendingPathComponent("languages.tsv"))
        try Data().write(to: pages.appendingPathComponent("MANIFEST.tsv"))
        let corpus = try ManPageCorpus(data: data.path)
        let documents = try corpus.translatedText(of: ["ls.1.txt"], in: ["eng", "deu", "fra"])
        #expect(documents.map { String(decoding: $0, as: UTF8.self) } == ["list files\n", "Dateien auflisten\n", "NOM\nlister les fichiers\n"])
    }

    @Test func linesBothSidesHaveAreLeftOutWithoutLookingAtTheTruth() {
        let x = [Array("ls -l\nlist files\n".utf8), Array("cp -r\ncopy files\n".utf8)]
        let y = [Array("kopieren\n  cp -r\n".utf8), Array("ls -l\nauflisten\nls -l\n".utf8)]
        let (a, b) = ManPageCorpus.withoutSharedLines(x, y)
        #expect(a.map { String(decoding: $0, as: UTF8.self) } == ["list files\n", "copy files\n"])
        #expect(b.map { String(decoding: $0, as: UTF8.self) } == ["kopieren\n", "auflisten\n"])
    }

    /// A small corpus in data/fetch's layout: `pages[code]` maps a page name to its text.
    static func corpus(_ pages: [String: [String: String]], table: String? = nil) throws -> URL {
        let data = try temporaryFolder()
        let root = data.appendingPathComponent("corpora/manpages")
        var rows = "code\tlanguage\tfamily\tgenus\n"
        for (code, files) in pages.sorted(by: { $0.key < $1.key }) {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(code), withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent("\(code)/\(name)")) }
            rows += "\(code)\tLanguage \(code)\tFamily\tGenus \(code)\n"
        }
        try Data((table ?? rows).utf8).write(to: data.appendingPathComponent("languages.tsv"))
        try Data().write(to: root.appendingPathComponent("MANIFEST.tsv"))
        return data
    }

    /// Pages are chosen by what the languages share; a language without the common pages is left out.
    @Test func sharedPagesLeaveOutTheLanguageThatLacksThem() throws {
        let common = ["a.1.txt": "a\n", "b.1.txt": "b\n", "c.1.txt": "c\n"]
        let data = try Self.corpus([
            "eng": common.merging(["huge.1.txt": String(repeating: "x", count: 100)]) { a, _ in a },
            "deu": common, "fra": common, "ita": common, "nld": ["a.1.txt": "a\n"],
        ])
        defer { try? FileManager.default.removeItem(at: data) }
        let corpus = try ManPageCorpus(data: data.path)
        #expect(ManPageCorpus.isFetched(in: data.path))
        #expect(corpus.translated == ["deu", "fra", "ita", "nld"])
        #expect(corpus.pages(in: "eng", englishAtMost: 10) == ["a.1.txt", "b.1.txt", "c.1.txt"])
        let (languages, pages, left) = corpus.sharedPages(minimum: 3, englishAtMost: 10)
        #expect(languages == ["eng", "deu", "fra", "ita"] && pages == ["a.1.txt", "b.1.txt", "c.1.txt"] && left == ["nld"])
        #expect(corpus.name(of: "deu") == "Language deu" && corpus.name(of: "xxx") == "xxx")
    }

    @Test func aMalformedTableOrNoEnglishIsOneClearError() throws {
        let bad = try Self.corpus(["eng": ["a.1.txt": "a\n"]], table: "code\tlanguage\n")
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(throws: CorpusError(path: bad.path + "/languages.tsv", line: 1,
                                    problem: "expected a header with the columns code, language, family and genus")) {
            try ManPageCorpus(data: bad.path)
        }
        let noEnglish = try Self.corpus(["deu": ["a.1.txt": "a\n"]])
        defer { try? FileManager.default.removeItem(at: noEnglish) }
        #expect(throws: CorpusError(path: noEnglish.path + "/corpora/manpages", problem: "no English pages in eng/: the corpus is incomplete; fetch it again")) {
            try ManPageCorpus(data: noEnglish.path)
        }
    }
}
