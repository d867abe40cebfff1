import KolmoSupport
import Complexity
import Compressors

/// Recovers which document translates which from compression alone, and scores the result.
///
/// The columns (Y) are shuffled with a seed before anything is computed, so neither the names
/// nor the order of the files can help: ties, which every solver breaks by the lower column,
/// are broken at random. The same seed gives the same bytes.
public struct TranslationPairing: Sendable {
    public var builder: DistanceMatrixBuilder
    public var score: PairingScore
    public var seed: UInt64
    /// Random pairings drawn for the p-values.
    public var permutations: Int
    /// More compressors whose evidence is added to the builder's: each compressor's costs are
    /// standardised over the whole matrix (mean 0, standard deviation 1) and summed, so that
    /// no compressor weighs more for using bigger numbers.
    public var ensemble: [CompressorSpec]

    public init(
        builder: DistanceMatrixBuilder, score: PairingScore = .ncd, seed: UInt64 = 1, permutations: Int = 10_000,
        ensemble: [CompressorSpec] = []
    ) {
        self.builder = builder
        self.score = score
        self.seed = seed
        self.permutations = permutations
        self.ensemble = ensemble
    }

    /// What ``run(x:y:truth:)`` compresses for `size` pairs, as ``DistanceMatrixBuilder/progress`` reports it:
    /// the sizes the score needs, once for the builder's compressor and once for each of the ensemble's.
    public func workload(size: Int) -> Workload {
        (1 + ensemble.count) * builder.pairwiseWorkload(rows: size, columns: size, computing: score.quantities(order: builder.order))
    }

    /// - Parameters:
    ///   - truth: for each x, the index of its translation in `y` (a permutation).
    public func run(x: [[UInt8]], y: [[UInt8]], truth: [Int]) throws -> PairingReport {
        let shuffled = try ShuffledPairs(x: x, y: y, truth: truth, seed: seed)
        let quantities = score.quantities(order: builder.order)
        let sizes = try builder.pairwiseSizes(rows: shuffled.x, columns: shuffled.y, computing: quantities)
        let lengths = (shuffled.x.map(\.count), shuffled.y.map(\.count))
        let values = score.values(sizes, order: builder.order, rowLengths: lengths.0, columnLengths: lengths.1)
        guard !ensemble.isEmpty else { return report(shuffled, sizes: sizes, values: values, cost: score.costs(values)) }
        var cost = Self.standardized(score.costs(values))
        for spec in ensemble {
            var other = builder
            other.compressor = spec
            let otherSizes = try other.pairwiseSizes(rows: shuffled.x, columns: shuffled.y, computing: quantities)
            let otherCost = Self.standardized(score.costs(score.values(otherSizes, order: builder.order, rowLengths: lengths.0, columnLengths: lengths.1)))
            cost = zip(cost, otherCost).map(+)
        }
        return report(shuffled, sizes: sizes, values: values, cost: cost)
    }

    /// (c - mean) / standard deviation; constant costs stay constant (all zero).
    static func standardized(_ cost: [Double]) -> [Double] {
        let mean = cost.reduce(0, +) / Double(cost.count)
        let deviation = (cost.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(cost.count)).squareRoot()
        return cost.map { deviation > 0 ? ($0 - mean) / deviation : 0 }
    }

