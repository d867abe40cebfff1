import Complexity

extension Classifier {
    /// kNN on NCD: each test item's `k` nearest training items (by
    /// ``DistanceMatrixBuilder/nearest(rows:columns:k:emit:)``, test item as x) vote for their
    /// classes, one vote each; the most votes win, ties broken by `ties`.
    ///
    /// - Complexity: |test| |training| compressions, in parallel; O(|test| k) memory beyond the texts.
    public func nearestNeighbors(_ test: [[UInt8]], training: LabelledTexts, keys: [Int]) throws -> [Prediction] {
        guard k >= 1 else { throw ClassificationError.invalidK(k) }
        let builder = DistanceMatrixBuilder(compressor: compressor, order: order, jobs: jobs, verify: verify)
        var predictions: [Prediction] = []
        predictions.reserveCapacity(test.count)
        _ = try builder.nearest(rows: test, columns: training.items, k: k) { row, neighbors in
            predictions.append(vote(neighbors, labels: training.labels, key: keys[row]))
        }
        return predictions
    }

    /// The class the `neighbors` (nearest first) elect.
    func vote(_ neighbors: [Neighbor], labels: [Int], key: Int) -> Prediction {
        var votes: [Int: Int] = [:]
        for neighbor in neighbors { votes[labels[neighbor.column], default: 0] += 1 }
        let most = votes.values.max()!
        let tied = votes.filter { $0.value == most }.map(\.key).sorted()
        // Neighbours come nearest first, so the first with a tied class has the closest member.
        let closest = neighbors.first { tied.contains(labels[$0.column]) }!
        let predicted = breakTie(tied, preferred: labels[closest.column], key: key)
        let distance = neighbors.first { labels[$0.column] == predicted }!.distance
        return Prediction(predicted: predicted, tied: tied, score: distance)
    }
}
