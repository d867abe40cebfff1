import ArgumentParser
import Clustering
import Complexity
import Compressors
import Corpora
import Drawing
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
            let corpus = try corpus()
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let (treeFiles, treeReport, languages, pages) = try clusterLanguages(corpus)
            let (pairFiles, pairRows) = try pairPages(corpus)
            let summary = try write("summary.md", """
                # kolmo demo

                Compressor \(compressor); \(languages) languages; documents of the same \(pages) pages.

                ## The languages, clustered

                \(treeReport.map { "- " + $0 }.joined(separator: "\n"))

                ![tree](tree.svg)

                ## English pages paired with their translations

                | \(pairRows[0].joined(separator: " | ")) |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                \(pairRows.dropFirst().map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n"))

                """)
            print("3. Files (in \(String(format: "%.0f", Date().timeIntervalSince(start))) s):")
            print("   corpus   \(corpus.root)")
            for file in treeFiles + pairFiles + summary { print("   \(file)") }
        }

        /// The corpus, fetched first with data/fetch if it is missing.
        private func corpus() throws -> ManPageCorpus {
            if !ManPageCorpus.isFetched(in: data) {
                let fetch = (data as NSString).appendingPathComponent("fetch")
                guard FileManager.default.isExecutableFile(atPath: fetch) else {
                    throw FileProblem(path: fetch, problem: "not found; run kolmo demo from the Kolmo package root, or give --data DIR")
                }
                say("0. Fetching the corpus: \(fetch) (Debian packages, unpacked under \(data)/cache; nothing is installed)")
                let process = Process()
                process.executableURL = URL(fileURLWithPath: fetch)
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0, ManPageCorpus.isFetched(in: data) else {
                    throw FileProblem(path: fetch, problem: "failed (exit status \(process.terminationStatus)); see its message above")
                }
            }
            return try ManPageCorpus(data: data)
        }

        /// (1) The languages, clustered: one document per language, of the same pages, and the
        /// neighbor-joining tree of their NCD matrix, scored against the genera and families.
        private func clusterLanguages(_ corpus: ManPageCorpus) throws -> (files: [String], report: [String], languages: Int, pages: Int) {
            let (languages, shared, left) = corpus.sharedPages(minimum: minimumPages, englishAtMost: Self.largestPage)
            let chosen = Array(shared.prefix(treePages))
            say("1. Clustering \(languages.count) languages, one document each of the same \(chosen.count) pages, with \(compressor)"
                + (left.isEmpty ? "" : " (left out, for want of the pages most languages have: \(left.map(corpus.name).joined(separator: ", ")))"))
            let documents = try corpus.translatedText(of: chosen, in: languages)
            var builder = DistanceMatrixBuilder(compressor: compressor, order: .mean, symmetric: true, jobs: jobs)
            let progress = Progress.attach(to: &builder, quiet: quiet, workload: builder.workload(rows: languages.count, columns: nil))
            let (matrix, summary) = try builder.matrix(rows: documents)
            progress?.finish()
            Output.warnBeyondWindow(summary, compressor)
            let names = languages.map { corpus.name(of: $0) }
            let built = TreeMethod.nj.build(Distances((0..<matrix.rows).map { Array(matrix.row($0)) }))
            let genera = languages.map { corpus.labels[$0]?.genus ?? "?" }
            let byGenus = Evaluation(tree: built.tree, labels: genera)
            let byFamily = Evaluation(tree: built.tree, labels: languages.map { corpus.labels[$0]?.family ?? "?" })
            print(built.tree.ascii(labels: names.indices.map { "\(names[$0]) (\(genera[$0]))" }))
            let report = [
                String(format: "neighbor joining, S(T) = %.4f", built.score),
                String(format: "genera: adjusted Rand index %.3f, %d of %d genera with 2 or more languages form clades (%@), triplet agreement %.3f",
                       byGenus.adjustedRandIndex, byGenus.clades.count, byGenus.groups.count, byGenus.clades.joined(separator: ", "), byGenus.tripletAgreement),
                String(format: "families: adjusted Rand index %.3f, %d of %d families form clades (%@)",
                       byFamily.adjustedRandIndex, byFamily.clades.count, byFamily.groups.count, byFamily.clades.joined(separator: ", ")),
            ]
            print(report.joined(separator: "\n") + "\n")
            let title = String(format: "Languages of Debian's manual pages, %@, neighbor joining, ARI %.3f against genera", compressor.description, byGenus.adjustedRandIndex)
            var files = try write("tree.svg", Drawing.dendrogram(built.tree, labels: names, groups: genera, title: title))
            files += try write("tree.nwk", built.tree.newick(labels: names) + "\n")
            let matrixFile = try OutputFile(path: path("matrix.tsv"))
            try MatrixFile.write(matrix, rows: names, columns: names, format: .tsv,
                                 context: .init(compressor: compressor.description, order: .mean, symmetric: true), to: matrixFile)
            try matrixFile.commit()
            return (files + [path("matrix.tsv")], report, languages.count, chosen.count)
        }

        /// (2) English pages paired with their translations, language by language: whole pages, then
        /// only the lines that no page of the other side has verbatim. Returns the files and the table.
        private func pairPages(_ corpus: ManPageCorpus) throws -> (files: [String], rows: [[String]]) {
            say("2. Pairing \(pairPages) English pages with their translations, for each language, with \(compressor) (NCD, both orders): "
                + "whole pages, then only the lines that no page of the other side has verbatim")
            var rows = [["language", "pages", "whole: assignment", "top-1", "translated lines: assignment", "top-1", "MRR", "length baseline", "chance"]]
            var files: [String] = []
            var pairing = TranslationPairing(builder: DistanceMatrixBuilder(compressor: compressor, order: .mean, jobs: jobs), score: .ncd, permutations: 0)
            for code in corpus.translated {
                let common = Array(corpus.pages(in: code, englishAtMost: Self.largestPage).prefix(pairPages))
                guard common.count >= 2 else { continue }
                let x = try common.map { try corpus.page($0, in: "eng") }
                let y = try common.map { try corpus.page($0, in: code) }
                let (xTranslated, yTranslated) = ManPageCorpus.withoutSharedLines(x, y)
                let progress = Progress.attach(to: &pairing.builder, quiet: quiet, workload: 2 * pairing.workload(size: common.count))
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
                if !quiet { FileHandle.standardError.write(Data("   \(row[0]): \(row[2]) of whole pages, \(row[4]) on translated lines paired correctly\n".utf8)) }
            }
            print(Output.table(rows) + "\n")
            return (files, rows)
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
