import Foundation

/// The page-aligned corpus of Debian's translated manual pages that `data/fetch` writes:
/// `corpora/manpages/<code>/<page>.txt`, the same file name for the same page in every language,
/// and `languages.tsv` beside `corpora/` naming each code's language, family and genus.
///
/// It chooses pages (those most languages share, of a predictable size) and prepares their text
/// (``translatedText(of:in:)``, ``withoutSharedLines(_:_:)``): the preprocessing behind the demo's
/// tree and pairing.
public struct ManPageCorpus: Sendable {
    /// A language's names and place in Glottolog's classification.
    public struct Labels: Hashable, Sendable {
        public let language: String
        public let family: String
        public let genus: String
    }

    /// The folder of language folders.
    public let root: String
    /// The labels of every code in the languages table.
    public let labels: [String: Labels]
    /// Language codes other than English that have pages, in code order.
    public let translated: [String]
    private let pageLists: [String: [String]]
    private let englishSizes: [String: Int]

    /// The corpus under `data`: `data/corpora/manpages` and `data/languages.tsv`.
    public static func root(in data: String) -> String {
        (data as NSString).appendingPathComponent("corpora/manpages")
    }

    /// Whether `data/fetch` has finished writing the corpus under `data` (its manifest is written last).
    public static func isFetched(in data: String) -> Bool {
        FileManager.default.fileExists(atPath: (root(in: data) as NSString).appendingPathComponent("MANIFEST.tsv"))
    }

