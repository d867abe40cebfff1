import ArgumentParser
import Clustering
import Complexity
import Drawing
import Foundation

extension TreeMethod: ExpressibleByArgument {}

enum TreeFormat: String, ExpressibleByArgument, CaseIterable {
    case newick, ascii, svg, json
}

extension Kolmo {
    struct TreeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tree",
            abstract: "A tree of the items, from their NCD matrix, with its quartet score S(T).",
            discussion: """
                The matrix comes from PATHs (computed as by kolmo matrix) or from --matrix FILE (any format \
                kolmo matrix writes). It is made symmetric, d = (NCD(x,y) + NCD(y,x)) / 2. Methods: linkage \
                (average = UPGMA, single, complete, wpgma), nj (neighbor joining) and quartet (the quartet \
                method of Cilibrasi and Vitanyi: independent seeded hill-climbing chains until they agree). \
                S(T) = (M - C_T) / (M - m) is printed for every tree. The report goes to standard error, or to \
                standard output when the tree goes to --output.
                """
        )

        @Argument(help: "Files or directories to compute the matrix from.")
        var paths: [String] = []

        @Option(help: "Read the matrix from this file instead (tsv, csv, json, phylip or npy).")
        var matrix: String?

        @Option(help: "How the tree is built.")
        var method: TreeMethod = .nj

        @Option(help: "A TSV whose first column names the items (with or without extension).")
        var labels: String?

        @Option(help: "The column of --labels that groups the items (e.g. family); colours the SVG.")
        var labelColumn: String?

        @Flag(help: "Evaluate the tree against the label groups: adjusted Rand index, clades, triplets.")
        var evaluate = false

        @Option(help: "Instead of the tree, write each item's cluster with the tree cut into K clusters.")
        var clusters: Int?

        @Option(help: "Output format.")
        var format: TreeFormat = .newick

        @Option(help: "Write the tree to this file (complete or not at all).")
        var output: String?

        @Option(help: "Also draw the matrix as an SVG heatmap in the tree's leaf order.")
        var heatmap: String?

        @Option(help: "Seed of the quartet search.")
        var seed: UInt64 = 1

        @Option(help: "The most rounds of the quartet search before it stops without the chains agreeing.")
        var rounds: Int = 2000

        @OptionGroup var options: EstimationOptions

        @OptionGroup var matrixOptions: MatrixOptions

        var order: ConcatenationOrder { matrixOptions.order }
        var jobs: Int { matrixOptions.jobs }
        var include: String? { matrixOptions.include }

        func validate() throws {
            if paths.isEmpty == (matrix == nil) { throw ValidationError("give either files or directories, or --matrix FILE") }
            if (labels == nil) != (labelColumn == nil) { throw ValidationError("--labels and --label-column go together") }
            if evaluate && labels == nil { throw ValidationError("--evaluate needs --labels FILE --label-column COLUMN") }
            if let clusters, clusters < 1 { throw ValidationError("--clusters must be at least 1") }
            if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        }

        func run() throws {
            let (names, rows) = try loadMatrix()
            let d = Distances(rows)
            let start = Date()
            let built = method.build(d, search: QuartetSearch(seed: seed, jobs: jobs, maximumRounds: rounds))
            let (tree, score) = (built.tree, built.score)
            var report = ["method \(method.rawValue), \(names.count) leaves, S(T) = \(score)"]
            if let search = built.search {
                report.append(String(format: "quartet search: %d proposals in %d rounds, %.1f s, chains %@", search.proposals, search.rounds,
                                     Date().timeIntervalSince(start), search.converged ? "agreed" : "did not agree (stopped at the round limit)"))
            }

            let table = try labels.map { try LabelTable(path: $0, column: labelColumn!) }
            let groups: [String?] = names.map { table?.group(of: $0) }
            var evaluation: Evaluation?
            if evaluate, let table {
                let result = Evaluation(tree: tree, labels: try table.groups(of: names))
                evaluation = result
                report.append("adjusted Rand index \(result.adjustedRandIndex) (tree cut into \(Set(groups.compactMap { $0 }).count) clusters)")
                report.append("clades: \(result.clades.count) of \(result.groups.count) groups (\(result.clades.joined(separator: ", ")))")
                report.append("triplet agreement \(result.tripletAgreement) over \(result.triplets) triplets")
            }
            let title = "\(method.rawValue) tree of \(names.count) items, S(T) = \(String(format: "%.4f", score))"
                + (evaluation.map { String(format: ", ARI %.3f, %d of %d groups form clades", $0.adjustedRandIndex, $0.clades.count, $0.groups.count) } ?? "")

            let out = try OutputFile(path: output)
            if let k = clusters {
                let assignment = tree.clusters(k)
                try out.write("item\tcluster\n" + names.indices.map { "\(MatrixFile.tsvCell(names[$0]))\t\(assignment[$0] + 1)\n" }.joined())
            } else {
                switch format {
                case .newick: try out.write(tree.newick(labels: names) + "\n")
                case .ascii: try out.write(tree.ascii(labels: names) + "\n")
                case .svg: try out.write(Drawing.dendrogram(tree, labels: names, groups: groups, title: title))
                case .json: try out.write(json(tree, names, score, evaluation, report) + "\n")
                }
            }
            if let heatmap {
                try OutputFile.write(
                    try Drawing.heatmap(order: tree.rootedAtMidpoint().leafOrder, labels: names, title: "NCD, " + title) { d[$0, $1] }, to: heatmap)
            }
            try out.commit()
            let text = report.joined(separator: "\n") + "\n"
            if output == nil {
                FileHandle.standardError.write(Data(text.utf8))
            } else {
                print(text, terminator: "")
            }
        }

        private func loadMatrix() throws -> (labels: [String], rows: [[Double]]) {
            if let matrix { return try MatrixFile.read(matrix) }
            var collector = ItemCollector(include: include, reader: options.reader())
            let items = try collector.collect(paths)
            let builder = DistanceMatrixBuilder(compressor: options.compressor, order: order, jobs: jobs, verify: options.verify)
            let (values, summary) = try builder.matrix(rows: items.map(\.bytes))
            Output.warnBeyondWindow(summary, options.compressor)
            return (items.map(\.label), (0..<values.rows).map { Array(values.row($0)) })
        }

        private func json(_ tree: Tree, _ names: [String], _ score: Double, _ evaluation: Evaluation?, _ report: [String]) -> String {
            var members: [(String, JSON)] = [
                ("method", .string(method.rawValue)),
                ("score", .number(score)),
                ("leaves", .array(tree.rootedAtMidpoint().leafOrder.map { .string(names[$0]) })),
                ("newick", .string(tree.newick(labels: names))),
            ]
            if let evaluation {
                members.append(("evaluation", .object([
                    ("adjusted_rand_index", .number(evaluation.adjustedRandIndex)),
                    ("groups", .array(evaluation.groups.map(JSON.string))),
                    ("clades", .array(evaluation.clades.map(JSON.string))),
                    ("triplet_agreement", .number(evaluation.tripletAgreement)),
                    ("triplets", .int(evaluation.triplets)),
                ])))
            }
            members.append(("report", .array(report.map(JSON.string))))
            return JSON.object(members).rendered()
        }
    }
}
