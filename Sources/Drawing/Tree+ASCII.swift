public import Clustering

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
