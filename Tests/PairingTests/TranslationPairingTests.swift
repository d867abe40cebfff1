import Complexity
import Compressors
import Foundation
@testable import Pairing
import TestSupport
import Testing

@Suite(.needsCorpora) struct TranslationPairingTests {
    /// 24 pairs of 2 verses, French and German, from the story of Joseph.
    static let documents: (x: [[UInt8]], y: [[UInt8]]) = {
        func documents(_ language: String) -> [[UInt8]] {
            let lines = String(decoding: try! Corpus.bytes("genesis/\(language).txt"), as: UTF8.self).split(separator: "\n")
            return (0..<24).map { Array((lines[1000 + 2 * $0] + "\n" + lines[1001 + 2 * $0] + "\n").utf8) }
        }
        return (documents("french"), documents("german"))
    }()

    /// The report's metrics are those of ``PairingEvaluation`` on the costs computed pair by pair
    /// with the estimator, whatever order the documents come in.
    @Test(arguments: [PairingScore.ncd, .mutual, .conditional])
    func metricsEqualTheEvaluationOfPairByPairCosts(score: PairingScore) throws {
        let (x, y) = Self.documents
        let spec = try CompressorSpec(parsing: "deflate:9")
        let report = try TranslationPairing(builder: DistanceMatrixBuilder(compressor: spec, jobs: 2), score: score, permutations: 0)
            .run(x: x, y: y, truth: Array(0..<24))
        let estimator = try ComplexityEstimator(spec)
        // The same shuffle as the pairing's, so that ties fall the same way.
        let shuffled = try ShuffledPairs(x: x, y: y, truth: Array(0..<24), seed: 1)
        var cost: [Double] = []
        for a in shuffled.x {
            for b in shuffled.y {
                let (cx, cy) = (try estimator.complexity(of: a).bytes, try estimator.complexity(of: b).bytes)
                switch score {
                case .ncd: cost.append(try estimator.distance(between: a, and: b).ncd)
                case .mutual: cost.append(-(cx + cy - (try estimator.jointComplexity(of: a, and: b).xy!).bytes))
                default: cost.append(-(cy - (try estimator.conditionalComplexity(of: b, given: a, method: .primed).length.bytes)))
                }
            }
        }
        #expect(report.metrics == PairingEvaluation(cost: cost, size: 24, truth: shuffled.truth).metrics.values)
        // Reversing the input order changes nothing: the order is fixed by the contents.
        let reversed = try TranslationPairing(builder: DistanceMatrixBuilder(compressor: spec), score: score, permutations: 0)
            .run(x: x.reversed(), y: y, truth: Array((0..<24).reversed()))
        #expect(reversed.metrics == report.metrics)
        // Far above chance (1 in 24): 50% to 75% were measured.
        #expect(report.metrics.assignment >= 0.4)
    }

    @Test func anEnsembleOfOneCompressorWithItselfChangesNothing() throws {
        let (x, y) = Self.documents
        let builder = DistanceMatrixBuilder(compressor: try CompressorSpec(parsing: "lzma:9"), order: .mean)
        let alone = try TranslationPairing(builder: builder, permutations: 0).run(x: x, y: y, truth: Array(0..<24))
        let twice = try TranslationPairing(builder: builder, permutations: 0, ensemble: [builder.compressor]).run(x: x, y: y, truth: Array(0..<24))
        #expect(alone.matches == twice.matches)
        #expect(alone.metrics == twice.metrics)
        let standardized = TranslationPairing.standardized([1, 2, 3, 4])
        #expect(abs(standardized.reduce(0, +)) < 1e-12)
        #expect(abs(standardized.reduce(0) { $0 + $1 * $1 } / 4 - 1) < 1e-12)
        #expect(TranslationPairing.standardized([5, 5]) == [0, 0])
    }

    @Test func unequalSetsAreRefused() throws {
        #expect(throws: PairingError.unequalSizes(x: 2, y: 1)) {
            try TranslationPairing(builder: DistanceMatrixBuilder()).run(x: [[65], [66]], y: [[67]], truth: [0, 0])
        }
    }
}
