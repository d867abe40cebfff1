import Complexity
import Compressors

/// Measures, on real translations, how far joint compression K(X, Y) can stand in for the
/// conditional K(Y|X), and how much conditioning on a whole dataset helps.
///
/// For every pair (x_r, y_c) it compresses xy, yx, y primed with x and x primed with y. From
/// these come the chain-rule gap C(xy) - (C(x) + C(y|x)) and the symmetry-of-information gap
/// (C(x) + C(y|x)) - (C(y) + C(x|y)), for translations and for all other pairs; how well each
/// score separates translations from the rest; and how well each pairs them. Then, for each
/// translation y of x, C(y) given: its translation x; all of X except x; all of X (x last, so
/// that it stays within reach of a small window); and an unrelated text as long as all of X.
public struct JointCompressionStudy: Sendable {
    public var builder: DistanceMatrixBuilder
    public var seed: UInt64
    /// Text unrelated to the translations, for the control context; nil leaves it out.
    public var unrelated: [UInt8]?

    public init(builder: DistanceMatrixBuilder, seed: UInt64 = 1, unrelated: [UInt8]? = nil) {
        self.builder = builder
        self.seed = seed
        self.unrelated = unrelated
    }

    /// What ``run(x:y:truth:)`` compresses for `size` pairs, as ``DistanceMatrixBuilder/progress`` reports it:
    /// the four pairwise sizes of every pair, then one primed compression per translation and context.
    public func workload(size: Int) -> Workload {
        let contexts = StudyResult.ContextKind.allCases.count - (unrelated == nil ? 1 : 0)
        return builder.pairwiseWorkload(rows: size, columns: size, computing: .all) + contexts * Workload(units: size, steps: size)
    }

    /// - Parameter truth: for each x, the index of its translation in `y`.
    public func run(x: [[UInt8]], y: [[UInt8]], truth: [Int]) throws -> StudyResult {
        let shuffled = try ShuffledPairs(x: x, y: y, truth: truth, seed: seed)
        let n = x.count
        let sizes = try builder.pairwiseSizes(rows: shuffled.x, columns: shuffled.y, computing: .all)
        let lengths = (shuffled.x.map(\.count), shuffled.y.map(\.count))
        let isTranslation = (0..<(n * n)).map { shuffled.truth[$0 / n] == $0 % n }

        let pairs = (0..<(n * n)).map { index in
            let (r, c) = index.quotientAndRemainder(dividingBy: n)
            return StudyResult.PairSizes(
                x: shuffled.xOriginal[r], y: shuffled.yOriginal[c], cx: sizes.rowComplexities[r], cy: sizes.columnComplexities[c],
                cxy: sizes.joint![index], cyx: sizes.reverseJoint![index],
                cyGivenX: sizes.primed![index], cxGivenY: sizes.reversePrimed![index])
        }
        func split(_ value: (StudyResult.PairSizes) -> Double) -> StudyResult.Split {
            StudyResult.Split(
                translations: pairs.indices.filter { isTranslation[$0] }.map { value(pairs[$0]) },
                others: pairs.indices.filter { !isTranslation[$0] }.map { value(pairs[$0]) })
        }
        let scores: [PairingScore] = [.ncd, .mutual, .conditional, .length]
        let scoreRows = scores.map { score in
            let values = score.values(sizes, order: builder.order, rowLengths: lengths.0, columnLengths: lengths.1)
            let cost = score.costs(values)
            let closeness = cost.map { -$0 }
            return StudyResult.ScoreRow(
                score: score,
                separation: n > 1 ? Separation(
                    positives: closeness.indices.filter { isTranslation[$0] }.map { closeness[$0] },
                    negatives: closeness.indices.filter { !isTranslation[$0] }.map { closeness[$0] }) : nil,
                pairing: PairingEvaluation(cost: cost, size: n, truth: shuffled.truth).metrics.values)
        }
        return StudyResult(
            compressor: builder.compressor, order: builder.order, size: n,
            translations: (0..<n).map { pairs[$0 * n + shuffled.truth[$0]] }.sorted { $0.x < $1.x },
            chainRuleGap: split { $0.chainRuleGap.bytes },
            relativeChainRuleGap: split { $0.chainRuleGap.bytes / $0.cxy.bytes },
            symmetryGap: split { $0.symmetryGap.bytes },
            relativeSymmetryGap: split { $0.symmetryGap.bytes / $0.cxy.bytes },
            scores: scoreRows,
            conditioning: try conditioning(
                x: shuffled.x, targets: shuffled.truth.map { shuffled.y[$0] },
                complexities: shuffled.truth.map { sizes.columnComplexities[$0] }).map { $0.reordered(shuffled.xOriginal) },
            pairsBeyondWindow: sizes.pairsBeyondWindow, truncatedDictionaries: sizes.truncatedDictionaries, window: sizes.window)
    }

