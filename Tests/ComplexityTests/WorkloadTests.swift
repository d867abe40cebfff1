import Complexity
import Compressors
import Synchronization
import TestSupport
import Testing

/// What a run reports to `progress`, summed: the units and the number of calls.
final class ProgressTally: Sendable {
    let tally = Mutex<Workload>(.none)

    func attach(to builder: inout DistanceMatrixBuilder) {
        builder.progress = { units in self.tally.withLock { $0 = $0 + Workload(units: units, steps: 1) } }
    }

    var total: Workload { tally.withLock { $0 } }
}

/// The work a run says it will do is the work it reports doing: a progress bar built on
/// ``Workload`` cannot lie when the library's plan changes.
@Suite struct WorkloadTests {
    static let items: [[UInt8]] = (0..<5).map { Array("item \($0) of a set, with some text to compress \($0 * 7)".utf8) }
    static let columns: [[UInt8]] = (0..<3).map { Array("a column \($0), other words".utf8) }

    @Test(arguments: ConcatenationOrder.allCases, [false, true])
    func matricesDoTheirWorkload(order: ConcatenationOrder, symmetric: Bool) throws {
        var builder = DistanceMatrixBuilder(compressor: try CompressorSpec(parsing: "deflate:6"), order: order, symmetric: symmetric, jobs: 2)
        let tally = ProgressTally()
        tally.attach(to: &builder)
        let summary = try builder.matrix(rows: Self.items).summary
        #expect(tally.total == builder.workload(rows: 5, columns: nil))
        #expect(summary.concatenations == tally.total.units)
        if !symmetric {
            let cross = ProgressTally()
            tally.attach(to: &builder)
            cross.attach(to: &builder)
            _ = try builder.matrix(rows: Self.items, columns: Self.columns)
            #expect(cross.total == builder.workload(rows: 5, columns: 3))
            let nearest = ProgressTally()
            nearest.attach(to: &builder)
            _ = try builder.nearest(rows: Self.items, columns: Self.columns, k: 2) { _, _ in }
            #expect(nearest.total == builder.workload(rows: 5, columns: 3, nearest: true))
        }
    }

    @Test(arguments: [PairwiseQuantities.joint, .reverseJoint, [.joint, .primed], .all])
    func pairwiseSizesDoTheirWorkload(quantities: PairwiseQuantities) throws {
        var builder = DistanceMatrixBuilder(compressor: try CompressorSpec(parsing: "deflate:6"), jobs: 3)
        let tally = ProgressTally()
        tally.attach(to: &builder)
        _ = try builder.pairwiseSizes(rows: Self.items, columns: Self.columns, computing: quantities)
        #expect(tally.total == builder.pairwiseWorkload(rows: 5, columns: 3, computing: quantities))
    }
}
