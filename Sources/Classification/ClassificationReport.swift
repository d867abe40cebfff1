/// How well predictions match the true classes: accuracy, macro-F1 and the confusion matrix.
public struct ClassificationReport: Sendable {
    /// The class names; indices below refer to them.
    public let classes: [String]
    /// The true class of each test item.
    public let truth: [Int]
    public let predictions: [Prediction]
    /// confusion[true class][predicted class]: how many test items.
    public let confusion: [[Int]]
    /// Precision, recall, F1 and support of each class.
    public let perClass: [ClassScores]

    public init(classes: [String], truth: [Int], predictions: [Prediction]) {
        precondition(truth.count == predictions.count, "one prediction per test item")
        self.classes = classes
        self.truth = truth
        self.predictions = predictions
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes.count), count: classes.count)
        for (actual, prediction) in zip(truth, predictions) { confusion[actual][prediction.predicted] += 1 }
        self.confusion = confusion
        perClass = classes.indices.map { c in
            let truePositives = confusion[c][c]
            let support = confusion[c].reduce(0, +)
            let predicted = confusion.reduce(0) { $0 + $1[c] }
            let precision = predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
            let recall = support == 0 ? 0 : Double(truePositives) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return ClassScores(precision: precision, recall: recall, f1: f1, support: support, predicted: predicted)
        }
    }

    /// How many test items were predicted right.
    public var correct: Int {
        zip(truth, predictions).count { $0 == $1.predicted }
    }

    /// The share of test items predicted right.
    public var accuracy: Double {
        Double(correct) / Double(truth.count)
    }

    /// The mean F1 over the classes that occur among the true or the predicted classes.
    public var macroF1: Double {
        let present = perClass.filter { $0.support > 0 || $0.predicted > 0 }
        return present.reduce(0) { $0 + $1.f1 } / Double(present.count)
    }

    /// How many items had a tie for the best class.
    public var tiedItems: Int {
        predictions.filter { $0.tied.count > 1 }.count
    }

    /// The share of items whose true class is among the tied best classes: the rule of the
    /// gzip-kNN code of Jiang et al. (2023), which with k = 2 counts a tie as right if either
    /// class is. Not an accuracy: it is an upper bound that no tie-breaking reaches.
    public var eitherTiedAccuracy: Double {
        Double(zip(truth, predictions).filter { $1.tied.contains($0) }.count) / Double(truth.count)
    }
}

/// One class's scores among the test items.
public struct ClassScores: Hashable, Sendable {
    /// Of the items predicted in the class, the share that are.
    public let precision: Double
    /// Of the items in the class, the share predicted so.
    public let recall: Double
    /// The harmonic mean of precision and recall (0 when both are).
    public let f1: Double
    /// How many test items are in the class.
    public let support: Int
    /// How many test items were predicted in the class.
    public let predicted: Int
}
