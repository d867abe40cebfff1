import ArgumentParser
import Complexity
import Foundation

extension Kolmo {
    struct MatrixCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "matrix",
            abstract: "The NCD matrix of many files, on every core.",
            discussion: """
                Row x, column y is NCD(x, y) with x first in the concatenation, as CompLearn computes it; \
                the diagonal holds NCD(x, x). PATH is a file or a directory, walked recursively (hidden \
                entries skipped). Labels are file names without extension; where two collide, the path \
                relative to the directory given. With --top-k the output lists, for each row, its K nearest \
                items (an item is not its own neighbour), in O(N K) memory. The numbers are the same \
                whatever --jobs is.
                """
        )

        @Argument(help: "Files or directories: the rows (and the columns, without --cross).")
        var paths: [String] = []

        @Option(name: .customLong("files-from"), help: ArgumentHelp(
            "Read more row paths from this file, one per line (relative to the current folder), for corpora whose paths overflow a command line.",
            valueName: "list"))
        var filesFrom: String?

        @Option(parsing: .upToNextOption, help: "Files or directories for the columns: an M x N matrix.")
        var cross: [String] = []

        @OptionGroup var options: EstimationOptions

        @OptionGroup var matrixOptions: MatrixOptions

        @Flag(help: "Compute each unordered pair once and mirror it (square matrices only).")
        var symmetric = false

        @Option(help: "Output format (npy needs --output).")
        var format: MatrixFormat = .tsv

        @Option(help: "Write to this file (complete or not at all) instead of standard output.")
        var output: String?

        @Option(name: .customLong("top-k"), help: "Instead of the matrix, each row's K nearest items.")
        var topK: Int?

        @Flag(help: "No progress on standard error.")
        var quiet = false

        @OptionGroup var planOptions: PlanOptions

        func validate() throws {
            if paths.isEmpty && filesFrom == nil { throw ValidationError("give at least one file or directory (or --files-from LIST)") }
            if let topK, topK < 1 { throw ValidationError("--top-k must be at least 1") }
            if symmetric && !cross.isEmpty { throw ValidationError("--symmetric needs a square matrix: it cannot be combined with --cross") }
            if symmetric && topK != nil { throw ValidationError("--symmetric and --top-k cannot be combined") }
            if format == .npy && output == nil { throw ValidationError("--format npy needs --output FILE") }
            if topK != nil && (format == .npy || format == .phylip) { throw ValidationError("--top-k writes tsv, csv or json") }
            if format == .phylip && !cross.isEmpty { throw ValidationError("--format phylip needs a square matrix: it cannot be combined with --cross") }
        }

        var order: ConcatenationOrder { matrixOptions.order }
        var jobs: Int { matrixOptions.jobs }
        var include: String? { matrixOptions.include }

        func run() throws {
            if planOptions.plan != nil { return try Tiling.plan(self) }
            let (rows, columns) = try collect()
            let columnLabels = (columns ?? rows).map(\.label)
            let out = try OutputFile(path: output)
            var builder = DistanceMatrixBuilder(
                compressor: options.compressor, order: order, symmetric: symmetric, jobs: jobs, verify: options.verify)
            let context = MatrixFile.Context(compressor: options.compressor.description, order: order, symmetric: symmetric)
            let progress = Progress.attach(
                to: &builder, quiet: quiet, workload: builder.workload(rows: rows.count, columns: columns?.count, nearest: topK != nil))

            let summary: MatrixSummary
            if let topK {
                let list = NeighborList(format: format, rows: rows.map(\.label), columns: columnLabels, context: context, k: topK, out: out)
                try list.begin()
                summary = try builder.nearest(rows: rows.map(\.bytes), columns: columns?.map(\.bytes), k: topK) { row, neighbors in
                    try list.row(row, neighbors)
                }
                try list.end()
            } else {
                let result = try builder.matrix(rows: rows.map(\.bytes), columns: columns?.map(\.bytes))
                summary = result.summary
                try MatrixFile.write(result.matrix, rows: rows.map(\.label), columns: columnLabels, format: format, context: context, to: out)
            }
            progress?.finish()
            try writeLabels(rows: rows.map(\.label), columns: columns?.map(\.label))
            try out.commit()
            Output.warnBeyondWindow(summary, options.compressor)
        }

        /// The rows (the paths, then those of --files-from) and the columns of --cross, read.
        func collect() throws -> (rows: [Item], columns: [Item]?) {
            var collector = ItemCollector(include: include, reader: options.reader())
            let rows = try collector.collect(paths + (try filesFrom.map(Self.readList) ?? []))
            let columns = cross.isEmpty ? nil : try collector.collect(cross)
            return (rows, columns)
        }

        /// The paths of a --files-from list: one per line, empty lines skipped.
        static func readList(_ path: String) throws -> [String] {
            guard let text = String(validating: try InputReader(allowsBinary: false).readFile(path), as: UTF8.self) else {
                throw FileProblem(path: path, problem: "not UTF-8 text")
            }
            let paths = text.split(separator: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }.filter { !$0.isEmpty }
            guard !paths.isEmpty else { throw FileProblem(path: path, problem: "no paths in this list") }
            return paths
        }

        /// NPY holds values only: the labels go beside it, one per line, as `kolmo tree` reads them.
        func writeLabels(rows: [String], columns: [String]?) throws {
            guard format == .npy, let output else { return }
            if let columns {
                try OutputFile.write(columns.joined(separator: "\n") + "\n", to: output + ".column-labels")
            }
            try OutputFile.write(rows.joined(separator: "\n") + "\n", to: output + ".labels")
        }
    }
}
