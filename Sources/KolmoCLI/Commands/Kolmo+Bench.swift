import ArgumentParser
import Benchmarking
import Compressors
import Foundation

extension Kolmo {
    struct BenchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Measure compressors as estimators of complexity: ratio, speed, memory and estimate quality.",
            discussion: """
                Per compressor, on the files given (each compressed alone): ratio, bits per byte, compression \
                and decompression speed in MB/s (10^6 input bytes per second; one warm-up run, then runs until \
                --min-runs and --min-seconds are both reached; the best and the median run, wall-clock and CPU \
                time; one thread), a byte-for-byte round trip, and the peak bytes the C library allocated while \
                compressing and while decompressing (counted through its allocator hooks). Quality as a \
                complexity estimate: NCD(x,x) per file (0 is ideal), NCD(p,p) for prefixes p of the files' \
                concatenation from 1 KiB to --largest-prefix (where the window breaks), the symmetry gap \
                |C(xy) - C(yx)| / C(xy) over pairs, and how many concatenations have C(xy) < max(C(x), C(y)). \
                With --labels: the adjusted Rand index of the average-linkage tree cut into as many clusters \
                as there are label groups.
                """
        )

        @Argument(help: "Files or directories to measure on.")
        var paths: [String]

        @Option(
            help: ArgumentHelp("Comma-separated compressors, or all (every level of deflate, lzma, bzip2 and zstd).", valueName: "list"),
            transform: { try CodecBenchmark.compressors(parsing: $0) })
        var compressors: [CompressorSpec] = CodecBenchmark.defaultCompressors

        @Option(help: "A TSV whose first column names the items (with or without extension).")
        var labels: String?

        @Option(help: "The column of --labels that groups the items (e.g. family).")
        var labelColumn: String?

        @Option(help: "Output format.")
        var format: BenchFormat = .text

        @Option(help: ArgumentHelp("Draw compression ratio against compression speed to this SVG file.", valueName: "file.svg"))
        var plot: String?

        @Option(help: ArgumentHelp("Draw the NCD(x,x) curves against prefix size to this SVG file.", valueName: "file.svg"))
        var curvePlot: String?

        @Option(help: "Time at least this many runs.")
        var minRuns = 5

        @Option(help: "Time runs for at least this many seconds in all.")
        var minSeconds = 1.0

        @Option(help: "The largest prefix of the NCD(x,x) curve, in bytes.")
        var largestPrefix = 4 << 20

        @Option(help: "Threads for the quality measures (default: every core); speeds are timed on one.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Only files whose name matches this glob (or relative path, if it has a '/').")
        var include: String?

        @Flag(help: "Accept binary input (files containing NUL bytes), which is refused by default.")
        var binary = false

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file or directory") }
            if (labels == nil) != (labelColumn == nil) { throw ValidationError("--labels and --label-column go together") }
            if minRuns < 1 { throw ValidationError("--min-runs must be at least 1") }
            if !(minSeconds >= 0) { throw ValidationError("--min-seconds must be 0 or more") }
            if largestPrefix < 1024 { throw ValidationError("--largest-prefix must be at least 1024 bytes") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            var collector = ItemCollector(include: include, reader: InputReader(allowsBinary: binary))
            let items = try collector.collect(paths)
            guard items.contains(where: { !$0.bytes.isEmpty }) else {
                throw BenchError.nothingToMeasure(paths.joined(separator: ", "))
            }
            let groups = try labels.map { try LabelTable.groups(of: items.map(\.label), path: $0, column: labelColumn!) }
            // Opened before measuring, so that an unwritable path fails at once.
            let pictures = try [(plot, BenchCharts.ratioAgainstSpeed), (curvePlot, BenchCharts.selfDistanceCurves)]
                .compactMap { path, draw in try path.map { (try OutputFile(path: $0), draw) } }
            let benchmark = CodecBenchmark(minimumRuns: minRuns, minimumSeconds: minSeconds, largestPrefix: largestPrefix, jobs: jobs)
            let files = items.map(\.bytes)
            var reports: [CodecReport] = []
            let showProgress = Progress.wanted(quiet: false)
            for (index, spec) in compressors.enumerated() {
                if showProgress { FileHandle.standardError.write(Data("\rmeasuring \(spec) (\(index + 1) of \(compressors.count))    ".utf8)) }
                reports.append(try benchmark.measure(spec, files: files, labels: groups))
            }
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }

            let table = BenchTable(reports: reports, names: items.map(\.label), hasLabels: groups != nil)
            let out = try OutputFile(path: nil)
            switch format {
            case .text: try out.write(table.text())
            case .markdown: try out.write(table.markdown())
            case .csv: try out.write(table.csv())
            case .json: try out.write(table.json().rendered() + "\n")
            }
            for (file, draw) in pictures {
                try file.write(draw(reports))
                try file.commit()
            }
            try out.commit()
            let failed = reports.filter { !$0.roundTrip }.map(\.compressor.description)
            if !failed.isEmpty { throw BenchError.roundTripFailed(failed) }
        }
    }
}

enum BenchFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, csv, json
}

enum BenchError: Error, CustomStringConvertible {
    case nothingToMeasure(String)
    case roundTripFailed([String])

    var description: String {
        switch self {
        case let .nothingToMeasure(paths): "\(paths): every file is empty; there is nothing to measure"
        case let .roundTripFailed(names): "round trip failed: \(names.joined(separator: ", ")) did not decompress to the input"
        }
    }
}
