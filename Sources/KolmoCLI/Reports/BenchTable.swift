import Benchmarking
import Foundation

/// The reports of `kolmo bench` as text, Markdown, CSV or JSON.
struct BenchTable {
    let reports: [CodecReport]
    /// The files' labels, in order.
    let names: [String]
    let hasLabels: Bool

    private var sizes: [Int] { Set(reports.flatMap { $0.quality.curve.map(\.bytes) }).sorted() }

    private var header: [String] {
        ["compressor", "ratio", "bits/byte", "comp MB/s", "decomp MB/s", "comp memory", "decomp memory", "round trip",
         "NCD(x,x)", "breaks at", "sym gap", "C(xy)<max"] + (hasLabels ? ["ARI"] : [])
    }

    private func row(_ report: CodecReport) -> [String] {
        let quality = report.quality
        return [
            report.compressor.description, String(format: "%.3f", report.ratio), String(format: "%.3f", report.bitsPerByte),
            String(format: "%.1f (%.1f)", report.compression.median, report.compression.best),
            String(format: "%.1f (%.1f)", report.decompression.median, report.decompression.best),
            Self.memory(report.compressionMemory), Self.memory(report.decompressionMemory), report.roundTrip ? "ok" : "FAILED",
            quality.meanSelfDistance.map { String(format: "%.4f", $0) } ?? "-",
            quality.curveBreak().map(BenchCharts.byteSize) ?? (quality.curve.isEmpty ? "-" : "never"),
            quality.meanSymmetryGap.map { String(format: "%.4f", $0) } ?? "-",
            quality.pairs == 0 ? "-" : "\(quality.concatenationsBelowMaximum)/\(2 * quality.pairs)",
        ] + (hasLabels ? [quality.adjustedRandIndex.map { String(format: "%.3f", $0) } ?? "-"] : [])
    }

    private var curveHeader: [String] { ["NCD(p,p)"] + sizes.map(BenchCharts.byteSize) }

    private func curveRow(_ report: CodecReport) -> [String] {
        let values = Dictionary(uniqueKeysWithValues: report.quality.curve.map { ($0.bytes, $0.ncd) })
        return [report.compressor.description] + sizes.map { values[$0].map { String(format: "%.3f", $0) } ?? "" }
    }

    private var notes: [String] {
        let bytes = reports.first?.inputBytes ?? 0
        return [
            "\(names.count) file\(names.count == 1 ? "" : "s"), \(bytes) bytes, each compressed alone; MB/s = 10^6 input bytes per second on one thread, "
                + "median run (best run); memory: peak bytes the C library allocated (ppm: the model memory it wrote; cm: its tables)",
            "NCD(x,x): mean over files (0 is ideal); breaks at: the first prefix p with NCD(p,p) > 0.5 and more than 0.25 above the least NCD of the shorter prefixes; "
                + "sym gap: mean |C(xy) - C(yx)| / C(xy) over pairs; C(xy)<max: concatenations smaller than max(C(x), C(y))",
        ]
    }

