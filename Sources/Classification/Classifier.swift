public import Complexity
public import Compressors
import KolmoSupport

/// How a test item is classified.
public enum ClassificationMethod: String, Sendable, CaseIterable {
    /// The k nearest training items by NCD vote (``Classifier/nearestNeighbors(_:training:keys:)``).
    case knn
    /// The class whose training text, as the compressor's dictionary, makes the item cheapest
    /// (``Classifier/classConditional(_:training:keys:)``).
    case classConditional = "class"
}

/// How a tie for the best class is broken. The test item's own label never takes part.
public enum TieBreaking: String, Sendable, CaseIterable {
    /// kNN: among the classes tied for the most votes, the one whose nearest member is closest
    /// (at equal distances, the training item that comes first). Class-conditional: among
    /// classes of equal cost, the first by name.
    case nearest
    /// Uniformly among the tied classes, from a generator seeded by the seed and the item's index.
    case random
}

/// How the class-conditional method measures what an item costs given a class's text.
public enum ClassScore: String, Sendable, CaseIterable {
    /// C(y | class): y compressed by a compressor primed with the class text as preset dictionary.
    case primed
    /// C(class y) - C(class): what y adds to the class text in one stream.
    case difference
}

/// One test item's predicted class.
public struct Prediction: Hashable, Sendable {
    /// The predicted class, an index into the training set's classes.
    public let predicted: Int
    /// The classes tied for the best (most votes, or least cost), in class order; one when there
    /// was no tie. `predicted` is one of them.
    public let tied: [Int]
    /// kNN: the NCD to the nearest neighbour of the predicted class. Class-conditional: the
    /// item's cost given the predicted class, in bytes.
    public let score: Double

    public init(predicted: Int, tied: [Int], score: Double) {
        precondition(tied.contains(predicted), "the predicted class is one of the tied classes")
        self.predicted = predicted
        self.tied = tied
        self.score = score
    }
}

/// Classification by compression: kNN on NCD, or class-conditional compression.
///
/// Predictions depend only on the inputs and settings, never on `jobs`.
public struct Classifier: Sendable {
    public var method: ClassificationMethod
    public var compressor: CompressorSpec
    /// Neighbours that vote (kNN).
    public var k: Int
    public var ties: TieBreaking
    /// Seeds random tie-breaking and the folds of cross-validation.
    public var seed: UInt64
    /// The cost the class-conditional method compares.
    public var score: ClassScore
    /// The concatenation of NCD (kNN); the test item is x, a training item y.
    public var order: ConcatenationOrder
    /// Threads to use; the predictions do not depend on it.
    public var jobs: Int
    /// Decompress every stream and compare it with its input.
    public var verify: Bool

    public init(
        method: ClassificationMethod = .classConditional, compressor: CompressorSpec = .default, k: Int = 1,
        ties: TieBreaking = .nearest, seed: UInt64 = 1, score: ClassScore = .primed,
        order: ConcatenationOrder = .xy, jobs: Int = 1, verify: Bool = false
    ) {
        self.method = method
        self.compressor = compressor
        self.k = k
        self.ties = ties
        self.seed = seed
        self.score = score
        self.order = order
        self.jobs = jobs
        self.verify = verify
    }

    /// Classifies `test` against `training` and scores the predictions against `test`'s labels.
    /// - Throws: ``ClassificationError/leakage(test:training:)`` if a test item equals a training
    ///   item, ``ClassificationError/unknownClass(item:label:)`` for a test class with no training items.
    public func evaluate(test: LabelledTexts, training: LabelledTexts) throws -> ClassificationReport {
        let truth = try Self.truth(of: test, training: training)
        let predictions = try predict(test.items, training: training, keys: Array(test.items.indices))
        return ClassificationReport(classes: training.classes, truth: truth, predictions: predictions)
    }

