import KolmoSupport

/// Searches for the unrooted binary tree that maximises the quartet score S(T) (Cilibrasi and
/// Vitányi 2005), by randomized hill climbing in several independent chains.
///
/// A proposal moves a random subtree through a walk of nearest-neighbour interchanges (NNI) and
/// is kept if it lowers C_T. An NNI across the edge between sides A, B and C, D changes only the
/// quartets with one item on each side, so its effect on C_T is four block sums,
///
///     ΔC = |B||D| S(A,C) + |A||C| S(B,D) - |C||D| S(A,B) - |A||B| S(C,D),   S(X,Y) = Σ d(x, y),
///
/// which costs O(n²), not the O(n⁴) of summing every quartet again. As in CompLearn, the search
/// stops when independent chains agree on the best score: after a round of proposals in which no
/// chain improved, at least two chains have reached the best cost (real data has near-equal local
/// optima in which a third chain may rest). Each chain has its own generator, seeded from `seed`,
/// so the result is the same whatever the number of threads.
public struct QuartetSearch: Sendable {
    public var seed: UInt64
    /// Independent chains that must agree before the search stops.
    public var chains: Int
    /// Threads for the chains.
    public var jobs: Int
    /// The most rounds before the search gives up agreeing (the result then says so).
    public var maximumRounds: Int

    public init(seed: UInt64 = 1, chains: Int = 3, jobs: Int = 1, maximumRounds: Int = 2000) {
        self.seed = seed
        self.chains = chains
        self.jobs = jobs
        self.maximumRounds = maximumRounds
    }

    public struct Result: Sendable {
        public let tree: Tree
        /// S(T) of `tree`, summed afresh over every quartet.
        public let score: Double
        public let proposals: Int
        public let rounds: Int
        /// Whether the chains agreed before `maximumRounds`.
        public let converged: Bool
    }

    public func run(_ d: Distances) -> Result {
        let n = d.count
        guard n >= 4 else {
            let tree = UnrootedBinaryTree.star(n).tree()
            return Result(tree: tree, score: 1, proposals: 0, rounds: 0, converged: true)
        }
        let chainCount = max(1, chains)
        var states = (0..<chainCount).map { chain in
            Chain(d: d, seed: seed &+ UInt64(chain) &* 0x9E37_79B9_7F4A_7C15)
        }
        let tolerance = max(1e-9 * states[0].spread, 1e-12)
        let proposalsPerRound = max(200, 10 * n)
        var rounds = 0
        var converged = false
        while rounds < maximumRounds {
            rounds += 1
            // Each chain climbs on its own thread; a round ends when all have, so no chain is ever
            // read and climbed at once.
            let before = states
            let climbed = Parallel.map(count: chainCount, jobs: jobs) { index in
                var chain = before[index]
                let better = chain.climb(proposals: proposalsPerRound, d: d, tolerance: tolerance)
                return (chain, better)
            }
            states = climbed.map(\.0)
            let costs = states.map(\.cost)
            let least = costs.min() ?? 0
            let agreeing = costs.filter { $0 - least <= tolerance }.count
            if !climbed.contains(where: \.1) && agreeing >= min(2, chainCount) {
                converged = true
                break
            }
        }
        let winner = states.enumerated().min { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }!.element
        let tree = winner.tree.tree()
        return Result(
            tree: tree, score: Quartets.score(of: tree, d), proposals: rounds * proposalsPerRound * chainCount,
            rounds: rounds, converged: converged)
    }
}

/// One hill-climbing chain: a tree, its cost C_T (kept up to date by NNI deltas) and its generator.
struct Chain: Sendable {
    var tree: UnrootedBinaryTree
    var cost: Double
    var random: SplitMix
    /// M - m: the range of C_T over all trees, summed in the same pass as the first cost.
    let spread: Double

    init(d: Distances, seed: UInt64) {
        random = SplitMix(seed: seed)
        tree = UnrootedBinaryTree.random(d.count, using: &random)
        let sums = Quartets.costs(tree.tree().edgeDistances(), d)
        cost = sums.cost
        spread = sums.worst - sums.best
    }

    /// Tries `proposals` moves; returns whether the cost went down.
    ///
    /// A move, like CompLearn's k-mutation, is one to four random subtree walks of one to nine
    /// NNIs each, judged together: composite moves let a chain leave a local optimum that no
    /// single walk improves.
    mutating func climb(proposals: Int, d: Distances, tolerance: Double) -> Bool {
        let start = cost
        for _ in 0..<proposals {
            var moves: [(u: Int, b: Int, v: Int, c: Int)] = []
            var delta = 0.0
            for _ in 0...random.geometric(cap: 3) {
                delta += walk(d, recording: &moves)
            }
            if delta < -tolerance {
                cost += delta
            } else {
                for move in moves.reversed() { tree.swap(u: move.u, b: move.c, v: move.v, c: move.b) }
            }
        }
        return cost < start - tolerance
    }

