import Complexity
import Compressors
import TestSupport
import Testing

@Suite(.needsCorpora) struct PairwiseSizesTests {
    /// Paragraph-sized slices, so that deflate's row reuse (x of 1 KiB or more) and plain
    /// recompression (below) are both exercised.
    static let rows: [[UInt8]] = ["eng", "fra", "deu_1996"].enumerated().map { i, name in
        Array(try! Corpus.bytes("udhr/\(name).txt").prefix(600 + 700 * i))
    }
    static let columns: [[UInt8]] = ["spa", "ita"].map { Array(try! Corpus.bytes("udhr/\($0).txt").prefix(900)) }

    @Test(arguments: ["deflate:9", "lzma:9"], [1, 3])
    func everySizeEqualsTheEstimatorsForThatPairAlone(text: String, jobs: Int) throws {
        let spec = try CompressorSpec(parsing: text)
        let estimator = try ComplexityEstimator(spec)
        let sizes = try DistanceMatrixBuilder(compressor: spec, jobs: jobs)
            .pairwiseSizes(rows: Self.rows, columns: Self.columns, computing: .all)
        #expect(sizes.rowComplexities == (try Self.rows.map { try estimator.complexity(of: $0) }))
        #expect(sizes.columnComplexities == (try Self.columns.map { try estimator.complexity(of: $0) }))
        for (r, x) in Self.rows.enumerated() {
            for (c, y) in Self.columns.enumerated() {
                let index = r * Self.columns.count + c
                #expect(sizes.joint![index] == (try estimator.jointComplexity(of: x, and: y, order: .xy).xy))
                #expect(sizes.reverseJoint![index] == (try estimator.jointComplexity(of: x, and: y, order: .yx).yx))
                #expect(sizes.primed![index] == (try estimator.conditionalComplexity(of: y, given: x, method: .primed).length))
                #expect(sizes.reversePrimed![index] == (try estimator.conditionalComplexity(of: x, given: y, method: .primed).length))
            }
        }
    }

    @Test func onlyWhatWasAskedForIsComputed() throws {
        let sizes = try DistanceMatrixBuilder(compressor: .default).pairwiseSizes(rows: Self.rows, columns: Self.columns, computing: .primed)
        #expect(sizes.joint == nil && sizes.reverseJoint == nil && sizes.reversePrimed == nil)
        #expect(sizes.primed?.count == 6)
        #expect(PairwiseQuantities.all.count == 4)
    }
}
