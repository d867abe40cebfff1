import Testing
@testable import Compressors
import KolmoSupport
import TestSupport

@Suite("PPM: Code lengths")
struct PPMCodeLengthTests {
    /// The range coder's stream is within a few bytes of the ideal code length.
    @Test(.needsCorpora, arguments: ["genesis/english-kjv.txt", "udhr/cmn_hans.txt", "udhr/arb.txt"])
    func streamMatchesIdealLength(_ file: String) throws {
        let text = try Corpus.bytes(file)
        var ppm = PPMCodec()
        let ideal = wholeBytes(ppm.learn(text))
        ppm.reset()
        let coded = ppm.encode(text).count
        #expect(coded >= ideal - 1 && coded <= ideal + 4, "coded \(coded) bytes, ideal \(ideal)")
    }

    @Test func randomBytesCostAboutEightBitsEach() {
        var generator = SplitMix(seed: 99)
        let bytes = generator.bytes(100_000)
        var ppm = PPMCodec()
        let bits = ppm.learn(bytes) >> 24
        #expect(bits > 800_000 && bits < 830_000)
        ppm.reset()
        #expect(abs(ppm.encode(bytes).count - Int(bits / 8)) <= 4)
    }

    /// Any change to the model that moves this figure must be deliberate.
    @Test(.needsCorpora) func pinnedGenesisLength() throws {
        var ppm = PPMCodec()
        let length = ppm.learn(try Corpus.bytes("genesis/english-kjv.txt"))
        #expect(length == 5_905_747_104_349)  // 352009.96 bits, 1.8004 bits per byte
    }

    /// C(xy) = C(x) + C(y|x) to the bit, for several splits.
    @Test(.needsCorpora) func chainRule() throws {
        let text = try Corpus.bytes("genesis/english-kjv.txt")
        var whole = PPMCodec()
        let total = whole.learn(text)
        for split in [0, 1, 1000, 77_777, text.count - 1, text.count] {
            var ppm = PPMCodec()
            let x = ppm.learn(Array(text[..<split]))
            let y = ppm.learn(Array(text[split...]))
            #expect(x + y == total, "split at \(split)")
        }
    }

    @Test(.needsCorpora) func deterministicAndResettable() throws {
        let text = try Corpus.bytes("udhr/hin.txt")
        var a = PPMCodec(), b = PPMCodec()
        let first = a.learn(text)
        #expect(b.learn(text) == first)
        a.reset()
        #expect(a.learn(text) == first)
        a.reset()
        b.reset()
        #expect(a.encode(text) == b.encode(text))
    }

    /// The fixed-point log2 against its documented bound, on exact powers and between them.
    @Test func fixedPointLog2() {
        FixedPointLog2.table.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            for k in 0..<32 { #expect(FixedPointLog2.log2(1 << k, t) == UInt32(k) << 24) }
            // round(2^24 log2 n), computed elsewhere in floating point; the bound is 1.7 units.
            let exact: [(UInt32, Int)] = [
                (3, 26_591_258), (10, 55_732_705), (1000, 167_198_116), (5000, 206_153_605),
                (12_345, 228_029_867), (16_383, 234_879_547), (16_385, 234_882_501),
                (65_535, 268_435_087), (99_991, 278_661_347), (131_071, 285_212_487),
            ]
            for (n, value) in exact {
                #expect(abs(Int(FixedPointLog2.log2(n, t)) - value) <= 2, "log2(\(n))")
            }
            // Strictly increasing over every total the coder can see.
            var previous: UInt32 = 0
            var increasing = true
            for n in 2...UInt32(1 << 17) {
                let value = FixedPointLog2.log2(n, t)
                increasing = increasing && value > previous
                previous = value
            }
            #expect(increasing)
        }
    }
}
