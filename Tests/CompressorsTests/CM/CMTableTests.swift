@testable import Compressors
import KolmoSupport
import TestSupport
import Testing

@Suite(.needsCorpora) struct CMTableTests {
    let logistic = CMLogistic.shared

    @Test func costIsMinusLog2() {
        // Exact powers of two cost whole bits.
        #expect(logistic.cost[2048] == 1 << 24)
        #expect(logistic.cost[1024] == 2 << 24)
        #expect(logistic.cost[1] == 12 << 24)
        // -log2(3/4) = 0.41503749927884..., in units of 2^-24: 6,963,174.25... -> 6,963,174.
        #expect(logistic.cost[3072] == 6_963_174)
        for p in 2..<4096 { #expect(logistic.cost[p] < logistic.cost[p - 1]) }
    }

    @Test func squashAndStretch() {
        #expect(logistic.squash[2047] == 32768)
        for x in 1..<logistic.squash.count { #expect(logistic.squash[x] >= logistic.squash[x - 1]) }
        for i in 0...2047 { #expect(Int(logistic.squash[2047 + i]) + Int(logistic.squash[2047 - i]) == 65536) }
        // stretch inverts squash to within a step of the 12-bit grid (about 7 logit units at
        // |x| = 1200, where p(1 - p) = 0.009).
        for x in stride(from: -1200, through: 1200, by: 7) {
            let p = Int(logistic.squash[x + 2047]) >> 4
            #expect(abs(Int(logistic.stretch[p]) - x) <= 8)
        }
        for p in 1..<4096 { #expect(logistic.stretch[p] >= logistic.stretch[p - 1]) }
    }

    @Test func bitHistoryStates() {
        let states = CMBitHistory.shared
        #expect(states.stateCount <= 256)
        #expect(states.zeros[0] == 0 && states.ones[0] == 0)
        for s in 0..<states.stateCount {
            let after0 = Int(states.next[2 * s]), after1 = Int(states.next[2 * s + 1])
            #expect(after0 < states.stateCount && after1 < states.stateCount)
            // A zero never lowers the count of zeros (it may be capped), nor raises the ones.
            #expect(states.zeros[after0] >= min(states.zeros[s], 20) || states.zeros[after0] > 0)
            #expect(states.ones[after0] <= states.ones[s])
            #expect(states.zeros[after1] <= states.zeros[s])
        }
        // Runs of one bit climb through states with growing counts.
        var s = 0
        for n in 1...10 {
            s = Int(states.next[2 * s + 1])
            #expect(states.ones[s] == n && states.zeros[s] == 0)
        }
    }
}
