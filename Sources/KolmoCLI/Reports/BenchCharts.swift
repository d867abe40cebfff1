import Benchmarking
import Drawing
import Foundation

/// The SVG charts of `kolmo bench`.
enum BenchCharts {
    /// Compression ratio against compression speed (median, MB/s, logarithmic): one point per
    /// compressor, one colour per codec. Better estimators of complexity sit higher.
    static func ratioAgainstSpeed(_ reports: [CodecReport]) -> String {
        let names = reports.map(\.compressor.name).uniqued()
        let series = names.map { name in
            ChartSeries(name: name, points: reports.filter { $0.compressor.name == name }.map {
                ChartPoint(x: $0.compression.median, y: $0.ratio, label: $0.compressor.description)
            })
        }
        let speeds = reports.map(\.compression.median).filter { $0 > 0 && $0.isFinite }
        let ticks = (-2...5).map { pow(10, Double($0)) }
            .filter { $0 >= (speeds.min() ?? 1) / 10 && $0 <= (speeds.max() ?? 1) * 10 }
            .map { (value: $0, label: String(format: "%g", $0)) }
        return Drawing.chart(
            series, title: "Compression ratio against compression speed (median of the runs)",
            xAxis: "compression speed, MB/s (logarithmic)", yAxis: "ratio (input / compressed)", xTicks: ticks, lines: false)
    }

    /// NCD(p, p) against the prefix size (logarithmic), one line per compressor: 0 is ideal,
    /// and the rise towards 1 shows where a compressor stops seeing the first copy of p.
    static func selfDistanceCurves(_ reports: [CodecReport]) -> String {
        let series = reports.map { report in
            ChartSeries(name: report.compressor.description, points: report.quality.curve.map { ChartPoint(x: Double($0.bytes), y: $0.ncd) })
        }
        let sizes = Set(reports.flatMap { $0.quality.curve.map(\.bytes) }).sorted()
        let ticks = sizes.filter { ($0.trailingZeroBitCount - 10) % 2 == 0 }.map { (value: Double($0), label: byteSize($0)) }
        return Drawing.chart(
            series, title: "NCD(x, x) of prefixes of the input: where each compressor's window breaks",
            xAxis: "prefix size (logarithmic)", yAxis: "NCD(x, x)", xTicks: ticks, lines: true)
    }

    /// 1 KiB, 64 KiB, 4 MiB.
    static func byteSize(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB"
            : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KiB" : "\(bytes) B"
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each first occurrence only.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