    /// C(targets_i | context) for every translation and context, primed; X is concatenated in
    /// the order given. `cy` holds C(targets_i), already computed with the pairwise sizes.
    func conditioning(x: [[UInt8]], targets: [[UInt8]], complexities cy: [CodeLength]) throws -> [StudyResult.Context] {
        let n = x.count
        let total = x.reduce(0) { $0 + $1.count }
        var kinds: [(StudyResult.ContextKind, @Sendable (Int) -> [UInt8])] = [
            (.translation, { x[$0] }),
            (.datasetWithoutTranslation, { i in Array((0..<n).filter { $0 != i }.map { x[$0] }.joined()) }),
            (.dataset, { i in Array(((0..<n).filter { $0 != i } + [i]).map { x[$0] }.joined()) }),
        ]
        if let unrelated {
            let cut = Array(unrelated.prefix(Self.characterBoundary(in: unrelated, atMost: total)))
            kinds.append((.unrelated, { _ in cut }))
        }
        return try kinds.map { kind, context in
            let sizes = try builder.primedSizes(count: n, input: { targets[$0] }, dictionary: context)
            let contextBytes = (0..<n).map { context($0).count }
            return StudyResult.Context(
                kind: kind, complexities: cy, conditional: sizes.map(\.length),
                contextBytes: contextBytes, usableBytes: sizes.map(\.usableDictionaryBytes))
        }
    }

    /// The largest length up to `limit` that does not cut a UTF-8 sequence.
    static func characterBoundary(in bytes: [UInt8], atMost limit: Int) -> Int {
        var end = min(limit, bytes.count)
        while end > 0 && end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}

/// Everything ``JointCompressionStudy`` measured. Sizes are code lengths; gaps and means are in bytes.
public struct StudyResult: Sendable {
    /// The six sizes of one pair (x, y).
    public struct PairSizes: Hashable, Sendable {
        /// Index in X.
        public let x: Int
        /// Index in Y as given.
        public let y: Int
        public let cx: CodeLength
        public let cy: CodeLength
        public let cxy: CodeLength
        public let cyx: CodeLength
        /// C(y|x), y primed with x (or coded after x by a learning codec).
        public let cyGivenX: CodeLength
        /// C(x|y), x primed with y.
        public let cxGivenY: CodeLength

        /// C(xy) - (C(x) + C(y|x)): zero when the chain rule K(x, y) = K(x) + K(y|x) holds exactly,
        /// as it does, to the bit, for a learning codec.
        public var chainRuleGap: CodeLength { cxy - (cx + cyGivenX) }
        /// (C(x) + C(y|x)) - (C(y) + C(x|y)): zero under symmetry of information.
        public var symmetryGap: CodeLength { (cx + cyGivenX) - (cy + cxGivenY) }
    }

    /// A quantity over the translations and over every other pair.
    public struct Split: Sendable {
        public let translations: [Double]
        public let others: [Double]
    }

    /// One score's separation of translations from other pairs, and its pairing accuracy.
    public struct ScoreRow: Sendable {
        public let score: PairingScore
        /// Nil with a single pair (there are no others).
        public let separation: Separation?
        public let pairing: PairingMetrics.Values
    }

    /// What y is conditioned on.
    public enum ContextKind: String, Sendable, CaseIterable {
        case translation = "x, its translation"
        case datasetWithoutTranslation = "all of X except x"
        case dataset = "all of X (x last)"
        case unrelated = "unrelated text, as long as X"
    }

    /// C(y | context) for each translation y.
    public struct Context: Sendable {
        public let kind: ContextKind
        /// C(y), unprimed.
        public let complexities: [CodeLength]
        /// C(y | context), primed.
        public let conditional: [CodeLength]
        public let contextBytes: [Int]
        /// How much of the context the compressor could reach.
        public let usableBytes: [Int]

        /// The mean of C(y | context) / C(y): below 1 the context helps.
        public var meanRatio: Double {
            zip(conditional, complexities).reduce(0) { $0 + $1.0.bytes / $1.1.bytes } / Double(conditional.count)
        }
        /// The mean of C(y | context), in bytes.
        public var meanConditional: Double { conditional.reduce(.zero, +).bytes / Double(conditional.count) }
        /// The mean of C(y), in bytes.
        public var meanComplexity: Double { complexities.reduce(.zero, +).bytes / Double(complexities.count) }

        /// The same numbers with item `i` moved to position `positions[i]`.
        func reordered(_ positions: [Int]) -> Context {
            func move<T>(_ values: [T]) -> [T] {
                var result = values
                for (i, position) in positions.enumerated() { result[position] = values[i] }
                return result
            }
            return Context(kind: kind, complexities: move(complexities), conditional: move(conditional),
                           contextBytes: move(contextBytes), usableBytes: move(usableBytes))
        }
    }

    public let compressor: CompressorSpec
    public let order: ConcatenationOrder
    public let size: Int
    /// The translation pairs, in the order of X.
    public let translations: [PairSizes]
    public let chainRuleGap: Split
    /// The chain-rule gap over C(xy).
    public let relativeChainRuleGap: Split
    public let symmetryGap: Split
    /// The symmetry gap over C(xy).
    public let relativeSymmetryGap: Split
    public let scores: [ScoreRow]
    public let conditioning: [Context]
    public let pairsBeyondWindow: Int
    public let truncatedDictionaries: Int
    public let window: Int
}
