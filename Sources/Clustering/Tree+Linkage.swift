/// Agglomerative clustering rules, as Lance-Williams updates of the distance from a cluster k
/// to the union of clusters i and j.
public enum LinkageMethod: String, Sendable, CaseIterable {
    /// min(d(k,i), d(k,j)): nearest members.
    case single
    /// max(d(k,i), d(k,j)): farthest members.
    case complete
    /// UPGMA (Sokal and Michener 1958): the mean over all member pairs, (|i| d(k,i) + |j| d(k,j)) / (|i| + |j|).
    case average
    /// WPGMA (McQuitty 1966): (d(k,i) + d(k,j)) / 2, each cluster weighted equally.
    case wpgma
}

/// One step of agglomerative clustering. Clusters are numbered as in SciPy's linkage matrix:
/// items 0..<n, then n + k for the cluster made by merge k.
public struct Merge: Hashable, Sendable {
    public let left: Int
    public let right: Int
    public let distance: Double
    public let size: Int

    public init(left: Int, right: Int, distance: Double, size: Int) {
        self.left = left
        self.right = right
        self.distance = distance
        self.size = size
    }
}

extension Tree {
    /// Hierarchical agglomerative clustering: repeatedly merges the two closest clusters.
    /// Ties go to the pair with the smallest cluster numbers, so the result is deterministic.
    /// The tree is ultrametric: a merge at distance d sits at height d / 2, so that the path
    /// between two leaves is as long as the distance at which they join.
    /// - Complexity: O(n³) time, O(n²) memory.
    public static func linkage(_ d: Distances, method: LinkageMethod) -> (tree: Tree, merges: [Merge]) {
        let n = d.count
        var nodes = (0..<n).map { Node(item: $0) }
        var heights = [Double](repeating: 0, count: n)
        guard n >= 2 else { return (Tree(nodes: nodes, root: 0, isRooted: true), []) }
        // Working distances between active clusters, indexed by slot; slot i holds cluster id[i].
        var w = (0..<n).map { i in (0..<n).map { j in d[i, j] } }
        var id = Array(0..<n)
        var size = [Int](repeating: 1, count: n)
        var active = Array(0..<n)
        var merges: [Merge] = []
        while active.count > 1 {
            var best: (a: Int, b: Int)? = nil
            var bestDistance = Double.infinity
            var bestIDs = (Int.max, Int.max)
            for (x, a) in active.enumerated() {
                for b in active[(x + 1)...] {
                    let ids = (min(id[a], id[b]), max(id[a], id[b]))
                    if w[a][b] < bestDistance || (w[a][b] == bestDistance && ids < bestIDs) {
                        best = (a, b)
                        bestDistance = w[a][b]
                        bestIDs = ids
                    }
                }
            }
            let (a, b) = best!
            let (i, j) = id[a] < id[b] ? (a, b) : (b, a)
            for k in active where k != a && k != b {
                let updated: Double = switch method {
                case .single: min(w[k][i], w[k][j])
                case .complete: max(w[k][i], w[k][j])
                case .average: (Double(size[i]) * w[k][i] + Double(size[j]) * w[k][j]) / Double(size[i] + size[j])
                case .wpgma: (w[k][i] + w[k][j]) / 2
                }
                w[k][i] = updated
                w[i][k] = updated
            }
            let height = bestDistance / 2
            nodes[id[i]].length = height - heights[id[i]]
            nodes[id[j]].length = height - heights[id[j]]
            nodes.append(Node(children: [id[i], id[j]]))
            heights.append(height)
            merges.append(Merge(left: id[i], right: id[j], distance: bestDistance, size: size[i] + size[j]))
            size[i] += size[j]
            id[i] = nodes.count - 1
            active.removeAll { $0 == j }
        }
        return (Tree(nodes: nodes, root: nodes.count - 1, isRooted: true), merges)
    }
}
