import ArgumentParser
import Clustering
import Complexity
import Compressors
import Foundation
import Pairing

extension Kolmo {
    struct DemoCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Kolmo's main job on real text: Debian's translated manual pages, fetched if needed.",
            discussion: """
                Runs data/fetch if the corpus is missing (it downloads Debian's manpages-* packages with \
                apt-get download and renders the pages with groff; nothing is installed). Then (1) builds one \
                document per language from the same pages, computes their NCD matrix and a neighbor-joining \
                tree, drawn in the terminal and as SVG and evaluated against the language families and genera; \
                (2) pairs English pages with their translations, language by language, against the length \
                baseline; (3) says where its files are. Run it from the Kolmo package root.
                """
        )

        @Option(help: "The folder holding fetch, languages.tsv and corpora/ (the package's data folder).")
        var data = "data"

        @Option(help: "Where the demo writes its files.")
        var output = "data/demo"

        @Option(
            help: ArgumentHelp("The compressor of both parts.", valueName: "name[:level]"),
            transform: { try CompressorSpec(parsing: $0) })
        var compressor: CompressorSpec = .default

        @Option(help: "The most pages in each language's document for the tree.")
        var treePages = 20

        @Option(help: "Languages are left out of the tree until this many pages are shared by all that remain.")
        var minimumPages = 15

        @Option(help: "Pages paired per language.")
        var pairPages = 30

        @Option(help: "Threads to use (default: every core).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "No progress on standard error.")
        var quiet = false

        func validate() throws {
            if treePages < 1 || pairPages < 2 { throw ValidationError("--tree-pages must be at least 1 and --pair-pages at least 2") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            let start = Date()
            let corpus = try ManPageCorpus(data: data, fetchIfMissing: true, say: say)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            var files: [String] = []

            // (1) The languages, clustered: one document per language, of the same pages.
            let (languages, shared, left) = corpus.sharedPages(minimum: minimumPages, englishAtMost: Self.largestPage)
            let chosen = Array(shared.prefix(treePages))
            say("1. Clustering \(languages.count) languages, one document each of the same \(chosen.count) pages, with \(compressor)"
                + (left.isEmpty ? "" : " (left out, for want of the pages most languages have: \(left.map(corpus.name).joined(separator: ", ")))"))
            let documents = try corpus.translatedText(of: chosen, in: languages)
            var builder = DistanceMatrixBuilder(compressor: compressor, order: .mean, symmetric: true, jobs: jobs)
            let progress = Progress.attach(
                to: &builder, quiet: quiet, pairs: builder.concatenationCount(rows: languages.count, columns: nil), rows: languages.count)
            let (matrix, summary) = try builder.matrix(rows: documents)
            progress?.finish()
            Output.warnBeyondWindow(summary, compressor)
            let names = languages.map { corpus.name(of: $0) }
            let d = Distances((0..<matrix.rows).map { Array(matrix.row($0)) })
            let tree = Tree.neighborJoining(d)
            let families = languages.map { corpus.labels[$0]?.family ?? "?" }
            let genera = languages.map { corpus.labels[$0]?.genus ?? "?" }
            let byFamily = Evaluation(tree: tree, labels: families)
            let byGenus = Evaluation(tree: tree, labels: genera)
            let score = Quartets.score(of: tree, d)
            print(tree.ascii(labels: names.indices.map { "\(names[$0]) (\(genera[$0]))" }))
            let treeReport = [
                String(format: "neighbor joining, S(T) = %.4f", score),
                String(format: "genera: adjusted Rand index %.3f, %d of %d genera with 2 or more languages form clades (%@), triplet agreement %.3f",
                       byGenus.adjustedRandIndex, byGenus.clades.count, byGenus.groups.count, byGenus.clades.joined(separator: ", "), byGenus.tripletAgreement),
                String(format: "families: adjusted Rand index %.3f, %d of %d families form clades (%@)",
                       byFamily.adjustedRandIndex, byFamily.clades.count, byFamily.groups.count, byFamily.clades.joined(separator: ", ")),
            ]
            print(treeReport.joined(separator: "\n") + "\n")
            let title = String(format: "Languages of Debian's manual pages, %@, neighbor joining, ARI %.3f against genera", compressor.description, byGenus.adjustedRandIndex)
            files += try write("tree.svg", Drawing.dendrogram(tree, labels: names, groups: genera, title: title))
            files += try write("tree.nwk", tree.newick(labels: names) + "\n")
            let matrixFile = try OutputFile(path: path("matrix.tsv"))
            try MatrixWriter.write(matrix, rows: names, columns: names, format: .tsv,
                                   context: .init(compressor: compressor.description, order: .mean, symmetric: true), to: matrixFile)
            try matrixFile.commit()
            files.append(path("matrix.tsv"))

            // (2) English pages paired with their translations.
            say("2. Pairing \(pairPages) English pages with their translations, for each language, with \(compressor) (NCD, both orders): "
                + "whole pages, then only the lines that no page of the other side has verbatim")
            var rows = [["language", "pages", "whole: assignment", "top-1", "translated lines: assignment", "top-1", "MRR", "length baseline", "chance"]]
            var summaryRows: [String] = []
            var pairBuilder = DistanceMatrixBuilder(compressor: compressor, order: .mean, jobs: jobs)
            for code in corpus.translated {
                let common = Array(corpus.pages(in: code, englishAtMost: Self.largestPage).prefix(pairPages))
                guard common.count >= 2 else { continue }
                let x = try common.map { try corpus.page($0, in: "eng") }
                let y = try common.map { try corpus.page($0, in: code) }
                let (xTranslated, yTranslated) = ManPageCorpus.withoutSharedLines(x, y)
                let progress = Progress.attach(to: &pairBuilder, quiet: quiet, pairs: 4 * common.count * common.count, rows: 4 * common.count)
                let pairing = TranslationPairing(builder: pairBuilder, score: .ncd, permutations: 0)
                let whole = try pairing.run(x: x, y: y, truth: Array(common.indices))
                let report = try pairing.run(x: xTranslated, y: yTranslated, truth: Array(common.indices))
                progress?.finish()
                let names = (x: common, y: common)
                files += try write("pairing-\(code).tsv", PairText.tsv(whole, names: names))
                files += try write("pairing-\(code)-translated-lines.tsv", PairText.tsv(report, names: names))
                let row = [corpus.name(of: code), "\(common.count)", Self.percent(whole.metrics.assignment), Self.percent(whole.metrics.top1),
                           Self.percent(report.metrics.assignment), Self.percent(report.metrics.top1),
                           String(format: "%.3f", report.metrics.meanReciprocalRank), Self.percent(whole.lengthBaseline.assignment),
                           Self.percent(report.chance.assignment)]
                rows.append(row)
                summaryRows.append("| " + row.joined(separator: " | ") + " |")
                if !quiet { FileHandle.standardError.write(Data("   \(row[0]): \(row[2]) of whole pages, \(row[4]) on translated lines paired correctly\n".utf8)) }
            }
            print(Output.table(rows) + "\n")

            let markdown = """
                # kolmo demo

                Compressor \(compressor); \(languages.count) languages; documents of the same \(chosen.count) pages.

                ## The languages, clustered

                \(treeReport.map { "- " + $0 }.joined(separator: "\n"))

                ![tree](tree.svg)

                ## English pages paired with their translations

                | \(rows[0].joined(separator: " | ")) |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                \(summaryRows.joined(separator: "\n"))

                """
            files += try write("summary.md", markdown)
            print("3. Files (in \(String(format: "%.0f", Date().timeIntervalSince(start))) s):")
            print("   corpus   \(corpus.root)")
            for file in files { print("   \(file)") }
        }

        static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

        /// Pages whose English original is longer are left out of both parts (bash.1 is over 300 KB).
        static let largestPage = 16_384

        private func path(_ name: String) -> String { (output as NSString).appendingPathComponent(name) }

        /// Writes `text` to a file of the output folder, whole or not at all; returns its path.
        private func write(_ name: String, _ text: String) throws -> [String] {
            try OutputFile.write(text, to: path(name))
            return [path(name)]
        }

        private func say(_ message: String) {
            if !quiet { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        }

    }
}

/// The page-aligned corpus of manual pages that data/fetch writes: corpora/manpages/<code>/<page>.txt,
/// the same file name for the same page in every language, with data/languages.tsv.
struct ManPageCorpus {
    struct Labels {
        let language: String
        let family: String
        let genus: String
    }

    let root: String
    let labels: [String: Labels]
    /// Language codes other than English that have pages, in code order.
    let translated: [String]
    private let pageLists: [String: [String]]
    private let englishSizes: [String: Int]

    init(data: String, fetchIfMissing: Bool, say: (String) -> Void) throws {
        let root = (data as NSString).appendingPathComponent("corpora/manpages")
        self.root = root
        let manifest = (root as NSString).appendingPathComponent("MANIFEST.tsv")
        if !FileManager.default.fileExists(atPath: manifest) {
            guard fetchIfMissing else { throw FileProblem(path: manifest, problem: "missing; run \(data)/fetch first") }
            let fetch = (data as NSString).appendingPathComponent("fetch")
            guard FileManager.default.isExecutableFile(atPath: fetch) else {
                throw FileProblem(path: fetch, problem: "not found; run kolmo demo from the Kolmo package root, or give --data DIR")
            }
            say("0. Fetching the corpus: \(fetch) (Debian packages, unpacked under \(data)/cache; nothing is installed)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: fetch)
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: manifest) else {
                throw FileProblem(path: fetch, problem: "failed (exit status \(process.terminationStatus)); see its message above")
            }
        }
        let table = (data as NSString).appendingPathComponent("languages.tsv")
        var reader = InputReader(allowsBinary: false)
        let lines = String(decoding: try reader.read(table).bytes, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let code = header.firstIndex(of: "code"), let language = header.firstIndex(of: "language"),
              let family = header.firstIndex(of: "family"), let genus = header.firstIndex(of: "genus") else {
            throw FileProblem(path: table, line: 1, problem: "expected a header with the columns code, language, family and genus")
        }
        var labels: [String: Labels] = [:]
        for (number, row) in lines.enumerated().dropFirst() {
            guard row.count == header.count else { throw FileProblem(path: table, line: number + 1, problem: "expected \(header.count) columns, found \(row.count)") }
            labels[row[code]] = Labels(language: row[language], family: row[family], genus: row[genus])
        }
        self.labels = labels
        var lists: [String: [String]] = [:]
        let codes = try FileManager.default.contentsOfDirectory(atPath: root).filter { entry in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(entry), isDirectory: &isDirectory) && isDirectory.boolValue
                && labels[entry] != nil
        }.sorted()
        for code in codes {
            lists[code] = try FileManager.default.contentsOfDirectory(atPath: (root as NSString).appendingPathComponent(code))
                .filter { $0.hasSuffix(".txt") }.sorted()
        }
        guard lists["eng"]?.isEmpty == false else {
            throw FileProblem(path: root, problem: "no English pages in eng/; run \(data)/fetch --force")
        }
        pageLists = lists
        englishSizes = Dictionary(uniqueKeysWithValues: try lists["eng"]!.map { page in
            let attributes = try FileManager.default.attributesOfItem(atPath: (root as NSString).appendingPathComponent("eng/\(page)"))
            return (page, (attributes[.size] as? NSNumber)?.intValue ?? 0)
        })
        translated = codes.filter { $0 != "eng" && !(lists[$0] ?? []).isEmpty }
    }

    func pages(in code: String) -> [String] { pageLists[code] ?? [] }

    /// The pages of `code` whose English original is at most `limit` bytes, so that a few dozen
    /// of them make documents of a predictable size (bash.1 alone is over 300 KB).
    func pages(in code: String, englishAtMost limit: Int) -> [String] {
        pages(in: code).filter { (englishSizes[$0] ?? .max) <= limit }
    }

    func name(of code: String) -> String { labels[code]?.language ?? code }

    /// English and the languages that, together, have at least `minimum` pages in common (of
    /// those whose English original is at most `limit` bytes), and those pages in name order.
    /// While too few pages are shared, the language that has the fewest of the 40 pages most
    /// languages have is left out (ties: the later code); at least 3 translations stay.
    func sharedPages(minimum: Int, englishAtMost limit: Int) -> (languages: [String], pages: [String], left: [String]) {
        let pageSets = Dictionary(uniqueKeysWithValues: (["eng"] + translated).map { ($0, Set(pages(in: $0, englishAtMost: limit))) })
        func common(_ codes: [String]) -> Set<String> {
            codes.reduce(pageSets["eng"]!) { $0.intersection(pageSets[$1]!) }
        }
        var codes = translated
        var left: [String] = []
        while common(codes).count < minimum && codes.count > 3 {
            var frequency: [String: Int] = [:]
            for code in codes { for page in pageSets[code]! { frequency[page, default: 0] += 1 } }
            let popular = frequency.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(40).map(\.key)
            let worst = codes.min { a, b in
                (popular.count { pageSets[a]!.contains($0) }, b) < (popular.count { pageSets[b]!.contains($0) }, a)
            }!
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
    func translatedText(of pages: [String], in languages: [String]) throws -> [[UInt8]] {
        var documents = [[UInt8]](repeating: [], count: languages.count)
        for page in pages {
            let versions = try languages.map { try Self.lines(of: self.page(page, in: $0)) }
            let english = Set(versions[languages.firstIndex(of: "eng") ?? 0])
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
    static func withoutSharedLines(_ x: [[UInt8]], _ y: [[UInt8]]) -> (x: [[UInt8]], y: [[UInt8]]) {
        let (xLines, yLines) = (x.map(lines), y.map(lines))
        let shared = Set(xLines.joined()).intersection(yLines.joined())
        func kept(_ pages: [[Substring]]) -> [[UInt8]] {
            pages.map { Array(($0.filter { !shared.contains($0) }.joined(separator: "\n") + "\n").utf8) }
        }
        return (kept(xLines), kept(yLines))
    }

    private static func lines(of bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { $0.drop { $0 == " " } }.filter { !$0.isEmpty }
    }

    func page(_ page: String, in code: String) throws -> [UInt8] {
        var reader = InputReader(allowsBinary: false)
        return try reader.read((root as NSString).appendingPathComponent("\(code)/\(page)")).bytes
    }
}
