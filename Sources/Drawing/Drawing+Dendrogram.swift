public import Clustering

extension Drawing {
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
}
