extension Tree {
    /// The tree rooted at the midpoint of its longest leaf-to-leaf path: measured in branch
    /// lengths where every branch has one (neighbor joining), in edges otherwise (the quartet
    /// method). A rooted tree is returned as it is. Rooting gives unrooted trees the heights,
    /// cuts and triplets that the evaluation needs.
    public func rootedAtMidpoint() -> Tree {
        guard !isRooted, nodes.count > 2 else { return self }
        let weighted = hasBranchLengths
        // The undirected tree, with each edge's length.
        var neighbors = [[(node: Int, length: Double)]](repeating: [], count: nodes.count)
        for node in nodes.indices {
            for child in nodes[node].children {
                let length = branchLength(child, weighted: weighted)
                neighbors[node].append((child, length))
                neighbors[child].append((node, length))
            }
        }
        func farthest(from start: Int) -> (node: Int, distance: [Double], previous: [Int]) {
            var distance = [Double](repeating: -1, count: nodes.count)
            var previous = [Int](repeating: -1, count: nodes.count)
            distance[start] = 0
            var stack = [start]
            while let current = stack.popLast() {
                for (next, length) in neighbors[current] where distance[next] < 0 {
                    distance[next] = distance[current] + length
                    previous[next] = current
                    stack.append(next)
                }
            }
            let leaves = nodes.indices.filter { nodes[$0].item != nil }
            let end = leaves.max { (distance[$0], -nodes[$0].item!) < (distance[$1], -nodes[$1].item!) }!
            return (end, distance, previous)
        }
        let firstLeaf = nodes.indices.filter { nodes[$0].item != nil }.min { nodes[$0].item! < nodes[$1].item! }!
        let a = farthest(from: firstLeaf).node
        let (b, distance, previous) = farthest(from: a)
        let half = distance[b] / 2
        // Walk from b towards a until the midpoint is passed.
        var upper = b
        while previous[upper] >= 0 && distance[previous[upper]] >= half { upper = previous[upper] }
        let lower = previous[upper]
        var built: [Node] = []
        func build(_ node: Int, from parent: Int, length: Double?) -> Int {
            let children = neighbors[node].filter { $0.node != parent }.map { build($0.node, from: node, length: weighted ? $0.length : nil) }
            built.append(Node(children: children, length: length, item: nodes[node].item))
            return built.count - 1
        }
        if lower < 0 || distance[upper] == half {
            // The midpoint is a node: root there.
            let rootIndex = build(upper, from: -1, length: nil)
            return Tree(nodes: built, root: rootIndex, isRooted: true)
        }
        // The midpoint lies inside the edge upper-lower: a new root splits it.
        let below = distance[upper] - half, above = half - distance[lower]
        let left = build(upper, from: lower, length: weighted ? below : nil)
        let right = build(lower, from: upper, length: weighted ? above : nil)
        built.append(Node(children: [right, left]))
        return Tree(nodes: built, root: built.count - 1, isRooted: true)
    }

    /// Each node's height: the longest way down to a leaf, in branch lengths where the tree has
    /// them, in edges otherwise.
    public var heights: [Double] {
        let weighted = hasBranchLengths
        var result = [Double](repeating: 0, count: nodes.count)
        for node in postorder {
            result[node] = nodes[node].children.map { result[$0] + branchLength($0, weighted: weighted) }.max() ?? 0
        }
        return result
    }

    /// The tree cut into `k` clusters (rooted at the midpoint first if it is unrooted): the
    /// highest node is split until there are `k`; ties go to the larger cluster, then the lower
    /// node. For linkage trees this undoes the last k - 1 merges. Returns each item's cluster,
    /// numbered by first appearance in leaf order.
    public func clusters(_ k: Int) -> [Int] {
        let tree = rootedAtMidpoint()
        let heights = tree.heights
        var sizes = [Int](repeating: 0, count: tree.nodes.count)
        for node in tree.postorder {
            sizes[node] = tree.nodes[node].item != nil ? 1 : tree.nodes[node].children.reduce(0) { $0 + sizes[$1] }
        }
        var parts = [tree.root]
        while parts.count < k {
            let splittable = parts.enumerated().filter { !tree.nodes[$0.element].children.isEmpty }
            guard let pick = splittable.max(by: { (heights[$0.element], sizes[$0.element], -$0.element) < (heights[$1.element], sizes[$1.element], -$1.element) }) else { break }
            parts.replaceSubrange(pick.offset...pick.offset, with: tree.nodes[pick.element].children)
        }
        var result = [Int](repeating: 0, count: tree.leafCount)
        for (cluster, part) in parts.enumerated() {
            for item in tree.items(under: part) { result[item] = cluster }
        }
        return result
    }
}