    /// Moves a random subtree s, hanging from the internal node p, by a walk of NNIs; returns the
    /// change in C_T and appends the NNIs made to `moves`.
    private mutating func walk(_ d: Distances, recording moves: inout [(u: Int, b: Int, v: Int, c: Int)]) -> Double {
        let s = random.below(tree.adjacency.count)
        guard var p = random.element(of: tree.adjacency[s].filter { tree.isInternal($0) }) else { return 0 }
        var delta = 0.0
        for _ in 0...random.geometric(cap: 8) {
            let candidates = tree.adjacency[p].filter { $0 != s && tree.isInternal($0) }
            guard let x = random.element(of: candidates) else { break }
            let others = tree.adjacency[x].filter { $0 != p }
            let c = others[random.below(2)]
            delta += tree.nniDelta(u: p, b: s, v: x, c: c, d)
            tree.swap(u: p, b: s, v: x, c: c)
            moves.append((p, s, x, c))
            p = x
        }
        return delta
    }
}

/// An unrooted binary tree: items 0..<n are leaves (one neighbour), nodes n..<2n-2 are internal
/// (three neighbours).
struct UnrootedBinaryTree: Sendable {
    var adjacency: [[Int]]
    let n: Int

    func isInternal(_ node: Int) -> Bool { node >= n }

    /// For fewer than four items: every item joined to one centre.
    static func star(_ n: Int) -> UnrootedBinaryTree {
        guard n >= 2 else { return UnrootedBinaryTree(adjacency: n == 1 ? [[]] : [], n: n) }
        if n == 2 { return UnrootedBinaryTree(adjacency: [[1], [0]], n: 2) }
        return UnrootedBinaryTree(adjacency: [[3], [3], [3], [0, 1, 2]], n: 3)
    }

    /// A random tree: three items around a centre, then each further item on a random edge.
    static func random(_ n: Int, using random: inout SplitMix) -> UnrootedBinaryTree {
        let order = random.permutation(n)
        var adjacency = [[Int]](repeating: [], count: 2 * n - 2)
        let centre = n
        for item in order.prefix(3) {
            adjacency[item] = [centre]
            adjacency[centre].append(item)
        }
        var edges = order.prefix(3).map { ($0, centre) }
        var next = n + 1
        for item in order.dropFirst(3) {
            let pick = random.below(edges.count)
            let (a, b) = edges[pick]
            let middle = next
            next += 1
            adjacency[a][adjacency[a].firstIndex(of: b)!] = middle
            adjacency[b][adjacency[b].firstIndex(of: a)!] = middle
            adjacency[middle] = [a, b, item]
            adjacency[item] = [middle]
            edges[pick] = (a, middle)
            edges.append((middle, b))
            edges.append((middle, item))
        }
        return UnrootedBinaryTree(adjacency: adjacency, n: n)
    }

    /// The items on the side of `node` away from `from`.
    func items(from node: Int, awayFrom from: Int) -> [Int] {
        var result: [Int] = []
        var stack = [(node, from)]
        while let (current, parent) = stack.popLast() {
            if current < n { result.append(current) }
            for next in adjacency[current] where next != parent { stack.append((next, current)) }
        }
        return result
    }

    /// The change in C_T from the NNI that swaps b (a neighbour of u) with c (a neighbour of v),
    /// u and v being adjacent internal nodes.
    func nniDelta(u: Int, b: Int, v: Int, c: Int, _ d: Distances) -> Double {
        let a = adjacency[u].first { $0 != v && $0 != b }!
        let x = adjacency[v].first { $0 != u && $0 != c }!
        let sideA = items(from: a, awayFrom: u), sideB = items(from: b, awayFrom: u)
        let sideC = items(from: c, awayFrom: v), sideD = items(from: x, awayFrom: v)
        func sum(_ left: [Int], _ right: [Int]) -> Double {
            var total = 0.0
            for i in left { for j in right { total += d[i, j] } }
            return total
        }
        let (na, nb, nc, nd) = (Double(sideA.count), Double(sideB.count), Double(sideC.count), Double(sideD.count))
        return nb * nd * sum(sideA, sideC) + na * nc * sum(sideB, sideD) - nc * nd * sum(sideA, sideB) - na * nb * sum(sideC, sideD)
    }

    /// Swaps b (a neighbour of u) with c (a neighbour of v): the NNI across the edge u-v.
    mutating func swap(u: Int, b: Int, v: Int, c: Int) {
        adjacency[u][adjacency[u].firstIndex(of: b)!] = c
        adjacency[v][adjacency[v].firstIndex(of: c)!] = b
        adjacency[b][adjacency[b].firstIndex(of: u)!] = v
        adjacency[c][adjacency[c].firstIndex(of: v)!] = u
    }

    /// As a ``Tree`` rooted at the first internal node (unrooted).
    func tree() -> Tree {
        guard n >= 3 else {
            var nodes = (0..<n).map { Tree.Node(item: $0) }
            if n == 2 { nodes.append(Tree.Node(children: [0, 1])) }
            return Tree(nodes: nodes, root: n == 2 ? 2 : 0, isRooted: false)
        }
        var nodes: [Tree.Node] = []
        func build(_ node: Int, _ parent: Int) -> Int {
            let children = adjacency[node].filter { $0 != parent }.map { build($0, node) }
            nodes.append(node < n ? Tree.Node(item: node) : Tree.Node(children: children))
            return nodes.count - 1
        }
        let root = build(n, -1)
        return Tree(nodes: nodes, root: root, isRooted: false)
    }
}
