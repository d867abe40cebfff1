import Foundation

extension Drawing {
    /// A heatmap of `values(row, column)` for the items in `order`: dark for near, light for far,
    /// with a colour scale. The cells are one embedded PNG, a pixel each, drawn without smoothing,
    /// so that the file stays small for hundreds of items; labels are written while cells are at
    /// least 7 pixels tall.
    public static func heatmap(order: [Int], labels: [String], title: String, values: (Int, Int) -> Double) throws -> String {
        let n = order.count
        let cell = max(1.5, min(14, 900 / Double(max(n, 1))))
        let showLabels = cell >= 7
        let labelWidth = showLabels ? Double(order.map { labels[$0].count }.max() ?? 0) * cell * 0.62 + 8 : 0
        let left = 16 + labelWidth, top = 48 + labelWidth
        var low = Double.infinity, high = -Double.infinity
        for r in order { for c in order where r != c { low = min(low, values(r, c)); high = max(high, values(r, c)) } }
        if !low.isFinite { (low, high) = (0, 1) }
        func colour(_ value: Double) -> (Int, Int, Int) {
            // A ramp from dark blue through teal and green to pale yellow (after viridis).
            let stops: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
            let t = high > low ? min(1, max(0, (value - low) / (high - low))) : 0
            let position = t * Double(stops.count - 1)
            let i = min(Int(position), stops.count - 2), f = position - Double(i)
            let (a, b) = (stops[i], stops[i + 1])
            func mix(_ p: Double, _ q: Double) -> Int { Int((p + (q - p) * f).rounded()) }
            return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
        }
        var pixels: [UInt8] = []
        pixels.reserveCapacity(n * n * 3)
        for r in order {
            for c in order {
                let (red, green, blue) = colour(values(r, c))
                pixels += [UInt8(red), UInt8(green), UInt8(blue)]
            }
        }
        let png = try PNG.encode(width: n, height: n, rgb: pixels)
        let side = Double(n) * cell
        var names = ""
        if showLabels {
            for (i, item) in order.enumerated() {
                let position = number(top + Double(i) * cell + cell * 0.8)
                names += "<text x=\"\(number(left - 4))\" y=\"\(position)\" text-anchor=\"end\">\(escaped(labels[item]))</text>"
                let columnX = number(left + Double(i) * cell + cell * 0.8)
                names += "<text x=\"\(columnX)\" y=\"\(number(top - 4))\" transform=\"rotate(-90 \(columnX) \(number(top - 4)))\">\(escaped(labels[item]))</text>\n"
            }
        }
        let scaleX = left + side + 24
        var scale = ""
        for step in 0..<50 {
            let (red, green, blue) = colour(high - (high - low) * Double(step) / 49)
            scale += "<rect x=\"\(number(scaleX))\" y=\"\(number(top + Double(step) * 4))\" width=\"16\" height=\"4.1\" fill=\"rgb(\(red),\(green),\(blue))\"/>"
        }
        scale += "<text x=\"\(number(scaleX + 22))\" y=\"\(number(top + 8))\">\(String(format: "%.3f", high))</text>"
        scale += "<text x=\"\(number(scaleX + 22))\" y=\"\(number(top + 200))\">\(String(format: "%.3f", low))</text>"
        let width = scaleX + 90, height = max(top + side, top + 210) + 16
        let note = showLabels ? "" : " (\(n) items in tree order; labels omitted at this size)"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="\(showLabels ? number(cell * 0.85) : "11")">
            <rect width="100%" height="100%" fill="white"/>
            <text x="16" y="22" font-size="14">\(escaped(title + note))</text>
            <image x="\(number(left))" y="\(number(top))" width="\(number(side))" height="\(number(side))" preserveAspectRatio="none" image-rendering="pixelated" style="image-rendering:pixelated" xlink:href="data:image/png;base64,\(Data(png).base64EncodedString())"/>
            \(names)\(scale)
            </svg>

            """
    }
}
