import Complexity
import Compressors
import Pairing
import Synchronization
import Testing

/// A pairing or a study reports to `progress` exactly the work it said it would do, so the CLI's
/// progress line, which reads ``TranslationPairing/workload(size:)``, cannot drift from the plan.
@Suite struct PairingWorkloadTests {
    final class Tally: Sendable {
        let total = Mutex<Workload>(.none)
        func attach(to builder: inout DistanceMatrixBuilder) {
            builder.progress = { units in self.total.withLock { $0 = $0 + Workload(units: units, steps: 1) } }
        }
        var value: Workload { total.withLock { $0 } }
    }

    static let x: [[UInt8]] = (0..<4).map { Array("the \($0)th text, a line of words number \($0 * 3)".utf8) }
    static let y: [[UInt8]] = (0..<4).map { Array("le \($0)e texte, une ligne de mots numéro \($0 * 3)".utf8) }

    @Test(arguments: [PairingScore.ncd, .mutual, .conditional, .length], [ConcatenationOrder.xy, .mean])
    func pairingDoesItsWorkload(score: PairingScore, order: ConcatenationOrder) throws {
        let builder = DistanceMatrixBuilder(compressor: try CompressorSpec(parsing: "deflate:6"), order: order, jobs: 2)
        var pairing = TranslationPairing(builder: builder, score: score, permutations: 0, ensemble: [try CompressorSpec(parsing: "zstd:3")])
        if score == .length { pairing.ensemble = [] }
        let tally = Tally()
        tally.attach(to: &pairing.builder)
        _ = try pairing.run(x: Self.x, y: Self.y, truth: [0, 1, 2, 3])
        #expect(tally.value == pairing.workload(size: 4))
    }

    @Test(arguments: [nil, Array("unrelated text of some length".utf8)])
    func studyDoesItsWorkload(unrelated: [UInt8]?) throws {
        var study = JointCompressionStudy(
            builder: DistanceMatrixBuilder(compressor: try CompressorSpec(parsing: "deflate:6"), jobs: 2), unrelated: unrelated)
        let tally = Tally()
        tally.attach(to: &study.builder)
        _ = try study.run(x: Self.x, y: Self.y, truth: [0, 1, 2, 3])
        #expect(tally.value == study.workload(size: 4))
    }
}
