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

/// The one chart drawer behind every chart: a framed plot area with grid lines at the axes'
/// marks, the marks' labels, both axes' titles, the layers in their colours, and a legend to the
/// right of the plot naming every layer that has a name.
struct Chart {
    /// How a layer is drawn.
    enum Mark {
        /// Dots, with each point's label beside it.
        case points
        /// A line through the points, with a dot on each.
        case line
        /// A line through the points, without dots.
        case curve
        /// A filled region between the points and the x axis's baseline (for histograms).
        case area
        /// A grey dashed line, not in the legend (a reference such as the chance diagonal).
        case reference
    }

    struct Layer {
        let name: String
        let points: [ChartPoint]
        let mark: Mark
    }

    let x: Axis
    let y: Axis
    var layers: [Layer]
    var width = 960.0
    var height = 560.0

    func rendered(title: String) -> String {
        let named = layers.filter { $0.mark != .reference }
        let legendWidth = named.isEmpty ? 24.0 : Double(named.map(\.name.count).max()!) * 6.5 + 48
        let (left, right, top, bottom) = (70.0, legendWidth, 40.0, 56.0)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func px(_ value: Double) -> Double { left + plotWidth * x.fraction(value) }
        func py(_ value: Double) -> Double { top + plotHeight * (1 - y.fraction(value)) }
        let n = Drawing.number

        var body = "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotWidth))\" height=\"\(n(plotHeight))\" fill=\"none\" stroke=\"#999\"/>\n"
        for tick in x.ticks where x.contains(tick.value) {
            let position = n(px(tick.value))
            body += "<line x1=\"\(position)\" y1=\"\(n(top))\" x2=\"\(position)\" y2=\"\(n(top + plotHeight))\" stroke=\"#eee\"/>"
            body += "<text x=\"\(position)\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\">\(Drawing.escaped(tick.label))</text>\n"
        }
        for tick in y.ticks where y.contains(tick.value) {
            let position = n(py(tick.value))
            body += "<line x1=\"\(n(left))\" y1=\"\(position)\" x2=\"\(n(left + plotWidth))\" y2=\"\(position)\" stroke=\"#eee\"/>"
            body += "<text x=\"\(n(left - 6))\" y=\"\(n(py(tick.value) + 4))\" text-anchor=\"end\">\(Drawing.escaped(tick.label))</text>\n"
        }
        var legend = ""
        for (index, layer) in named.enumerated() {
            let colour = Drawing.colour(index)
            body += draw(layer, colour: colour, px: px, py: py)
            let legendY = top + 16 * Double(index) + 8
            legend += "<rect x=\"\(n(width - right + 16))\" y=\"\(n(legendY - 8))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            legend += "<text x=\"\(n(width - right + 32))\" y=\"\(n(legendY + 1))\">\(Drawing.escaped(layer.name))</text>\n"
        }
        for layer in layers where layer.mark == .reference { body += draw(layer, colour: "#999", px: px, py: py) }
        body += legend
        body += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 14))\" text-anchor=\"middle\">\(Drawing.escaped(x.title))</text>\n"
        body += "<text x=\"16\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(n(top + plotHeight / 2)))\">\(Drawing.escaped(y.title))</text>\n"
        return Drawing.document(width: width, height: height, title: title, body: body)
    }

    private func draw(_ layer: Layer, colour: String, px: (Double) -> Double, py: (Double) -> Double) -> String {
        let n = Drawing.number
        let visible = layer.points.filter { x.contains($0.x) && y.contains($0.y) }
        let path = visible.map { "\(n(px($0.x))),\(n(py($0.y)))" }.joined(separator: " ")
        var text = ""
        switch layer.mark {
        case .area:
            guard let first = visible.first, let last = visible.last else { return "" }
            let base = py(max(y.low, min(0, y.high)))
            text += "<polygon points=\"\(n(px(first.x))),\(n(base)) \(path) \(n(px(last.x))),\(n(base))\" fill=\"\(colour)\" fill-opacity=\"0.35\" stroke=\"\(colour)\" stroke-width=\"1.2\"/>\n"
        case .reference:
            text += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-dasharray=\"4 4\"/>\n"
        case .line, .curve:
            if visible.count > 1 {
                text += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>\n"
            }
        case .points:
            break
        }
        if layer.mark == .points || layer.mark == .line {
            for point in visible {
                text += "<circle cx=\"\(n(px(point.x)))\" cy=\"\(n(py(point.y)))\" r=\"3\" fill=\"\(colour)\"/>"
                if let label = point.label {
                    text += "<text x=\"\(n(px(point.x) + 5))\" y=\"\(n(py(point.y) - 4))\" fill=\"\(colour)\" font-size=\"10\">\(Drawing.escaped(label))</text>"
                }
                text += "\n"
            }
        }
        return text
    }
}
