import Clustering
import Foundation

/// SVG plots for the study's report: overlaid histograms and ROC curves.
public enum Plots {
    static let colours = Drawing.palette
    static let (width, height, left, right, top, bottom) = (640.0, 400.0, 64.0, 24.0, 40.0, 52.0)

    /// Histograms of several samples on shared bins, each normalised to a density so that
    /// samples of different sizes compare (many more non-translations than translations).
    public static func histograms(title: String, axis: String, series: [(name: String, values: [Double])], bins: Int = 40) -> String {
        let all = series.flatMap(\.values)
        guard var low = all.min(), var high = all.max() else { return frame(title: title, axis: axis, vertical: "density", body: "") }
        if low == high { low -= 0.5; high += 0.5 }
        let binWidth = (high - low) / Double(bins)
        let densities = series.map { entry in
            var counts = [Double](repeating: 0, count: bins)
            for value in entry.values { counts[min(bins - 1, Int((value - low) / binWidth))] += 1 }
            return counts.map { $0 / (Double(max(1, entry.values.count)) * binWidth) }
        }
        let peak = densities.flatMap { $0 }.max() ?? 1
        let (plotWidth, plotHeight) = (width - left - right, height - top - bottom)
        func x(_ value: Double) -> Double { left + (value - low) / (high - low) * plotWidth }
        func y(_ density: Double) -> Double { top + plotHeight * (1 - density / peak) }
        var body = ""
        for (index, density) in densities.enumerated() {
            var path = "M\(number(x(low))),\(number(y(0)))"
            for (bin, value) in density.enumerated() {
                let start = low + Double(bin) * binWidth
                path += " L\(number(x(start))),\(number(y(value))) L\(number(x(start + binWidth))),\(number(y(value)))"
            }
            path += " L\(number(x(high))),\(number(y(0))) Z"
            let colour = colours[index % colours.count]
            body += "<path d=\"\(path)\" fill=\"\(colour)\" fill-opacity=\"0.35\" stroke=\"\(colour)\" stroke-width=\"1.2\"/>\n"
        }
        body += ticks(low: low, high: high, position: x)
        body += legend(series.map { "\($0.name) (n = \($0.values.count))" })
        return frame(title: title, axis: axis, vertical: "density", body: body)
    }

    /// ROC curves: true positive rate against false positive rate, with the chance diagonal.
    public static func roc(title: String, curves: [(name: String, points: [(Double, Double)])]) -> String {
        let (plotWidth, plotHeight) = (width - left - right, height - top - bottom)
        func x(_ rate: Double) -> Double { left + rate * plotWidth }
        func y(_ rate: Double) -> Double { top + plotHeight * (1 - rate) }
        var body = "<path d=\"M\(number(x(0))),\(number(y(0))) L\(number(x(1))),\(number(y(1)))\" stroke=\"#999\" stroke-dasharray=\"4 4\" fill=\"none\"/>\n"
        for (index, curve) in curves.enumerated() {
            let path = curve.points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(number(x($0.element.0))),\(number(y($0.element.1)))" }
            body += "<path d=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(colours[index % colours.count])\" stroke-width=\"1.8\"/>\n"
        }
        body += ticks(low: 0, high: 1, position: x)
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            body += "<text x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\" text-anchor=\"end\">\(tick)</text>\n"
        }
        body += legend(curves.map(\.name), below: true)
        return frame(title: title, axis: "false positive rate (other pairs scored as translations)", vertical: "true positive rate", body: body)
    }

    static func ticks(low: Double, high: Double, position: (Double) -> Double) -> String {
        (0...4).map { step in
            let value = low + (high - low) * Double(step) / 4
            return "<text x=\"\(number(position(value)))\" y=\"\(number(height - bottom + 16))\" text-anchor=\"middle\">\(label(value))</text>"
        }.joined(separator: "\n") + "\n"
    }

    static func legend(_ names: [String], below: Bool = false) -> String {
        let start = below ? height - bottom - 16 * Double(names.count) - 8 : top + 8
        return names.enumerated().map { index, name in
            let y = start + 16 * Double(index)
            let x = below ? width - right - 250 : width - right - 250
            return "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"12\" height=\"12\" fill=\"\(colours[index % colours.count])\" fill-opacity=\"0.6\"/>"
                + "<text x=\"\(number(x + 18))\" y=\"\(number(y + 10))\">\(escaped(name))</text>"
        }.joined(separator: "\n") + "\n"
    }

    static func frame(title: String, axis: String, vertical: String, body: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(Int(left))" y="24" font-size="14">\(escaped(title))</text>
        <rect x="\(Int(left))" y="\(Int(top))" width="\(Int(width - left - right))" height="\(Int(height - top - bottom))" fill="none" stroke="#333"/>
        <text x="\(number(left + (width - left - right) / 2))" y="\(Int(height - 14))" text-anchor="middle">\(escaped(axis))</text>
        <text transform="translate(16 \(number(top + (height - top - bottom) / 2))) rotate(-90)" text-anchor="middle">\(escaped(vertical))</text>
        \(body)</svg>

        """
    }

    static func label(_ value: Double) -> String {
        abs(value) >= 100 ? String(Int(value.rounded())) : String(format: "%.3g", value)
    }

    static func number(_ value: Double) -> String { Drawing.number(value) }

    static func escaped(_ text: String) -> String { Drawing.escaped(text) }
}