    /// The report from the sizes computed on `shuffled`, the pairs' values (printed) and the
    /// costs the pairing minimises.
    func report(_ shuffled: ShuffledPairs, sizes: PairwiseSizes, values: [Double], cost: [Double]) -> PairingReport {
        let n = shuffled.x.count
        let lengths = (shuffled.x.map(\.count), shuffled.y.map(\.count))
        let evaluation = PairingEvaluation(cost: cost, size: n, truth: shuffled.truth)
        let lengthCost = PairingScore.length.values(sizes, order: builder.order, rowLengths: lengths.0, columnLengths: lengths.1)
        let lengthEvaluation = PairingEvaluation(cost: lengthCost, size: n, truth: shuffled.truth)
        var matches = (0..<n).map { r in
            let c = evaluation.assignment[r]
            return PairingReport.Match(
                x: shuffled.xOriginal[r], y: shuffled.yOriginal[c], score: values[r * n + c], correct: c == shuffled.truth[r],
                rankOfTranslation: evaluation.ranks[r], retrieved: shuffled.yOriginal[(0..<n).min { (cost[r * n + $0], $0) < (cost[r * n + $1], $1) }!])
        }
        matches.sort { $0.x < $1.x }
        return PairingReport(
            score: score, order: builder.order, compressor: builder.compressor, ensemble: ensemble, size: n,
            metrics: evaluation.metrics.values,
            pValues: evaluation.pValues(cost: cost, permutations: permutations, seed: seed &+ 1),
            lengthBaseline: lengthEvaluation.metrics.values,
            chance: PairingMetrics.chance(size: n),
            matches: matches, pairsBeyondWindow: sizes.pairsBeyondWindow,
            truncatedDictionaries: sizes.truncatedDictionaries, window: sizes.window)
    }
}

/// The pairing and its scores.
public struct PairingReport: Hashable, Sendable {
    /// One x and the y the assignment gives it.
    public struct Match: Hashable, Sendable {
        /// Index in X as given; matches are in this order.
        public let x: Int
        /// Index in Y (as given, not shuffled).
        public let y: Int
        /// The pair's score with the first compressor (its natural value, not the cost).
        public let score: Double
        public let correct: Bool
        /// Rank of x's true translation among all of Y (1 = best).
        public let rankOfTranslation: Int
        /// Index in Y of x's best-scoring y (top-1 retrieval).
        public let retrieved: Int
    }

    public let score: PairingScore
    public let order: ConcatenationOrder
    public let compressor: CompressorSpec
    /// The compressors whose standardised costs were added to `compressor`'s.
    public let ensemble: [CompressorSpec]
    public let size: Int
    public let metrics: PairingMetrics.Values
    public let pValues: PairingMetrics.Values
    /// The same solver and metrics on the cost |log(|x| / |y|)|.
    public let lengthBaseline: PairingMetrics.Values
    public let chance: PairingMetrics.Values
    public let matches: [Match]
    public let pairsBeyondWindow: Int
    public let truncatedDictionaries: Int
    public let window: Int
}

/// X and Y in an order that depends only on their contents and the seed, the truth in those
/// positions, and the way back. Each side is sorted by its bytes, then shuffled: so file names
/// and the order the documents came in cannot change any result, and ties fall at random.
struct ShuffledPairs {
    let x: [[UInt8]]
    let y: [[UInt8]]
    /// truth[r]: the position of x_r's translation.
    let truth: [Int]
    /// xOriginal[r], yOriginal[c]: the index as given of row r and column c.
    let xOriginal: [Int]
    let yOriginal: [Int]

    init(x: [[UInt8]], y: [[UInt8]], truth: [Int], seed: UInt64) throws {
        guard x.count == y.count else { throw PairingError.unequalSizes(x: x.count, y: y.count) }
        guard !x.isEmpty else { throw PairingError.empty }
        precondition(Set(truth).count == truth.count && truth.count == x.count && truth.allSatisfy { (0..<y.count).contains($0) },
                     "truth must be a permutation")
        var generator = SplitMix(seed: seed)
        func order(_ items: [[UInt8]]) -> [Int] {
            let sorted = items.indices.sorted { items[$0].lexicographicallyPrecedes(items[$1]) }
            return generator.permutation(items.count).map { sorted[$0] }
        }
        xOriginal = order(x)
        yOriginal = order(y)
        var yPosition = [Int](repeating: 0, count: y.count)
        for (c, index) in yOriginal.enumerated() { yPosition[index] = c }
        self.x = xOriginal.map { x[$0] }
        self.y = yOriginal.map { y[$0] }
        self.truth = xOriginal.map { yPosition[truth[$0]] }
    }
}

/// Why a pairing cannot be computed.
public enum PairingError: Error, Equatable, CustomStringConvertible {
    case unequalSizes(x: Int, y: Int)
    case empty

    public var description: String {
        switch self {
        case let .unequalSizes(x, y): "X has \(x) documents and Y has \(y): pairing needs one translation for each"
        case .empty: "there are no pairs to compute"
        }
    }
}
