import KolmoSupport
import Testing

@Suite struct SplitMixTests {
    @Test func permutationsAreDeterministicAndUniform() {
        var a = SplitMix(seed: 42), b = SplitMix(seed: 42)
        #expect(a.permutation(50) == b.permutation(50))
        // Each of the 6 orders of 3 items appears about 1/6 of the time.
        var counts: [[Int]: Int] = [:]
        var generator = SplitMix(seed: 1)
        for _ in 0..<60_000 { counts[generator.permutation(3), default: 0] += 1 }
        #expect(counts.count == 6)
        #expect(counts.values.allSatisfy { abs($0 - 10_000) < 400 })
    }

    @Test func drawsStayBelowTheBound() {
        var generator = SplitMix(seed: 3)
        var seen = Set<Int>()
        for _ in 0..<10_000 {
            let value = generator.below(7)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
    }
}

@Suite struct SplitMixDrawTests {
    /// The reference sequence of SplitMix64 from state 0 (Vigna's splitmix64.c): a seed gives these
    /// numbers on every machine and Swift version.
    @Test func theSequenceIsTheReferenceOne() {
        var generator = SplitMix(seed: 0)
        #expect([generator.next(), generator.next(), generator.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func boundedDrawsCoverTheirRangesAndNothingElse() {
        var generator = SplitMix(seed: 9)
        var closed = Set<Int>(), open = Set<Int>()
        for _ in 0..<5_000 {
            closed.insert(generator.int(in: -3...3))
            open.insert(generator.int(in: 10..<14))
            let u = generator.unitInterval()
            #expect(u >= 0 && u < 1)
            let d = generator.double(in: 0.8..<1.0)
            #expect(d >= 0.8 && d < 1.0)
        }
        #expect(closed == Set(-3...3) && open == Set(10..<14))
        #expect(generator.element(of: [Int]()) == nil)
        #expect(generator.element(of: ["only"]) == "only")
    }

    @Test func bytesComeEightToADrawLowByteFirst() {
        var a = SplitMix(seed: 5), b = SplitMix(seed: 5)
        let bytes = a.bytes(11)
        let first = b.next(), second = b.next()
        #expect(bytes.count == 11)
        #expect(Array(bytes.prefix(8)) == (0..<8).map { UInt8(truncatingIfNeeded: first >> (8 * $0)) })
        #expect(Array(bytes.suffix(3)) == (0..<3).map { UInt8(truncatingIfNeeded: second >> (8 * $0)) })
    }
}
