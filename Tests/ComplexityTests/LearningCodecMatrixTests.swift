import Complexity
import Compressors
import TestSupport
import Testing

/// Matrices and pairwise sizes with a learning codec: the kept-state rows give the numbers of
/// coding each concatenation from a fresh model, whatever the number of threads.
@Suite(.needsCorpora) struct LearningCodecMatrixTests {
    static let items: [[UInt8]] = ["eng", "fra", "deu_1996", "nld", "fin"].map { try! Corpus.bytes("udhr/\($0).txt") }

    @Test(arguments: ["ppm:4", "cm:2"], [ConcatenationOrder.xy, .mean])
    func matrixEqualsPairwiseDistancesForEveryJobCount(text: String, order: ConcatenationOrder) throws {
        let spec = try CompressorSpec(parsing: text)
        let estimator = try ComplexityEstimator(spec)
        let one = try DistanceMatrixBuilder(compressor: spec, order: order, jobs: 1).matrix(rows: Self.items).matrix
        let three = try DistanceMatrixBuilder(compressor: spec, order: order, jobs: 3).matrix(rows: Self.items).matrix
        #expect(one == three)
        for (r, x) in Self.items.enumerated() {
            for (c, y) in Self.items.enumerated() {
                #expect(one[r, c] == (try estimator.distance(between: x, and: y, order: order).ncd))
            }
        }
    }

    /// For a sequential model C(xy) = C(x) + C(y|x) exactly, so every chain-rule gap is zero; the
    /// symmetry gap is what is left: C(x) + C(y|x) against C(y) + C(x|y).
    @Test(arguments: ["ppm", "cm"])
    func pairwiseSizesObeyTheChainRule(text: String) throws {
        let builder = DistanceMatrixBuilder(compressor: try CompressorSpec(parsing: text), jobs: 2)
        let sizes = try builder.pairwiseSizes(rows: Self.items, columns: Self.items, computing: .all)
        let n = Self.items.count
        for r in 0..<n {
            for c in 0..<n {
                let index = r * n + c
                #expect(sizes.joint![index] == sizes.rowComplexities[r] + sizes.primed![index])
                #expect(sizes.reverseJoint![index] == sizes.columnComplexities[c] + sizes.reversePrimed![index])
            }
        }
    }
}
