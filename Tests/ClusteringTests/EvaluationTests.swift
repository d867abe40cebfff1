import Clustering
import Testing

@Suite struct EvaluationTests {
    /// By hand: contingency (2,1 | 0,1,2 ...) gives index 2, row pairs 6, column pairs 3, expected
    /// 6 * 3 / 15 = 1.2, maximum 4.5: ARI = 0.8 / 3.3 = 8/33.
    @Test func adjustedRandIndexByHand() {
        #expect(abs(Evaluation.adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) - 8.0 / 33) < 1e-15)
        #expect(Evaluation.adjustedRandIndex([0, 0, 1, 1], [5, 5, 7, 7]) == 1)
    }

    /// The UPGMA tree of the textbook matrix is ((e,(a,b)),(c,d)).
    @Test func labelsThatMatchTheTree() {
        let tree = Tree.linkage(textbook, method: .average).tree
        let evaluation = Evaluation(tree: tree, labels: ["X", "X", "Y", "Y", "X"])
        #expect(evaluation.adjustedRandIndex == 1)
        #expect(evaluation.groups == ["X", "Y"] && evaluation.clades == ["X", "Y"])
        // X: 3 pairs x 2 outsiders, Y: 1 pair x 3 outsiders; all agree.
        #expect(evaluation.triplets == 9 && evaluation.tripletAgreement == 1)
    }

    /// Labels across the tree: X = {a, c}, Y = {b, d, e}. Triplets by hand: only (b,e) before c
    /// agrees: 1 of 9. The cut {a,b,e} {c,d} against the labels: index 1, expected 1.6,
    /// maximum 4, ARI = -0.6 / 2.4 = -0.25.
    @Test func labelsAcrossTheTree() {
        let tree = Tree.linkage(textbook, method: .average).tree
        let evaluation = Evaluation(tree: tree, labels: ["X", "Y", "X", "Y", "Y"])
        #expect(evaluation.clades.isEmpty)
        #expect(evaluation.triplets == 9 && abs(evaluation.tripletAgreement - 1.0 / 9) < 1e-15)
        #expect(abs(evaluation.adjustedRandIndex - -0.25) < 1e-15)
    }

    /// Cutting undoes the last merges: 33 (the root), then 28 (c, d), then 22 (e).
    @Test func cutsUndoTheLastMerges() {
        let tree = Tree.linkage(textbook, method: .average).tree
        #expect(tree.clusters(1) == [0, 0, 0, 0, 0])
        #expect(tree.clusters(2) == [0, 0, 1, 1, 0])
        #expect(tree.clusters(3) == [0, 0, 1, 2, 0])
        #expect(tree.clusters(5).sorted() == [0, 1, 2, 3, 4])
        #expect(tree.clusters(9).sorted() == [0, 1, 2, 3, 4])
    }

    /// Wikipedia's NJ example: the longest path, b to c or d, is 10 long; its midpoint lies on
    /// the edge between the (a,b) node and the c node, 2 from the former. Rooting keeps every
    /// path length and splits {a,b} from {c,d,e}.
    @Test func midpointRootingKeepsPathLengths() {
        let d = Distances([[0, 5, 9, 9, 8], [5, 0, 10, 10, 9], [9, 10, 0, 8, 7], [9, 10, 8, 0, 3], [8, 9, 7, 3, 0]])
        let rooted = Tree.neighborJoining(d).rootedAtMidpoint()
        #expect(rooted.isRooted)
        #expect(Set(rooted.nodes[rooted.root].children.map { Set(rooted.items(under: $0)) }) == [[0, 1], [2, 3, 4]])
        let lengths = pathLengths(rooted)
        for i in 0..<5 { for j in 0..<5 { #expect(abs(lengths[i][j] - d[i, j]) < 1e-12) } }
        #expect(rooted.heights[rooted.root] == 5)
    }

    @Test func unrootedTreesCountSplitsAsClades() {
        let d = Distances([[0, 5, 9, 9, 8], [5, 0, 10, 10, 9], [9, 10, 0, 8, 7], [9, 10, 8, 0, 3], [8, 9, 7, 3, 0]])
        let evaluation = Evaluation(tree: Tree.neighborJoining(d), labels: ["P", "P", "Q", "R", "R"])
        #expect(evaluation.groups == ["P", "R"] && evaluation.clades == ["P", "R"])
    }
}
