extension Tree {
    /// Neighbor joining (Saitou and Nei 1987, in the form of Studier and Keppler 1988): joins the
    /// pair minimising Q(i, j) = (r - 2) d(i, j) - R(i) - R(j), until three nodes remain, which
    /// become the children of the root. On an additive (tree) metric it recovers the tree and its
    /// branch lengths exactly. Negative branch lengths, which NJ gives on non-additive data, are
    /// kept as computed. Ties go to the smallest pair of node numbers.
    /// - Complexity: O(n³) time, O(n²) memory.
    public static func neighborJoining(_ d: Distances) -> Tree {
        let n = d.count
        var nodes = (0..<n).map { Node(item: $0) }
        guard n >= 3 else {
            if n == 2 {
                nodes[0].length = d[0, 1] / 2
                nodes[1].length = d[0, 1] / 2
                nodes.append(Node(children: [0, 1]))
                return Tree(nodes: nodes, root: 2, isRooted: false)
            }
            return Tree(nodes: nodes, root: 0, isRooted: false)
        }
        var w = (0..<n).map { i in (0..<n).map { j in d[i, j] } }
        var node = Array(0..<n)
        var active = Array(0..<n)
        while active.count > 3 {
            let r = Double(active.count)
            var sums = [Double](repeating: 0, count: w.count)
            for a in active { sums[a] = active.reduce(0) { $0 + w[a][$1] } }
            var best = (a: -1, b: -1)
            var bestQ = Double.infinity
            for (x, a) in active.enumerated() {
                for b in active[(x + 1)...] {
                    let q = (r - 2) * w[a][b] - sums[a] - sums[b]
                    if q < bestQ { best = (a, b); bestQ = q }
                }
            }
            let (a, b) = best
            let lengthA = w[a][b] / 2 + (sums[a] - sums[b]) / (2 * (r - 2))
            nodes[node[a]].length = lengthA
            nodes[node[b]].length = w[a][b] - lengthA
            nodes.append(Node(children: [node[a], node[b]]))
            for k in active where k != a && k != b {
                let updated = (w[a][k] + w[b][k] - w[a][b]) / 2
                w[a][k] = updated
                w[k][a] = updated
            }
            node[a] = nodes.count - 1
            active.removeAll { $0 == b }
        }
        let (a, b, c) = (active[0], active[1], active[2])
        nodes[node[a]].length = (w[a][b] + w[a][c] - w[b][c]) / 2
        nodes[node[b]].length = (w[a][b] + w[b][c] - w[a][c]) / 2
        nodes[node[c]].length = (w[a][c] + w[b][c] - w[a][b]) / 2
        nodes.append(Node(children: [node[a], node[b], node[c]]))
        return Tree(nodes: nodes, root: nodes.count - 1, isRooted: false)
    }
}