    /// Reads the corpus that `data/fetch` wrote under `data`.
    /// - Throws: ``CorpusError`` for a missing or malformed languages table or no English pages.
    public init(data: String) throws {
        let root = Self.root(in: data)
        self.root = root
        let table = (data as NSString).appendingPathComponent("languages.tsv")
        let lines = String(decoding: try Self.read(table), as: UTF8.self).split(separator: "\n")
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let code = header.firstIndex(of: "code"), let language = header.firstIndex(of: "language"),
              let family = header.firstIndex(of: "family"), let genus = header.firstIndex(of: "genus") else {
            throw CorpusError(path: table, line: 1, problem: "expected a header with the columns code, language, family and genus")
        }
        var labels: [String: Labels] = [:]
        for (number, row) in lines.enumerated().dropFirst() {
            guard row.count == header.count else {
                throw CorpusError(path: table, line: number + 1, problem: "expected \(header.count) columns, found \(row.count)")
            }
            labels[row[code]] = Labels(language: row[language], family: row[family], genus: row[genus])
        }
        self.labels = labels
        let codes = try Self.entries(of: root).filter { entry in
            var isDirectory: ObjCBool = false
            return labels[entry] != nil
                && FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(entry), isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
        var lists: [String: [String]] = [:]
        for code in codes {
            lists[code] = try Self.entries(of: (root as NSString).appendingPathComponent(code)).filter { $0.hasSuffix(".txt") }.sorted()
        }
        guard let english = lists["eng"], !english.isEmpty else {
            throw CorpusError(path: root, problem: "no English pages in eng/: the corpus is incomplete; fetch it again")
        }
        pageLists = lists
        englishSizes = Dictionary(uniqueKeysWithValues: try english.map { page in
            let path = (root as NSString).appendingPathComponent("eng/\(page)")
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber else {
                throw CorpusError(path: path, problem: "cannot be read")
            }
            return (page, size.intValue)
        })
        translated = codes.filter { $0 != "eng" && !(lists[$0] ?? []).isEmpty }
    }

    /// The pages of the language `code`, in name order.
    public func pages(in code: String) -> [String] { pageLists[code] ?? [] }

    /// The pages of `code` whose English original is at most `limit` bytes, so that a few dozen
    /// of them make documents of a predictable size (bash.1 alone is over 300 KB).
    public func pages(in code: String, englishAtMost limit: Int) -> [String] {
        pages(in: code).filter { (englishSizes[$0] ?? .max) <= limit }
    }

    /// The language's name, or its code if the table has none.
    public func name(of code: String) -> String { labels[code]?.language ?? code }

    /// English and the languages that, together, have at least `minimum` pages in common (of
    /// those whose English original is at most `limit` bytes), and those pages in name order.
    /// While too few pages are shared, the language that has the fewest of the 40 pages most
    /// languages have is left out (ties: the later code); at least 3 translations stay.
    public func sharedPages(minimum: Int, englishAtMost limit: Int) -> (languages: [String], pages: [String], left: [String]) {
        let pageSets = Dictionary(uniqueKeysWithValues: (["eng"] + translated).map { ($0, Set(pages(in: $0, englishAtMost: limit))) })
        func common(_ codes: [String]) -> Set<String> {
            codes.reduce(pageSets["eng"] ?? []) { $0.intersection(pageSets[$1] ?? []) }
        }
        var codes = translated
        var left: [String] = []
        while common(codes).count < minimum && codes.count > 3 {
            var frequency: [String: Int] = [:]
            for code in codes { for page in pageSets[code] ?? [] { frequency[page, default: 0] += 1 } }
            let popular = frequency.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(40).map(\.key)
            func held(_ code: String) -> Int { popular.count { pageSets[code]?.contains($0) == true } }
            guard let worst = codes.min(by: { (held($0), $1) < (held($1), $0) }) else { break }
            codes.removeAll { $0 == worst }
            left.append(worst)
        }
        return (["eng"] + codes, common(codes).sorted(), left)
    }

    /// One document per language: its versions of `pages`, without the lines that are left
    /// untranslated. A translated page keeps whatever its translators did not translate (option
    /// names, examples, whole paragraphs of an unfinished translation) verbatim from English, which
    /// would make the languages look alike for a reason that has nothing to do with language. So a
    /// line is dropped from a translation when the English page has it, and from English when a
    /// translation has it.
    public func translatedText(of pages: [String], in languages: [String]) throws -> [[UInt8]] {
        var documents = [[UInt8]](repeating: [], count: languages.count)
        let englishIndex = languages.firstIndex(of: "eng") ?? 0
        for page in pages {
            let versions = try languages.map { try Self.lines(of: self.page(page, in: $0)) }
            let english = Set(versions[englishIndex])
            var keptInTranslations = Set<Substring>()
            for (index, code) in languages.enumerated() where code != "eng" {
                keptInTranslations.formUnion(versions[index].filter { english.contains($0) })
            }
            for (index, code) in languages.enumerated() {
                let drop = code == "eng" ? keptInTranslations : english
                let kept = versions[index].filter { !drop.contains($0) }
                documents[index] += Array((kept.joined(separator: "\n") + "\n").utf8)
            }
        }
        return documents
    }

    /// Both sides without the lines that occur verbatim on both sides (in any page): what the
    /// translators left in English, option names and examples. The truth is not used, only the
    /// two sets of pages.
    public static func withoutSharedLines(_ x: [[UInt8]], _ y: [[UInt8]]) -> (x: [[UInt8]], y: [[UInt8]]) {
        let (xLines, yLines) = (x.map(lines), y.map(lines))
        let shared = Set(xLines.joined()).intersection(yLines.joined())
        func kept(_ pages: [[Substring]]) -> [[UInt8]] {
            pages.map { Array(($0.filter { !shared.contains($0) }.joined(separator: "\n") + "\n").utf8) }
        }
        return (kept(xLines), kept(yLines))
    }

    /// The text of `page` in the language `code`.
    public func page(_ page: String, in code: String) throws -> [UInt8] {
        try Self.read((root as NSString).appendingPathComponent("\(code)/\(page)"))
    }

    /// The non-empty lines, without their leading spaces (the renderer's indentation).
    private static func lines(of bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { $0.drop { $0 == " " } }.filter { !$0.isEmpty }
    }

    private static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusError(path: path, problem: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return [UInt8](data)
    }

    private static func entries(of folder: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw CorpusError(path: folder, problem: "cannot list this folder")
        }
    }
}
