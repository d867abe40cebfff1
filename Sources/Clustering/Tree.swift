/// A tree whose leaves are the items 0..<n of a distance matrix.
///
/// Nodes live in one array and refer to their children by index. Trees from linkage are
/// rooted; trees from neighbor joining and the quartet method are unrooted, stored with an
/// arbitrary internal node as root (`isRooted` false).
public struct Tree: Hashable, Sendable {
    public struct Node: Hashable, Sendable {
        public var children: [Int]
        /// The length of the branch to the parent, where the method gives one.
        public var length: Double?
        /// The item a leaf stands for; nil for an internal node.
        public var item: Int?

        public init(children: [Int] = [], length: Double? = nil, item: Int? = nil) {
            self.children = children
            self.length = length
            self.item = item
        }
    }

    public internal(set) var nodes: [Node]
    public internal(set) var root: Int
    public internal(set) var isRooted: Bool

    public init(nodes: [Node], root: Int, isRooted: Bool) {
        self.nodes = nodes
        self.root = root
        self.isRooted = isRooted
    }

    /// Whether every branch has a length (neighbor joining, linkage); the quartet method gives none.
    public var hasBranchLengths: Bool {
        nodes.indices.allSatisfy { $0 == root || nodes[$0].length != nil }
    }

    /// The length of the branch above `node` for measuring the tree: its length (negative lengths,
    /// which neighbor joining can give, count as 0) when the tree has lengths, 1 edge otherwise.
    package func branchLength(_ node: Int, weighted: Bool) -> Double {
        weighted ? max(0, nodes[node].length ?? 0) : 1
    }

    /// The number of leaves.
    public var leafCount: Int { nodes.reduce(0) { $0 + ($1.item == nil ? 0 : 1) } }

    /// Node indices, children before their parent.
    public var postorder: [Int] {
        var order: [Int] = []
        var stack: [(node: Int, expanded: Bool)] = [(root, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded || nodes[node].children.isEmpty {
                order.append(node)
            } else {
                stack.append((node, true))
                for child in nodes[node].children.reversed() { stack.append((child, false)) }
            }
        }
        return order
    }

    /// The items under `node`, left to right.
    public func items(under node: Int) -> [Int] {
        var result: [Int] = []
        var stack = [node]
        while let current = stack.popLast() {
            if let item = nodes[current].item { result.append(item) }
            stack.append(contentsOf: nodes[current].children.reversed())
        }
        return result
    }

    /// The items in drawing order, left to right.
    public var leafOrder: [Int] { items(under: root) }

    /// The clades of a rooted tree: the item set under every node with at least two leaves.
    public var clades: Set<Set<Int>> {
        var result = Set<Set<Int>>()
        for node in nodes.indices where nodes[node].item == nil {
            let items = Set(self.items(under: node))
            if items.count >= 2 { result.insert(items) }
        }
        return result
    }

    /// The nontrivial splits of the tree seen unrooted, each written as the side without the
    /// smallest item: two trees have the same unrooted topology exactly when these are equal.
    public var splits: Set<Set<Int>> {
        let all = Set(items(under: root))
        guard let smallest = all.min() else { return [] }
        var result = Set<Set<Int>>()
        for node in nodes.indices where node != root {
            let side = Set(items(under: node))
            let other = all.subtracting(side)
            guard side.count >= 2, other.count >= 2 else { continue }
            result.insert(side.contains(smallest) ? other : side)
        }
        return result
    }

    /// The number of edges between every two items: the tree's topological distances.
    public func edgeDistances() -> [[Int]] {
        var parent = [Int](repeating: -1, count: nodes.count)
        for node in nodes.indices { for child in nodes[node].children { parent[child] = node } }
        var neighbors = [[Int]](repeating: [], count: nodes.count)
        for node in nodes.indices {
            neighbors[node] = nodes[node].children + (parent[node] >= 0 ? [parent[node]] : [])
        }
        let leaves = nodes.indices.compactMap { node in nodes[node].item.map { (item: $0, node: node) } }
        let n = (leaves.map(\.item).max() ?? -1) + 1
        var result = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        var depth = [Int](repeating: -1, count: nodes.count)
        for (item, start) in leaves {
            for index in depth.indices { depth[index] = -1 }
            depth[start] = 0
            var queue = [start]
            var head = 0
            while head < queue.count {
                let current = queue[head]
                head += 1
                for next in neighbors[current] where depth[next] < 0 {
                    depth[next] = depth[current] + 1
                    queue.append(next)
                }
            }
            for (other, node) in leaves { result[item][other] = depth[node] }
        }
        return result
    }
}
