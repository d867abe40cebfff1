import Foundation

extension Tree {
    /// The tree drawn with box-drawing characters, one leaf per line, for a terminal.
    /// Unrooted trees are drawn rooted at their midpoint.
    public func ascii(labels: [String]) -> String {
        let tree = rootedAtMidpoint()
        func lines(_ node: Int) -> [String] {
            let current = tree.nodes[node]
            if let item = current.item { return ["─ " + labels[item]] }
            var result: [String] = []
            for (index, child) in current.children.enumerated() {
                let first = current.children.count == 1 ? "──" : index == 0 ? "┬─" : index == current.children.count - 1 ? "└─" : "├─"
                let rest = index == current.children.count - 1 ? "  " : "│ "
                for (line, text) in lines(child).enumerated() { result.append((line == 0 ? first : rest) + text) }
            }
            return result
        }
        return lines(tree.root).joined(separator: "\n")
    }
}

/// SVG pictures of trees and matrices, readable from a handful of leaves to several hundred.
public enum Drawing {
    /// Colours for up to 20 groups (Kelly's and Tableau's distinct colours); more groups reuse them.
    package static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
        "#393b79", "#ad494a", "#637939", "#e6550d", "#6b6ecf", "#843c39", "#d6616b", "#3182bd", "#8ca252", "#636363",
    ]

    package static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    package static func number(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }

    /// A dendrogram: leaves one per row, branches drawn to scale where the tree has lengths
    /// (from the root, so an ultrametric tree ends in a straight column of leaves), by depth
    /// otherwise. Leaf labels are coloured by `groups[item]` (nil: black), with a legend.
    public static func dendrogram(_ tree: Tree, labels: [String], groups: [String?], title: String) -> String {
        let tree = tree.rootedAtMidpoint()
        let order = tree.leafOrder
        let row = 14.0, top = 48.0, left = 16.0, treeWidth = 560.0
        let weighted = tree.hasBranchLengths
        var fromRoot = [Double](repeating: 0, count: tree.nodes.count)
        var stack = [tree.root]
        while let node = stack.popLast() {
            for child in tree.nodes[node].children {
                fromRoot[child] = fromRoot[node] + tree.branchLength(child, weighted: weighted)
                stack.append(child)
            }
        }
        let deepest = max(fromRoot.max() ?? 1, 1e-12)
        var y = [Double](repeating: 0, count: tree.nodes.count)
        for (rank, item) in order.enumerated() {
            let leaf = tree.nodes.indices.first { tree.nodes[$0].item == item }!
            y[leaf] = top + Double(rank) * row
        }
        func x(_ node: Int) -> Double { left + treeWidth * fromRoot[node] / deepest }
        var body = ""
        for node in tree.postorder where !tree.nodes[node].children.isEmpty {
            let children = tree.nodes[node].children
            y[node] = (children.map { y[$0] }.min()! + children.map { y[$0] }.max()!) / 2
            body += "<line x1=\"\(number(x(node)))\" y1=\"\(number(children.map { y[$0] }.min()!))\" x2=\"\(number(x(node)))\" y2=\"\(number(children.map { y[$0] }.max()!))\"/>\n"
            for child in children {
                body += "<line x1=\"\(number(x(node)))\" y1=\"\(number(y[child]))\" x2=\"\(number(x(child)))\" y2=\"\(number(y[child]))\"/>\n"
            }
        }
        let names = Array(Set(groups.compactMap { $0 })).sorted()
        let colour = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, palette[$0 % palette.count]) })
        var text = ""
        for node in tree.nodes.indices {
            guard let item = tree.nodes[node].item else { continue }
            let fill = groups[item].flatMap { colour[$0] } ?? "#000000"
            text += "<text x=\"\(number(x(node) + 4))\" y=\"\(number(y[node] + 4))\" fill=\"\(fill)\">\(escaped(labels[item]))</text>\n"
        }
        let labelWidth = Double(labels.map(\.count).max() ?? 0) * 7 + 20
        let legendX = left + treeWidth + labelWidth + 20
        var legend = ""
        for (index, name) in names.enumerated() {
            let count = groups.filter { $0 == name }.count
            let ly = top + Double(index) * 18
            legend += "<rect x=\"\(number(legendX))\" y=\"\(number(ly - 9))\" width=\"12\" height=\"12\" fill=\"\(colour[name]!)\"/>"
            legend += "<text x=\"\(number(legendX + 18))\" y=\"\(number(ly + 1))\">\(escaped(name)) (\(count))</text>\n"
        }
        let width = legendX + (names.isEmpty ? 0 : Double(names.map(\.count).max()! + 6) * 7 + 30)
        let height = max(top + Double(order.count) * row, top + Double(names.count) * 18) + 16
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(Int(left))" y="22" font-size="14">\(escaped(title))</text>
            <g stroke="#444" stroke-width="1" fill="none">
            \(body)</g>
            <g>
            \(text)</g>
            <g>
            \(legend)</g>
            </svg>

            """
    }

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
