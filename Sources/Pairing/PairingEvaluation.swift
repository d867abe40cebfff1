import KolmoSupport
/// How well a cost matrix recovers known pairs: the optimal assignment, greedy matching and
/// retrieval (each row ranking every column), scored against the truth.
///
/// Ties between columns go to the lower column index, everywhere: in retrieval, in ranks and in
/// the solvers. Callers that want ties broken at random shuffle the columns first (as
/// ``TranslationPairing`` does), so no order in the input can favour the true pair.
public struct PairingEvaluation: Hashable, Sendable {
    public let size: Int
    /// For each row, the column the minimum-cost assignment gives it.
    public let assignment: [Int]
    /// For each row, the column greedy matching gives it.
    public let greedy: [Int]
    /// For each row, the rank (1 = cheapest) of its true column among all columns.
    public let ranks: [Int]
    public let metrics: PairingMetrics

    /// - Parameters:
    ///   - cost: row-major `size` x `size`; lower means more likely a pair. Finite.
    ///   - truth: for each row, its true column (a permutation).
    public init(cost: [Double], size n: Int, truth: [Int]) {
        precondition(truth.count == n && Set(truth).count == n && truth.allSatisfy { (0..<n).contains($0) }, "truth must be a permutation")
        size = n
        assignment = Assignment.minimumCost(cost, size: n)
        greedy = Assignment.greedy(cost, size: n)
        ranks = (0..<n).map { Self.rank(of: truth[$0], inRow: $0, cost: cost, size: n) }
        metrics = PairingMetrics(
            assignment: assignment, greedy: greedy, ranks: ranks, truth: truth)
    }

    /// 1 + the number of columns that beat `column` in `row`: cheaper, or as cheap and lower.
    static func rank(of column: Int, inRow row: Int, cost: [Double], size n: Int) -> Int {
        let value = cost[row * n + column]
        var rank = 1
        for c in 0..<n where c != column {
            let other = cost[row * n + c]
            if other < value || (other == value && c < column) { rank += 1 }
        }
        return rank
    }

    /// One-sided permutation p-values: the chance that a random pairing of the rows with the
    /// columns scores at least as well as the truth does, for each metric. The truth is replaced
    /// by `permutations` seeded random permutations; p = (1 + hits) / (1 + permutations).
    /// - Complexity: O(n² log n) once, then O(n) per permutation.
    public func pValues(cost: [Double], permutations: Int, seed: UInt64) -> PairingMetrics.Values {
        let n = size
        // rankOf[r * n + c]: rank of column c in row r, so a random truth is scored in O(n).
        var rankOf = [Int32](repeating: 0, count: n * n)
        for r in 0..<n {
            let order = (0..<n).sorted { (cost[r * n + $0], $0) < (cost[r * n + $1], $1) }
            for (position, c) in order.enumerated() { rankOf[r * n + c] = Int32(position + 1) }
        }
        let observed = metrics.values
        var hits = PairingMetrics.Values(assignment: 0, greedy: 0, top1: 0, top5: 0, meanReciprocalRank: 0)
        var generator = SplitMix(seed: seed)
        for _ in 0..<permutations {
            let truth = generator.permutation(n)
            let random = PairingMetrics(assignment: assignment, greedy: greedy, ranks: (0..<n).map { Int(rankOf[$0 * n + truth[$0]]) }, truth: truth).values
            hits = hits.adding(random.atLeast(observed))
        }
        return hits.map { ($0 + 1) / Double(permutations + 1) }
    }
}

/// Accuracies of a pairing, as fractions of the rows.
public struct PairingMetrics: Hashable, Sendable {
    public let values: Values

    /// The metrics side by side, so that p-values and chance levels share the shape.
    public struct Values: Hashable, Sendable {
        /// Rows the minimum-cost assignment pairs correctly.
        public var assignment: Double
        /// Rows greedy matching pairs correctly.
        public var greedy: Double
        /// Rows whose cheapest column is the true one.
        public var top1: Double
        /// Rows whose true column is among the 5 cheapest.
        public var top5: Double
        /// Mean of 1 / rank of the true column.
        public var meanReciprocalRank: Double

        public init(assignment: Double, greedy: Double, top1: Double, top5: Double, meanReciprocalRank: Double) {
            self.assignment = assignment
            self.greedy = greedy
            self.top1 = top1
            self.top5 = top5
            self.meanReciprocalRank = meanReciprocalRank
        }

        func map(_ transform: (Double) -> Double) -> Values {
            Values(assignment: transform(assignment), greedy: transform(greedy), top1: transform(top1),
                   top5: transform(top5), meanReciprocalRank: transform(meanReciprocalRank))
        }

        func adding(_ other: Values) -> Values {
            Values(assignment: assignment + other.assignment, greedy: greedy + other.greedy, top1: top1 + other.top1,
                   top5: top5 + other.top5, meanReciprocalRank: meanReciprocalRank + other.meanReciprocalRank)
        }

        /// 1 where this is at least `other`, else 0, metric by metric.
        func atLeast(_ other: Values) -> Values {
            func one(_ a: Double, _ b: Double) -> Double { a >= b - 1e-12 ? 1 : 0 }
            return Values(assignment: one(assignment, other.assignment), greedy: one(greedy, other.greedy),
                          top1: one(top1, other.top1), top5: one(top5, other.top5),
                          meanReciprocalRank: one(meanReciprocalRank, other.meanReciprocalRank))
        }
    }

    public var assignmentAccuracy: Double { values.assignment }
    public var greedyAccuracy: Double { values.greedy }
    public var top1: Double { values.top1 }
    public var top5: Double { values.top5 }
    public var meanReciprocalRank: Double { values.meanReciprocalRank }

    init(assignment: [Int], greedy: [Int], ranks: [Int], truth: [Int]) {
        let n = Double(max(truth.count, 1))
        func share(_ count: Int) -> Double { Double(count) / n }
        values = Values(
            assignment: share(zip(assignment, truth).count { $0 == $1 }),
            greedy: share(zip(greedy, truth).count { $0 == $1 }),
            top1: share(ranks.count { $0 == 1 }),
            top5: share(ranks.count { $0 <= 5 }),
            meanReciprocalRank: ranks.reduce(0) { $0 + 1 / Double($1) } / n)
    }

    /// What a pairing drawn at random scores on average with `n` items: 1/n correct pairs,
    /// 5/n in the top 5, and a mean reciprocal rank of H(n)/n.
    public static func chance(size n: Int) -> Values {
        guard n > 0 else { return Values(assignment: 0, greedy: 0, top1: 0, top5: 0, meanReciprocalRank: 0) }
        let harmonic = (1...n).reduce(0.0) { $0 + 1 / Double($1) }
        return Values(assignment: 1 / Double(n), greedy: 1 / Double(n), top1: 1 / Double(n),
                      top5: Double(min(5, n)) / Double(n), meanReciprocalRank: harmonic / Double(n))
    }
}
