/// Texts with their classes: item `i` is `items[i]`, named `names[i]`, of class `classes[labels[i]]`.
///
/// Classes are numbered in the order of their names, so that the same texts give the same
/// numbers whatever order they were read in.
public struct LabelledTexts: Sendable {
    /// What each item is reported as (a path, or a line of a labels file).
    public let names: [String]
    public let items: [[UInt8]]
    /// The class of each item, an index into `classes`.
    public let labels: [Int]
    /// The class names, sorted.
    public let classes: [String]

    /// Items labelled with class names.
    /// - Throws: ``ClassificationError/noItems`` for an empty set.
    public init(names: [String], items: [[UInt8]], labels: [String]) throws {
        precondition(names.count == items.count && items.count == labels.count, "one name and one label per item")
        guard !items.isEmpty else { throw ClassificationError.noItems }
        let classes = Array(Set(labels)).sorted()
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        self.init(names: names, items: items, labels: labels.map { index[$0]! }, classes: classes)
    }

    init(names: [String], items: [[UInt8]], labels: [Int], classes: [String]) {
        self.names = names
        self.items = items
        self.labels = labels
        self.classes = classes
    }

    public var count: Int { items.count }

    /// The items at `indices`, keeping every class (also those left with no item).
    func subset(_ indices: [Int]) -> LabelledTexts {
        LabelledTexts(
            names: indices.map { names[$0] }, items: indices.map { items[$0] },
            labels: indices.map { labels[$0] }, classes: classes)
    }

    /// How many items each class has.
    var classSizes: [Int] {
        labels.reduce(into: [Int](repeating: 0, count: classes.count)) { $0[$1] += 1 }
    }

    /// These texts' labels as indices into `classes` of `training`.
    /// - Throws: ``ClassificationError/unknownClass(item:label:)`` for a class the training set lacks.
    func labels(in training: LabelledTexts) throws -> [Int] {
        let index = Dictionary(uniqueKeysWithValues: training.classes.enumerated().map { ($1, $0) })
        return try zip(names, labels).map { name, label in
            guard let mapped = index[classes[label]] else {
                throw ClassificationError.unknownClass(item: name, label: classes[label])
            }
            return mapped
        }
    }

    /// Throws if a test item has exactly the bytes of a training item: it would be classified by
    /// finding itself.
    /// - Throws: ``ClassificationError/leakage(test:training:)`` naming the first such pair.
    static func checkLeakage(test: LabelledTexts, training: LabelledTexts) throws {
        var seen: [[UInt8]: Int] = [:]
        for (index, item) in training.items.enumerated() where seen[item] == nil { seen[item] = index }
        for (index, item) in test.items.enumerated() {
            if let twin = seen[item] { throw ClassificationError.leakage(test: test.names[index], training: training.names[twin]) }
        }
    }

    /// Throws if two items of one set have the same bytes: cross-validation would put them on
    /// both sides of a split.
    static func checkDuplicates(_ set: LabelledTexts) throws {
        var seen: [[UInt8]: Int] = [:]
        for (index, item) in set.items.enumerated() {
            if let twin = seen[item] { throw ClassificationError.leakage(test: set.names[index], training: set.names[twin]) }
            seen[item] = index
        }
    }
}

/// Why a classification cannot be done. Each message is one line that names what is wrong.
public enum ClassificationError: Error, Equatable, CustomStringConvertible {
    case noItems
    case unknownClass(item: String, label: String)
    case leakage(test: String, training: String)
    case invalidK(Int)
    case invalidFolds(Int, items: Int)
    case classTooSmallForFolds(String, items: Int)

    public var description: String {
        switch self {
        case .noItems: "no items"
        case let .unknownClass(item, label): "\(item): class '\(label)' has no training items"
        case let .leakage(test, training):
            "\(test): identical to \(training); a test item must not be in its training set (remove duplicates)"
        case let .invalidK(k): "the number of neighbours that vote (k) must be at least 1, not \(k)"
        case let .invalidFolds(folds, items): "the number of folds must be between 2 and the number of items (\(items)), not \(folds)"
        case let .classTooSmallForFolds(name, items):
            "class '\(name)' has \(items) item; cross-validation needs at least 2 per class, so that every fold trains on it"
        }
    }
}
