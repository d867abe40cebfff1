@testable import Compressors
import TestSupport
import Testing

/// Kolmo's learning codecs through the ``Compressor`` API: exact code lengths, the chain rule to
/// the bit, and the kept-state fast paths equal to coding from a fresh model.
@Suite(.needsCorpora) struct LearningCodecTests {
    static let specs = ["ppm", "ppm:3", "ppm:12:16m", "cm", "cm:1", "cm:7"]
    static let x = try! Corpus.bytes("udhr/spa.txt")
    static let ys: [[UInt8]] = try! ["udhr/por_PT.txt", "udhr/ita.txt", "udhr/spa.txt", "udhr/rus.txt"].map { try Corpus.bytes($0) } + [[]]

    /// C(xy) = C(x) + C(y|x) exactly: the model's code length of y after x is the difference.
    @Test(arguments: specs)
    func chainRuleHoldsToTheBit(text: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: text))
        let cx = try compressor.codeLength(of: Self.x)
        for y in Self.ys {
            let cxy = try compressor.codeLength(of: Self.x, followedBy: y)
            let primed = try compressor.conditionalCodeLength(of: y, given: Self.x)
            #expect(cxy == cx + primed.length)
            #expect(cxy == (try compressor.codeLength(of: Self.x + y)), "feeding parts is feeding the concatenation")
            #expect(primed.usableDictionaryBytes == Self.x.count)
        }
        #expect(!cx.isWholeBytes, "a learning codec's length is exact, not whole bytes")
    }

    /// Rows and primed rows learn x once and undo each y: exactly the plain path's numbers.
    @Test(arguments: specs)
    func keptStateEqualsFreshModels(text: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: text))
        let row = try compressor.codeLengths(of: Self.x, followedByEach: Self.ys)
        #expect(row == (try Self.ys.map { try compressor.codeLength(of: Self.x, followedBy: $0) }))
        let primed = try compressor.conditionalCodeLengths(ofEach: Self.ys, given: Self.x)
        #expect(primed == (try Self.ys.map { try compressor.conditionalCodeLength(of: $0, given: Self.x).length }))
        // After a row, the compressor still gives a fresh model's numbers.
        #expect(try compressor.codeLength(of: Self.ys[0]) == (try Compressor(CompressorSpec(parsing: text)).codeLength(of: Self.ys[0])))
    }

    /// With --verify every length comes with a round trip of the real stream, and the same numbers.
    @Test(arguments: specs)
    func verifyingGivesTheSameLengthsAndDecodes(text: String) throws {
        let spec = try CompressorSpec(parsing: text)
        let plain = try Compressor(spec), verifying = try Compressor(spec, verify: true)
        let y = Self.ys[0]
        #expect(try verifying.codeLengths(of: Self.x, followedByEach: Self.ys) == (try plain.codeLengths(of: Self.x, followedByEach: Self.ys)))
        #expect(try verifying.conditionalCodeLengths(ofEach: Self.ys, given: Self.x) == (try plain.conditionalCodeLengths(ofEach: Self.ys, given: Self.x)))
        let stream = try plain.compressed(y, dictionary: Self.x)
        #expect(try plain.decompressed(stream, dictionary: Self.x, originalCount: y.count) == y)
        // The stream is within a few bytes of the ideal code length.
        let ideal = try plain.conditionalCodeLength(of: y, given: Self.x).length.bytes
        #expect(Double(stream.count) >= ideal - 1 && Double(stream.count) <= ideal + 4)
        #expect(throws: CompressorError.self) { try plain.decompressed(stream, dictionary: Self.x) }
    }

    @Test func specificationsParseAndPrintBack() throws {
        let standard = try CompressorSpec(parsing: "ppm")
        #expect(standard.algorithm == .ppm && standard.level == 6 && standard.memory == 192 << 20 && standard.description == "ppm:6")
        let small = try CompressorSpec(parsing: "ppm:8:64m")
        #expect(small.level == 8 && small.memory == 64 << 20 && small.description == "ppm:8:64m")
        #expect(try CompressorSpec(parsing: "ppm:4:1g").description == "ppm:4:1g")
        #expect(try CompressorSpec(parsing: "ppm:4:512k").memory == 512 << 10)
        #expect(standard.canBePrimed && standard.algorithm.learns && !CompressorSpec.default.algorithm.learns)
        for (bad, reason) in [
            ("ppm:1", "ppm orders are 2 to 16"), ("ppm:17", "ppm orders are 2 to 16"),
            ("ppm:6:3", "the memory '3' is not a size such as 64m, 512k or 1g"),
            ("ppm:6:1k", "ppm memory must be 4 KiB to 4000 MiB"), ("ppm:6:5g", "ppm memory must be 4 KiB to 4000 MiB"),
            ("ppm:6:1m:2", "expected ppm[:ORDER[:MEMORY]], e.g. ppm:6 or ppm:8:64m"),
            ("lzma:6:1m", "expected NAME[:LEVEL], e.g. deflate:9 or lzma:9e"),
        ] {
            #expect(throws: CompressorError.invalidSpecification(bad, reason: reason)) { try CompressorSpec(parsing: bad) }
        }
        #expect(throws: CompressorError.self) { try CompressorSpec(.deflate, memory: 1 << 20) }
        let cm = try CompressorSpec(parsing: "cm")
        #expect(cm.algorithm == .cm && cm.level == 5 && cm.description == "cm:5" && cm.canBePrimed && cm.algorithm.learns)
        for (bad, reason) in [("cm:0", "cm levels are 1 to 9"), ("cm:10", "cm levels are 1 to 9"),
                              ("cm:5:64m", "expected NAME[:LEVEL], e.g. deflate:9 or lzma:9e")] {
            #expect(throws: CompressorError.invalidSpecification(bad, reason: reason)) { try CompressorSpec(parsing: bad) }
        }
    }

    /// The model's capacity, its counterpart of a window, grows with its memory and shrinks with its order.
    @Test func capacityFollowsMemoryAndOrder() throws {
        #expect(try CompressorSpec(parsing: "ppm").window == (192 << 20) / 16)
        #expect(try CompressorSpec(parsing: "ppm:16").window == (192 << 20) / 24)
        #expect(try CompressorSpec(parsing: "ppm:6:64m").window == (64 << 20) / 16)
        // cm: its match history, 8 MiB at the default level, doubling with each level.
        #expect(try CompressorSpec(parsing: "cm").window == 8 << 20)
        #expect(try CompressorSpec(parsing: "cm:9").window == 128 << 20)
    }

    /// Memory is measured: the model memory in use while coding.
    @Test func memoryIsCounted() throws {
        let compressor = try Compressor(CompressorSpec(parsing: "ppm"))
        _ = try compressor.codeLength(of: Self.x)
        #expect(compressor.encoderAllocations.peakBytes > Self.x.count)
        #expect(compressor.encoderAllocations.peakBytes < 32 * Self.x.count)
        // cm's tables are allocated whole: the level's table bytes.
        let cm = try Compressor(CompressorSpec(parsing: "cm:1"))
        _ = try cm.codeLength(of: Self.x)
        #expect(cm.encoderAllocations.peakBytes == (try CMLevel(1).tableBytes))
    }
}
