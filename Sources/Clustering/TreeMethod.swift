/// How a tree is built from a distance matrix: one of the linkage rules, neighbor joining, or
/// the quartet method.
public enum TreeMethod: String, Sendable, CaseIterable {
    /// UPGMA: ``LinkageMethod/average``.
    case average
    /// ``LinkageMethod/single``.
    case single
    /// ``LinkageMethod/complete``.
    case complete
    /// ``LinkageMethod/wpgma``.
    case wpgma
    /// Neighbor joining (``Tree/neighborJoining(_:)``): unrooted, with branch lengths.
    case nj
    /// The quartet method (``QuartetSearch``): unrooted, the tree that maximises S(T).
    case quartet

    /// The linkage rule this method is, if it is one.
    public var linkage: LinkageMethod? {
        switch self {
        case .average: .average
        case .single: .single
        case .complete: .complete
        case .wpgma: .wpgma
        case .nj, .quartet: nil
        }
    }

    /// The tree of `d` by this method, with its quartet score S(T) (``Quartets/score(of:_:)``).
    /// `search` runs the quartet method; the other methods ignore it.
    /// - Complexity: O(n³) for linkage and neighbor joining, plus O(n⁴) for S(T); the quartet
    ///   search computes S(T) as it goes.
    public func build(_ d: Distances, search: QuartetSearch = QuartetSearch()) -> ScoredTree {
        switch self {
        case .nj:
            let tree = Tree.neighborJoining(d)
            return ScoredTree(method: self, tree: tree, score: Quartets.score(of: tree, d), search: nil)
        case .quartet:
            let result = search.run(d)
            return ScoredTree(method: self, tree: result.tree, score: result.score, search: result)
        case .average, .single, .complete, .wpgma:
            let tree = Tree.linkage(d, method: linkage ?? .average).tree
            return ScoredTree(method: self, tree: tree, score: Quartets.score(of: tree, d), search: nil)
        }
    }
}

/// A tree, the method that built it, and its quartet score.
public struct ScoredTree: Sendable {
    public let method: TreeMethod
    public let tree: Tree
    /// S(T) = (M - C_T) / (M - m): 1 when the tree embeds the cheapest topology of every quartet.
    public let score: Double
    /// What the quartet search did (rounds, proposals, agreement), for the quartet method.
    public let search: QuartetSearch.Result?
}