    func text() -> String {
        var result = Output.table([header] + reports.map(row)) + "\n"
        if !sizes.isEmpty { result += "\n" + Output.table([curveHeader] + reports.map(curveRow)) + "\n" }
        return result + "\n" + notes.joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        func table(_ rows: [[String]]) -> String {
            let lines = rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
            return ([lines[0], "|" + String(repeating: " --- |", count: rows[0].count)] + lines.dropFirst()).joined(separator: "\n") + "\n"
        }
        var result = table([header] + reports.map(row))
        if !sizes.isEmpty { result += "\n" + table([curveHeader] + reports.map(curveRow)) }
        return result + "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }

    func csv() -> String {
        var lines = [([
            "compressor", "input_bytes", "compressed_bytes", "ratio", "bits_per_byte",
            "compress_mb_s_median", "compress_mb_s_best", "compress_cpu_mb_s_median", "compress_cpu_mb_s_best", "compress_runs",
            "decompress_mb_s_median", "decompress_mb_s_best", "decompress_cpu_mb_s_median", "decompress_cpu_mb_s_best", "decompress_runs",
            "round_trip", "compress_peak_bytes", "decompress_peak_bytes", "mean_ncd_xx", "curve_break_bytes",
            "pairs", "mean_symmetry_gap", "max_symmetry_gap", "concatenations_below_max", "adjusted_rand_index",
        ] + sizes.map { "ncd_pp_\($0)" }).joined(separator: ",")]
        for report in reports {
            let quality = report.quality
            let curve = Dictionary(uniqueKeysWithValues: quality.curve.map { ($0.bytes, $0.ncd) })
            func cell<Value>(_ value: Value?) -> String { value.map { "\($0)" } ?? "" }
            func speeds(_ speed: Speed) -> [String] { [speed.median, speed.best, speed.medianCPU, speed.bestCPU].map(cell) + [cell(speed.runs)] }
            let sizesAndRatio: [String] = [report.compressor.description, cell(report.inputBytes), cell(report.compressedBytes), cell(report.ratio), cell(report.bitsPerByte)]
            let memory: [String] = [cell(report.roundTrip), cell(report.compressionMemory), cell(report.decompressionMemory)]
            let figures: [String] = [
                cell(quality.meanSelfDistance), cell(quality.curveBreak()), cell(quality.pairs), cell(quality.meanSymmetryGap),
                cell(quality.maximumSymmetryGap), cell(quality.concatenationsBelowMaximum), cell(quality.adjustedRandIndex),
            ]
            let cells = sizesAndRatio + speeds(report.compression) + speeds(report.decompression) + memory + figures + sizes.map { cell(curve[$0]) }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func json() -> JSON {
        func speed(_ speed: Speed) -> JSON {
            .object([
                ("mb_per_s_median", .number(speed.median)), ("mb_per_s_best", .number(speed.best)),
                ("cpu_mb_per_s_median", .number(speed.medianCPU)), ("cpu_mb_per_s_best", .number(speed.bestCPU)),
                ("runs", .int(speed.runs)),
            ])
        }
        let compressors = reports.map { report -> JSON in
            let quality = report.quality
            return .object([
                ("compressor", .string(report.compressor.description)),
                ("window_bytes", .int(report.compressor.window)),
                ("input_bytes", .int(report.inputBytes)),
                ("compressed_bytes", .int(report.compressedBytes)),
                ("ratio", .number(report.ratio)),
                ("bits_per_byte", .number(report.bitsPerByte)),
                ("compression", speed(report.compression)),
                ("decompression", speed(report.decompression)),
                ("round_trip", .bool(report.roundTrip)),
                ("memory", .object([
                    ("compression_peak_bytes", .int(report.compressionMemory)),
                    ("decompression_peak_bytes", .int(report.decompressionMemory)),
                ])),
                ("quality", .object([
                    ("ncd_xx", .array(zip(names, quality.selfDistances).map { .object([("file", .string($0)), ("ncd", .number($1))]) })),
                    ("mean_ncd_xx", quality.meanSelfDistance.map(JSON.number) ?? .null),
                    ("curve", .array(quality.curve.map { .object([("bytes", .int($0.bytes)), ("ncd", .number($0.ncd))]) })),
                    ("curve_break_bytes", quality.curveBreak().map(JSON.int) ?? .null),
                    ("pairs", .int(quality.pairs)),
                    ("mean_symmetry_gap", quality.meanSymmetryGap.map(JSON.number) ?? .null),
                    ("max_symmetry_gap", quality.maximumSymmetryGap.map(JSON.number) ?? .null),
                    ("concatenations_below_max", .int(quality.concatenationsBelowMaximum)),
                    ("adjusted_rand_index", quality.adjustedRandIndex.map(JSON.number) ?? .null),
                ])),
            ])
        }
        return .object([
            ("files", .array(names.map(JSON.string))),
            ("input_bytes", .int(reports.first?.inputBytes ?? 0)),
            ("compressors", .array(compressors)),
        ])
    }

    /// Bytes in KiB or MiB, as memory is usually read.
    static func memory(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) : String(format: "%.0f KiB", Double(bytes) / 1024)
    }
}