    /// The true class of each test item, as an index into `training`'s classes, after the checks
    /// ``evaluate(test:training:)`` makes before it classifies anything (so that a run split
    /// into pieces can make them once, and score the pieces' predictions with the result).
    /// - Throws: ``ClassificationError/leakage(test:training:)`` if a test item equals a training
    ///   item, ``ClassificationError/unknownClass(item:label:)`` for a test class with no training items.
    public static func truth(of test: LabelledTexts, training: LabelledTexts) throws -> [Int] {
        let truth = try test.labels(in: training)
        try LabelledTexts.checkLeakage(test: test, training: training)
        return truth
    }

    /// Stratified `folds`-fold cross-validation: each class's items are shuffled (seeded by `seed`)
    /// and dealt to the folds in turn; every fold is classified against all the others.
    /// - Throws: ``ClassificationError/leakage(test:training:)`` if two items are identical, and
    ///   errors for a fold count out of range or a class of one item.
    public func crossValidate(_ set: LabelledTexts, folds: Int) throws -> ClassificationReport {
        guard folds >= 2, folds <= set.count else { throw ClassificationError.invalidFolds(folds, items: set.count) }
        for (name, size) in zip(set.classes, set.classSizes) where size < 2 {
            throw ClassificationError.classTooSmallForFolds(name, items: size)
        }
        try LabelledTexts.checkDuplicates(set)
        var predictions = [Prediction?](repeating: nil, count: set.count)
        for split in splits(set, folds: folds) {
            let predicted = try predict(split.test.map { set.items[$0] }, training: set.subset(split.training), keys: split.test)
            for (index, prediction) in zip(split.test, predicted) { predictions[index] = prediction }
        }
        return ClassificationReport(classes: set.classes, truth: set.labels, predictions: predictions.map { $0! })
    }

    /// For each fold, its items (the test set) and all the others (the training set).
    func splits(_ set: LabelledTexts, folds: Int) -> [(test: [Int], training: [Int])] {
        let fold = Self.folds(labels: set.labels, classCount: set.classes.count, count: folds, seed: seed)
        return (0..<folds).map { f in (set.items.indices.filter { fold[$0] == f }, set.items.indices.filter { fold[$0] != f }) }
    }

    /// The fold of each item: per class, in class order, the class's items in a seeded shuffle
    /// are dealt to folds `0, 1, ...`, continuing where the previous class stopped, so that fold
    /// sizes differ by at most one and each class is spread evenly.
    static func folds(labels: [Int], classCount: Int, count: Int, seed: UInt64) -> [Int] {
        var generator = SplitMix(seed: seed)
        var fold = [Int](repeating: 0, count: labels.count)
        var next = 0
        for c in 0..<classCount {
            var members = labels.indices.filter { labels[$0] == c }
            generator.shuffle(&members)
            for member in members {
                fold[member] = next
                next = (next + 1) % count
            }
        }
        return fold
    }

    /// The predicted class of each test item. `keys` identify the items for random tie-breaking,
    /// so that an item gets the same draw whichever batch it is classified in.
    public func predict(_ test: [[UInt8]], training: LabelledTexts, keys: [Int]) throws -> [Prediction] {
        precondition(keys.count == test.count, "one key per test item")
        switch method {
        case .knn: return try nearestNeighbors(test, training: training, keys: keys)
        case .classConditional: return try classConditional(test, training: training, keys: keys)
        }
    }

    /// Picks among `tied` (in class order, at least one) by `ties`; `nearest` gives the tie to
    /// `preferred`, a member of `tied`.
    func breakTie(_ tied: [Int], preferred: Int, key: Int) -> Int {
        guard tied.count > 1 else { return tied[0] }
        switch ties {
        case .nearest: return preferred
        case .random:
            var generator = SplitMix(seed: seed ^ (UInt64(truncatingIfNeeded: key) &* 0xD1B5_4A32_D192_ED03))
            return tied[generator.below(tied.count)]
        }
    }
}
