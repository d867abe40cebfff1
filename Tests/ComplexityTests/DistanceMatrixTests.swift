import Complexity
import Compressors
import TestSupport
import Testing

@Suite(.needsCorpora) struct DistanceMatrixTests {
    static let items: [[UInt8]] = ["eng", "fra", "deu_1996", "nld", "fin", "cmn_hans"].map { try! Corpus.bytes("udhr/\($0).txt") }
    static let others: [[UInt8]] = ["spa", "ita", "dan"].map { try! Corpus.bytes("udhr/\($0).txt") }

    @Test(arguments: ["deflate:9", "lzma:6"], ConcatenationOrder.allCases)
    func squareMatrixEqualsPairwiseDistances(text: String, order: ConcatenationOrder) throws {
        let spec = try CompressorSpec(parsing: text)
        let estimator = try ComplexityEstimator(spec)
        let (matrix, summary) = try DistanceMatrixBuilder(compressor: spec, order: order, jobs: 2).matrix(rows: Self.items)
        for (r, x) in Self.items.enumerated() {
            for (c, y) in Self.items.enumerated() {
                #expect(matrix[r, c] == (try estimator.distance(between: x, and: y, order: order).ncd))
            }
        }
        #expect(summary.rowComplexities == (try Self.items.map { try estimator.complexity(of: $0) }))
        #expect(summary.concatenations == 36)
    }

    @Test(arguments: ConcatenationOrder.allCases)
    func symmetricMatrixComputesEachPairOnce(order: ConcatenationOrder) throws {
        let spec = try CompressorSpec(parsing: "deflate:9")
        let estimator = try ComplexityEstimator(spec)
        let builder = DistanceMatrixBuilder(compressor: spec, order: order, symmetric: true, jobs: 3)
        let (matrix, summary) = try builder.matrix(rows: Self.items)
        #expect(summary.concatenations == (order == .xy || order == .yx ? 21 : 36))
        #expect(summary.concatenations == builder.workload(rows: 6, columns: nil).units)
        for r in 0..<6 {
            for c in r..<6 {
                #expect(matrix[r, c] == matrix[c, r])
                #expect(matrix[r, c] == (try estimator.distance(between: Self.items[r], and: Self.items[c], order: order).ncd))
            }
        }
    }

    @Test(arguments: ConcatenationOrder.allCases)
    func crossMatrixIsRowsAgainstColumns(order: ConcatenationOrder) throws {
        let spec = try CompressorSpec(parsing: "deflate:9")
        let estimator = try ComplexityEstimator(spec)
        let (matrix, _) = try DistanceMatrixBuilder(compressor: spec, order: order, jobs: 2).matrix(rows: Self.items, columns: Self.others)
        #expect(matrix.rows == 6 && matrix.columns == 3)
        for (r, x) in Self.items.enumerated() {
            for (c, y) in Self.others.enumerated() {
                #expect(matrix[r, c] == (try estimator.distance(between: x, and: y, order: order).ncd))
            }
        }
    }

    @Test func jobsChangeNothing() throws {
        let spec = try CompressorSpec(parsing: "deflate:9")
        let one = try DistanceMatrixBuilder(compressor: spec, order: .min, jobs: 1).matrix(rows: Self.items)
        let many = try DistanceMatrixBuilder(compressor: spec, order: .min, jobs: 5).matrix(rows: Self.items)
        #expect(one.matrix == many.matrix && one.summary == many.summary)
    }

    /// Top-k gives, for every row, the k smallest off-diagonal entries of the full matrix.
    @Test(arguments: [ConcatenationOrder.xy, .min], [1, 3, 10])
    func nearestAreTheSmallestOfTheFullMatrix(order: ConcatenationOrder, k: Int) throws {
        let spec = try CompressorSpec(parsing: "deflate:9")
        let builder = DistanceMatrixBuilder(compressor: spec, order: order, jobs: 2)
        let (matrix, _) = try builder.matrix(rows: Self.items)
        var collected: [(Int, [Neighbor])] = []
        let summary = try builder.nearest(rows: Self.items, k: k) { row, neighbors in collected.append((row, neighbors)) }
        #expect(collected.map(\.0) == Array(0..<6), "rows arrive in order")
        for (r, neighbors) in collected {
            let expected = (0..<6).filter { $0 != r }.map { Neighbor(column: $0, distance: matrix[r, $0]) }
                .sorted { ($0.distance, $0.column) < ($1.distance, $1.column) }.prefix(k)
            #expect(neighbors == Array(expected))
        }
        #expect(summary.concatenations == 36 * (order == .min ? 2 : 1))
        var cross: [(Int, [Neighbor])] = []
        _ = try builder.nearest(rows: Self.items, columns: Self.others, k: 2) { row, neighbors in cross.append((row, neighbors)) }
        let (crossMatrix, _) = try builder.matrix(rows: Self.items, columns: Self.others)
        for (r, neighbors) in cross {
            #expect(neighbors.map(\.distance) == Array(crossMatrix.row(r).sorted().prefix(2)))
        }
    }

    @Test func windowCountsThePairsBeyondIt() throws {
        let long = Array(try Corpus.bytes("genesis/german.txt").prefix(30_000))
        let items = [long, Self.items[0], Self.items[1]]
        let (_, deflate) = try DistanceMatrixBuilder(compressor: CompressorSpec(parsing: "deflate:9")).matrix(rows: items)
        // long + anything (row or column, and with itself) is past 32,506 bytes; eng + fra is not.
        #expect(deflate.pairsBeyondWindow == 5)
        let (_, lzma) = try DistanceMatrixBuilder(compressor: CompressorSpec(parsing: "lzma:9")).matrix(rows: items)
        #expect(lzma.pairsBeyondWindow == 0)
    }

    @Test func badSettingsAreRefused() throws {
        #expect(throws: MatrixError.invalidJobs(0)) { try DistanceMatrixBuilder(jobs: 0).matrix(rows: Self.others) }
        #expect(throws: MatrixError.symmetricCross) { try DistanceMatrixBuilder(symmetric: true).matrix(rows: Self.others, columns: Self.others) }
        #expect(throws: MatrixError.invalidK(0)) { try DistanceMatrixBuilder().nearest(rows: Self.others, k: 0) { _, _ in } }
    }

    @Test func emptyAndTinySetsWork() throws {
        let (empty, _) = try DistanceMatrixBuilder().matrix(rows: [])
        #expect(empty.rows == 0 && empty.values.isEmpty)
        let (one, _) = try DistanceMatrixBuilder().matrix(rows: [[]])
        #expect(one.values == [0])
    }
}
