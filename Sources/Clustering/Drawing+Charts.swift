import Foundation

/// A named set of points: one colour in a chart.
public struct ChartSeries: Sendable {
    public let name: String
    public let points: [ChartPoint]

    public init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}

/// A point of a chart, with an optional label written beside it.
public struct ChartPoint: Sendable {
    public let x: Double
    public let y: Double
    public let label: String?

    public init(x: Double, y: Double, label: String? = nil) {
        self.x = x
        self.y = y
        self.label = label
    }
}

extension Drawing {
    /// A chart with a logarithmic x axis: each series in its own colour, as labelled points or
    /// as lines through its points, with a legend. `xTicks` places the x axis's marks.
    public static func chart(
        _ series: [ChartSeries], title: String, xAxis: String, yAxis: String,
        xTicks: [(value: Double, label: String)], lines: Bool
    ) -> String {
        let (left, right, top, bottom) = (70.0, 190.0, 40.0, 56.0)
        let (width, height) = (960.0, 560.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let points = series.flatMap(\.points).filter { $0.x > 0 && $0.x.isFinite && $0.y.isFinite }
        let xs = points.map { log10($0.x) } + xTicks.map { log10($0.value) }
        let (xLow, xHigh) = (xs.min() ?? 0, max((xs.max() ?? 1), (xs.min() ?? 0) + 1e-9))
        // The y axis from 0 (or below) in round steps of 1, 2 or 5 times a power of ten.
        let top0 = max(points.map(\.y).max() ?? 1, 1e-9)
        let bottom0 = min(points.map(\.y).min() ?? 0, 0)
        let rough = (top0 - bottom0) / 5
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough }!
        let yLow = (bottom0 / step).rounded(.down) * step
        let yHigh = (top0 / step).rounded(.up) * step
        func x(_ value: Double) -> Double { left + plotWidth * (log10(value) - xLow) / (xHigh - xLow) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - yLow) / (yHigh - yLow)) }

        var body = "<rect x=\"\(number(left))\" y=\"\(number(top))\" width=\"\(number(plotWidth))\" height=\"\(number(plotHeight))\" fill=\"none\" stroke=\"#999\"/>\n"
        for tick in xTicks {
            let position = number(x(tick.value))
            body += "<line x1=\"\(position)\" y1=\"\(number(top))\" x2=\"\(position)\" y2=\"\(number(top + plotHeight))\" stroke=\"#eee\"/>"
            body += "<text x=\"\(position)\" y=\"\(number(top + plotHeight + 16))\" text-anchor=\"middle\">\(escaped(tick.label))</text>\n"
        }
        for index in 0...Int(((yHigh - yLow) / step).rounded()) {
            let value = yLow + step * Double(index)
            let position = number(y(value))
            body += "<line x1=\"\(number(left))\" y1=\"\(position)\" x2=\"\(number(left + plotWidth))\" y2=\"\(position)\" stroke=\"#eee\"/>"
            body += "<text x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\">\(String(format: "%g", (value / step).rounded() * step))</text>\n"
        }
        var legend = ""
        for (index, one) in series.enumerated() {
            let colour = palette[index % palette.count]
            let visible = one.points.filter { $0.x > 0 && $0.x.isFinite && $0.y.isFinite }
            if lines && visible.count > 1 {
                let path = visible.map { "\(number(x($0.x))),\(number(y($0.y)))" }.joined(separator: " ")
                body += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>\n"
            }
            for point in visible {
                body += "<circle cx=\"\(number(x(point.x)))\" cy=\"\(number(y(point.y)))\" r=\"3\" fill=\"\(colour)\"/>"
                if let label = point.label {
                    body += "<text x=\"\(number(x(point.x) + 5))\" y=\"\(number(y(point.y) - 4))\" fill=\"\(colour)\" font-size=\"10\">\(escaped(label))</text>"
                }
                body += "\n"
            }
            let legendY = top + 14 * Double(index) + 8
            legend += "<rect x=\"\(number(width - right + 16))\" y=\"\(number(legendY - 8))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            legend += "<text x=\"\(number(width - right + 32))\" y=\"\(number(legendY + 1))\">\(escaped(one.name))</text>\n"
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="11">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(Int(left))" y="22" font-size="14">\(escaped(title))</text>
            \(body)\(legend)<text x="\(number(left + plotWidth / 2))" y="\(number(height - 14))" text-anchor="middle">\(escaped(xAxis))</text>
            <text x="16" y="\(number(top + plotHeight / 2))" text-anchor="middle" transform="rotate(-90 16 \(number(top + plotHeight / 2)))">\(escaped(yAxis))</text>
            </svg>

            """
    }
}
