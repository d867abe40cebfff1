import Foundation

/// Summary of a sample of numbers.
public struct Distribution: Hashable, Sendable {
    public let count: Int
    public let mean: Double
    /// Sample standard deviation (n - 1 in the denominator).
    public let standardDeviation: Double
    public let minimum: Double
    /// The 5%, 25%, 50%, 75% and 95% quantiles (linear interpolation between order statistics).
    public let quantiles: [Double]
    public let maximum: Double

    public var median: Double { quantiles[2] }

    public static let quantileLevels = [0.05, 0.25, 0.5, 0.75, 0.95]

    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a distribution needs at least one value")
        let sorted = values.sorted()
        count = values.count
        let mean = values.reduce(0, +) / Double(count)
        self.mean = mean
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        standardDeviation = count > 1 ? (squares / Double(count - 1)).squareRoot() : 0
        minimum = sorted[0]
        maximum = sorted[count - 1]
        quantiles = Self.quantileLevels.map { Self.quantile($0, ofSorted: sorted) }
    }

    static func quantile(_ level: Double, ofSorted sorted: [Double]) -> Double {
        let position = level * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = Swift.min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}

/// How well a score separates positives (translations) from negatives (other pairs).
public struct Separation: Hashable, Sendable {
    /// Cohen's d: difference of the means over the pooled standard deviation.
    public let effectSize: Double
    /// The area under the ROC curve: the chance that a random positive scores higher than a
    /// random negative, ties counting one half (the Mann-Whitney U statistic over n+ n-).
    public let areaUnderCurve: Double
    /// The ROC curve as (false positive rate, true positive rate) points, from (0, 0) to (1, 1),
    /// one point per distinct score, thinned to at most about 400 points for drawing.
    public let curve: [(Double, Double)]

    public static func == (a: Separation, b: Separation) -> Bool {
        a.effectSize == b.effectSize && a.areaUnderCurve == b.areaUnderCurve
            && a.curve.count == b.curve.count && zip(a.curve, b.curve).allSatisfy { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(effectSize)
        hasher.combine(areaUnderCurve)
    }

    /// - Parameters: scores where higher means "positive".
    public init(positives: [Double], negatives: [Double]) {
        precondition(!positives.isEmpty && !negatives.isEmpty, "separation needs positives and negatives")
        let p = Distribution(positives), q = Distribution(negatives)
        let pooledVariance = (Double(p.count - 1) * p.standardDeviation * p.standardDeviation
            + Double(q.count - 1) * q.standardDeviation * q.standardDeviation) / Double(max(1, p.count + q.count - 2))
        effectSize = pooledVariance > 0 ? (p.mean - q.mean) / pooledVariance.squareRoot() : 0

        // Sweep thresholds from the highest score down; tied scores move together.
        let all = positives.map { ($0, true) } + negatives.map { ($0, false) }
        let sorted = all.sorted { $0.0 > $1.0 }
        let (np, nn) = (Double(positives.count), Double(negatives.count))
        var points: [(Double, Double)] = [(0, 0)]
        var truePositives = 0.0, falsePositives = 0.0, area = 0.0
        var index = 0
        while index < sorted.count {
            let value = sorted[index].0
            var (tp, fp) = (0.0, 0.0)
            while index < sorted.count && sorted[index].0 == value {
                if sorted[index].1 { tp += 1 } else { fp += 1 }
                index += 1
            }
            // A block of ties adds a trapezoid: positives in it beat earlier negatives and tie the block's.
            area += fp * (truePositives + tp / 2)
            truePositives += tp
            falsePositives += fp
            points.append((falsePositives / nn, truePositives / np))
        }
        areaUnderCurve = area / (np * nn)
        curve = Self.thinned(points, to: 400)
    }

    static func thinned(_ points: [(Double, Double)], to target: Int) -> [(Double, Double)] {
        guard points.count > target else { return points }
        let step = 1.0 / Double(target)
        var kept = [points[0]]
        for point in points.dropFirst().dropLast() {
            let last = kept[kept.count - 1]
            if point.0 - last.0 >= step || point.1 - last.1 >= step { kept.append(point) }
        }
        kept.append(points[points.count - 1])
        return kept
    }
}
