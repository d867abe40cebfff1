/// How well a tree groups items that share a label (a language family, say).
public struct Evaluation: Hashable, Sendable {
    /// The adjusted Rand index (Hubert and Arabie 1985) between the labels and the tree cut into
    /// as many clusters as there are labels: 1 for the same partition, about 0 for chance.
    public let adjustedRandIndex: Double
    /// The labels with at least two items.
    public let groups: [String]
    /// Those of `groups` whose items form a clade: exactly the items under one node of a rooted
    /// tree, or exactly one side of an edge of an unrooted one.
    public let clades: [String]
    /// Of the triplets (a, b of one label, c of another), the share in which a and b join before
    /// either joins c, in the tree rooted at its midpoint if it is unrooted.
    public let tripletAgreement: Double
    public let triplets: Int

    /// Evaluates `tree` against `labels[item]`.
    /// - Complexity: O(n²) plus the triplets, O(n³) at worst.
    public init(tree: Tree, labels: [String]) {
        let names = Array(Set(labels)).sorted()
        let classes = labels.map { names.firstIndex(of: $0)! }
        let rooted = tree.rootedAtMidpoint()
        adjustedRandIndex = Self.adjustedRandIndex(classes, rooted.clusters(names.count))
        let members = Dictionary(grouping: labels.indices, by: { labels[$0] })
        groups = names.filter { members[$0]!.count >= 2 }
        let sets: Set<Set<Int>>
        if tree.isRooted {
            sets = tree.clades
        } else {
            // An unrooted split is a clade on either side of it.
            let (splits, all) = (tree.splits, Set(labels.indices))
            sets = splits.union(splits.map { all.subtracting($0) })
        }
        clades = groups.filter { sets.contains(Set(members[$0]!)) }
        let depth = Self.joinDepths(rooted, count: labels.count)
        var agree = 0, total = 0
        for group in groups {
            let inside = members[group]!
            let outside = labels.indices.filter { labels[$0] != group }
            for (x, a) in inside.enumerated() {
                for b in inside[(x + 1)...] {
                    for c in outside {
                        total += 1
                        if depth[a][b] > max(depth[a][c], depth[b][c]) { agree += 1 }
                    }
                }
            }
        }
        triplets = total
        tripletAgreement = total == 0 ? 1 : Double(agree) / Double(total)
    }

    /// The adjusted Rand index of two partitions given as a class per item.
    public static func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count)
        func pairs(_ k: Int) -> Double { Double(k) * Double(k - 1) / 2 }
        var table: [Int: [Int: Int]] = [:]
        for (x, y) in zip(a, b) { table[x, default: [:]][y, default: 0] += 1 }
        let index = table.values.flatMap(\.values).reduce(0) { $0 + pairs($1) }
        let rows = Dictionary(grouping: a, by: { $0 }).values.reduce(0) { $0 + pairs($1.count) }
        let columns = Dictionary(grouping: b, by: { $0 }).values.reduce(0) { $0 + pairs($1.count) }
        let expected = rows * columns / pairs(a.count)
        let maximum = (rows + columns) / 2
        return maximum == expected ? 1 : (index - expected) / (maximum - expected)
    }

    /// depth[a][b]: how many edges below the root a and b join (their lowest common ancestor's depth).
    static func joinDepths(_ tree: Tree, count: Int) -> [[Int]] {
        var depth = [Int](repeating: 0, count: tree.nodes.count)
        var stack = [tree.root]
        while let node = stack.popLast() {
            for child in tree.nodes[node].children { depth[child] = depth[node] + 1; stack.append(child) }
        }
        var result = [[Int]](repeating: [Int](repeating: 0, count: count), count: count)
        for node in tree.nodes.indices where tree.nodes[node].children.count >= 2 {
            let below = tree.nodes[node].children.map { tree.items(under: $0) }
            for (x, left) in below.enumerated() {
                for right in below[(x + 1)...] {
                    for a in left { for b in right { result[a][b] = depth[node]; result[b][a] = depth[node] } }
                }
            }
        }
        return result
    }
}
