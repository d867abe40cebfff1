import Clustering
import TestSupport
import KolmoSupport
import Testing

/// The sum of branch lengths between every two leaves of a tree.
func pathLengths(_ tree: Tree) -> [[Double]] {
    var parent = [Int](repeating: -1, count: tree.nodes.count)
    for node in tree.nodes.indices { for child in tree.nodes[node].children { parent[child] = node } }
    func ancestors(_ node: Int) -> [Int: Double] {
        var result: [Int: Double] = [node: 0]
        var current = node, total = 0.0
        while parent[current] >= 0 {
            total += tree.nodes[current].length ?? 0
            current = parent[current]
            result[current] = total
        }
        return result
    }
    let leaves = tree.nodes.indices.filter { tree.nodes[$0].item != nil }.sorted { tree.nodes[$0].item! < tree.nodes[$1].item! }
    let up = leaves.map(ancestors)
    return leaves.indices.map { i in
        leaves.indices.map { j in up[i].compactMap { node, length in up[j][node].map { length + $0 } }.min()! }
    }
}

/// A random unrooted binary tree on n leaves with branch lengths in [0.1, 1), and its path metric.
func randomAdditiveTree(_ n: Int, seed: UInt64) -> (splits: Set<Set<Int>>, distances: [[Double]]) {
    var generator = SplitMix(seed: seed)
    var nodes = (0..<n).map { Tree.Node(item: $0) }
    var roots = Array(0..<n)
    while roots.count > 2 {
        let a = roots.remove(at: generator.int(in: 0..<roots.count))
        let b = roots.remove(at: generator.int(in: 0..<roots.count))
        nodes.append(Tree.Node(children: [a, b]))
        roots.append(nodes.count - 1)
    }
    nodes.append(Tree.Node(children: roots))
    for index in nodes.indices.dropLast() { nodes[index].length = generator.double(in: 0.1..<1) }
    let tree = Tree(nodes: nodes, root: nodes.count - 1, isRooted: false)
    return (tree.splits, pathLengths(tree))
}

@Suite struct NeighborJoiningTests {
    /// Wikipedia's worked example: an additive metric of the tree
    /// a:2, b:3 on one node; c:4 on the next; d:2, e:1 on the last; internal edges 3 and 2.
    @Test func recoversTheWorkedExampleExactly() {
        let d = Distances([
            [0, 5, 9, 9, 8],
            [5, 0, 10, 10, 9],
            [9, 10, 0, 8, 7],
            [9, 10, 8, 0, 3],
            [8, 9, 7, 3, 0],
        ])
        let tree = Tree.neighborJoining(d)
        #expect(tree.splits == [[2, 3, 4], [3, 4]])
        let lengths = pathLengths(tree)
        for i in 0..<5 { for j in 0..<5 { #expect(abs(lengths[i][j] - d[i, j]) < 1e-12) } }
        let leafLengths = tree.nodes.compactMap { node in node.item.map { ($0, node.length!) } }.sorted { $0.0 < $1.0 }.map(\.1)
        #expect(leafLengths == [2, 3, 4, 2, 1])
    }

    @Test(arguments: [(6, 1), (12, 2), (25, 3), (40, 4)] as [(Int, UInt64)])
    func recoversRandomAdditiveTrees(n: Int, seed: UInt64) {
        let (splits, distances) = randomAdditiveTree(n, seed: seed)
        let tree = Tree.neighborJoining(Distances(distances))
        #expect(tree.splits == splits)
        let lengths = pathLengths(tree)
        for i in 0..<n { for j in 0..<n { #expect(abs(lengths[i][j] - distances[i][j]) < 1e-9) } }
    }
}
