@testable import Clustering
import TestSupport
import KolmoSupport
import Testing

/// A symmetric matrix of seeded random distances in `range`.
func randomDistances(_ n: Int, seed: UInt64, in range: Range<Double>) -> Distances {
    var generator = SplitMix(seed: seed)
    var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
        for j in (i + 1)..<n {
            rows[i][j] = generator.double(in: range)
            rows[j][i] = rows[i][j]
        }
    }
    return Distances(rows)
}

@Suite struct QuartetTests {
    /// A tree embeds the cheapest topology of every quartet of its own tree metric: S(T) = 1.
    @Test func treeOfATreeMetricScoresOne() {
        let (_, distances) = randomAdditiveTree(15, seed: 9)
        let d = Distances(distances)
        #expect(Quartets.score(of: Tree.neighborJoining(d), d) == 1)
        let (tree, _) = Tree.linkage(textbook, method: .average)
        #expect(Quartets.score(of: tree, textbook) > 0 && Quartets.score(of: tree, textbook) <= 1)
    }

    /// Hand-computed on four items: costs ab|cd = 1 + 1, ac|bd = 5 + 5, ad|bc = 4 + 4; so m = 2,
    /// M = 10, and a tree pairing (a,c) scores (10 - 10) / (10 - 2) = 0, one pairing (a,d) 0.25.
    @Test func scoreOfFourItemsByHand() {
        let d = Distances([[0, 1, 5, 4], [1, 0, 4, 5], [5, 4, 0, 1], [4, 5, 1, 0]])
        func tree(_ pair: (Int, Int), _ other: (Int, Int)) -> Tree {
            let nodes = [Tree.Node(item: pair.0), Tree.Node(item: pair.1), Tree.Node(item: other.0), Tree.Node(item: other.1),
                         Tree.Node(children: [0, 1]), Tree.Node(children: [4, 2, 3])]
            return Tree(nodes: nodes, root: 5, isRooted: false)
        }
        #expect(Quartets.score(of: tree((0, 1), (2, 3)), d) == 1)
        #expect(Quartets.score(of: tree((0, 2), (1, 3)), d) == 0)
        #expect(Quartets.score(of: tree((0, 3), (1, 2)), d) == 0.25)
    }

    /// The NNI deltas that the search adds up equal C_T summed afresh over every quartet.
    @Test func nniDeltasMatchTheFullSum() {
        var generator = SplitMix(seed: 5)
        let n = 11
        let d = randomDistances(n, seed: 5, in: 0..<1)
        var random = SplitMix(seed: 3)
        var tree = UnrootedBinaryTree.random(n, using: &random)
        var cost = Quartets.costs(tree.tree().edgeDistances(), d).cost
        for _ in 0..<200 {
            let u = generator.int(in: n..<(2 * n - 2))
            guard let v = generator.element(of: tree.adjacency[u].filter({ $0 >= n })) else { continue }
            let b = generator.element(of: tree.adjacency[u].filter { $0 != v })!
            let c = generator.element(of: tree.adjacency[v].filter { $0 != u })!
            cost += tree.nniDelta(u: u, b: b, v: v, c: c, d)
            tree.swap(u: u, b: b, v: v, c: c)
            #expect(abs(cost - Quartets.costs(tree.tree().edgeDistances(), d).cost) < 1e-9)
        }
    }

    @Test func searchFindsTheTreeOfATreeMetric() {
        let (splits, distances) = randomAdditiveTree(14, seed: 21)
        let result = QuartetSearch(seed: 7, jobs: 2).run(Distances(distances))
        #expect(result.converged)
        #expect(result.score == 1)
        #expect(result.tree.splits == splits)
    }

    @Test func searchIsDeterministicForASeedWhateverTheJobs() {
        let d = randomDistances(16, seed: 8, in: 0.5..<1)
        // Random distances have many near-equal optima: the chains need not agree, and 50 rounds
        // are enough to show that the threads change nothing.
        let one = QuartetSearch(seed: 42, jobs: 1, maximumRounds: 50).run(d)
        let three = QuartetSearch(seed: 42, jobs: 3, maximumRounds: 50).run(d)
        #expect(one.tree == three.tree && one.score == three.score && one.proposals == three.proposals)
        #expect(one.score == Quartets.score(of: one.tree, d))
    }

    @Test func fewerThanFourItems() {
        #expect(QuartetSearch().run(Distances([[0, 1, 2], [1, 0, 1], [2, 1, 0]])).tree.leafCount == 3)
        #expect(QuartetSearch().run(Distances([[0]])).tree.leafCount == 1)
    }
}
