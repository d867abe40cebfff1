import Foundation
import Pairing
import Testing

struct EvaluationTests {
    /// Rows 0-3; truth is the diagonal. Ranks of the true column, by hand:
    /// row 0: 0.1 is the smallest -> 1; row 1: 0.5 beaten by 0.2 and 0.3 -> 3;
    /// row 2: 0.4 ties 0.4 at column 0, which is lower -> 2; row 3: 0.9 is the largest -> 4.
    static let cost: [Double] = [
        0.1, 0.6, 0.7, 0.8,
        0.2, 0.5, 0.3, 0.9,
        0.4, 0.8, 0.4, 0.6,
        0.3, 0.2, 0.1, 0.9,
    ]

    @Test func metricsEqualHandComputedValues() {
        let evaluation = PairingEvaluation(cost: Self.cost, size: 4, truth: [0, 1, 2, 3])
        #expect(evaluation.ranks == [1, 3, 2, 4])
        let m = evaluation.metrics
        #expect(m.top1 == 0.25)
        #expect(m.top5 == 1)
        #expect(m.meanReciprocalRank == (1 + 1.0 / 3 + 1.0 / 2 + 1.0 / 4) / 4)
        // Optimal assignment by hand: 0->0 (0.1), 1->2 (0.3), 2->3 (0.6), 3->1 (0.2) = 1.2.
        #expect(evaluation.assignment == [0, 2, 3, 1])
        #expect(m.assignmentAccuracy == 0.25)
        // Greedy: 0.1 (0,0), then 0.1 at (3,2), then 0.5 (1,1), then 0.6 (2,3).
        #expect(evaluation.greedy == [0, 1, 3, 2])
        #expect(m.greedyAccuracy == 0.5)
    }

    @Test func chanceLevels() {
        let chance = PairingMetrics.chance(size: 4)
        #expect(chance.assignment == 0.25)
        #expect(chance.top5 == 1)
        #expect(chance.meanReciprocalRank == (1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4) / 4)
        #expect(PairingMetrics.chance(size: 100).top5 == 0.05)
    }

    /// With 3 of 10 pairs right, the p-value is the chance that a random permutation of 10 has
    /// at least 3 fixed points: 1 - (D10 + 10 D9 + 45 D8) / 10!, D the derangement numbers.
    @Test func permutationPValueMatchesTheFixedPointDistribution() {
        let n = 10
        // A cost matrix whose optimal assignment is the identity; truth agrees on rows 0-2 only.
        let cost = (0..<(n * n)).map { $0 / n == $0 % n ? 0.0 : 1.0 }
        let truth = [0, 1, 2, 4, 5, 6, 7, 8, 9, 3]
        let evaluation = PairingEvaluation(cost: cost, size: n, truth: truth)
        #expect(evaluation.metrics.assignmentAccuracy == 0.3)
        let derangements: [Double] = [1, 0, 1, 2, 9, 44, 265, 1854, 14833, 133496, 1334961]
        let factorial = 3_628_800.0
        let exact = 1 - (derangements[10] + 10 * derangements[9] + 45 * derangements[8]) / factorial
        let p = evaluation.pValues(cost: cost, permutations: 40_000, seed: 5).assignment
        #expect(abs(p - exact) < 0.006, "p = \(p), exact = \(exact)")
        // And a perfect pairing of 10 is beaten by no random one in 2,000 draws.
        let perfect = PairingEvaluation(cost: cost, size: n, truth: Array(0..<n))
        #expect(perfect.pValues(cost: cost, permutations: 2_000, seed: 5).assignment == 1.0 / 2_001)
    }
}

struct StatisticsTests {
    @Test func distributionByHand() {
        let d = Distribution([5, 1, 4, 2, 3])
        #expect(d.mean == 3)
        #expect(d.median == 3)
        #expect(d.quantiles[1] == 2)
        #expect(d.quantiles[0] == 1.2)
        #expect(abs(d.standardDeviation - 2.5.squareRoot()) < 1e-15)
    }

    @Test func separationByHand() {
        // Pairs (positive, negative): 3>1, 3>2, 2>1, 2=2 (one half): AUC 3.5 / 4.
        let s = Separation(positives: [3, 2], negatives: [1, 2])
        #expect(s.areaUnderCurve == 0.875)
        // Means 2.5 and 1.5, both variances 0.5: d = 1 / sqrt(0.5).
        #expect(abs(s.effectSize - 2.0.squareRoot()) < 1e-12)
        #expect(s.curve.first! == (0, 0) && s.curve.last! == (1, 1))
        #expect(Separation(positives: [5, 6], negatives: [1, 2]).areaUnderCurve == 1)
        #expect(Separation(positives: [1, 2], negatives: [5, 6]).areaUnderCurve == 0)
    }
}
