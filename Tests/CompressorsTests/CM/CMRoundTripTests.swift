@testable import Compressors
import KolmoSupport
import TestSupport
import Testing

/// Encodes `bytes` after `prefix` and decodes them after the same prefix.
private func roundTrip(_ bytes: [UInt8], after prefix: [UInt8] = [], level: Int = 1) throws -> (stream: [UInt8], ideal: UInt64) {
    var encoder = try ContextMixingCodec(level: level)
    encoder.learn(prefix)
    let before = encoder.totalCodeLength
    let stream = encoder.encode(bytes)
    let ideal = encoder.totalCodeLength - before
    var decoder = try ContextMixingCodec(level: level)
    decoder.learn(prefix)
    let decoded = decoder.decode(stream, count: bytes.count)
    #expect(decoded == bytes)
    let decodedLength = decoder.totalCodeLength, encodedLength = encoder.totalCodeLength
    #expect(decodedLength == encodedLength)
    return (stream, ideal)
}

/// The coded size is the ideal code length rounded up, plus at most `slack` bytes.
private func expectNearIdeal(_ stream: [UInt8], _ ideal: UInt64, slack: Int = 4) {
    let idealBytes = Int((ideal + (8 << 24) - 1) >> 27)
    #expect(stream.count <= idealBytes + slack, "coded \(stream.count) bytes, ideal \(idealBytes)")
    #expect(stream.count + 1 >= idealBytes, "coded \(stream.count) bytes, ideal \(idealBytes)")
}

@Suite(.needsCorpora) struct CMRoundTripTests {
    @Test func emptyInput() throws {
        let (stream, ideal) = try roundTrip([])
        #expect(stream.isEmpty)
        #expect(ideal == 0)
    }

    @Test func oneByte() throws {
        for byte: UInt8 in [0, 1, 0x41, 0xFF] {
            let (stream, ideal) = try roundTrip([byte])
            expectNearIdeal(stream, ideal)
        }
    }

    @Test func allByteValues() throws {
        let bytes = (0...255).map { UInt8($0) }
        let (stream, ideal) = try roundTrip(bytes + bytes.reversed())
        expectNearIdeal(stream, ideal)
    }

    @Test func seededRandomBytes() throws {
        var random = SplitMix(seed: 42)
        let bytes = random.bytes(8_000)
        let (stream, ideal) = try roundTrip(bytes)
        expectNearIdeal(stream, ideal)
        // Random bytes cannot be compressed: the model pays a little for learning that.
        #expect(stream.count > 8_000 && stream.count < 8_200)
    }

    @Test func genesisPart() throws {
        let text = Array(CMTestInputs.genesis.prefix(20_000))
        let (stream, ideal) = try roundTrip(text)
        expectNearIdeal(stream, ideal)
        #expect(stream.count < 5_500)
    }

    @Test(arguments: ["udhr/eng.txt", "udhr/rus.txt", "udhr/cmn_hans.txt", "udhr/arb.txt", "udhr/hin.txt"])
    func udhrScripts(_ file: String) throws {
        guard let whole = CMTestInputs.read(file) else { Issue.record("missing \(file)"); return }
        let text = Array(whole.prefix(6_000))
        let (stream, ideal) = try roundTrip(text)
        expectNearIdeal(stream, ideal)
        #expect(stream.count < text.count / 2)
    }

    @Test func conditionedOnPrefix() throws {
        let text = CMTestInputs.genesis
        let x = Array(text[0..<8_000]), y = Array(text[8_000..<12_000])
        let (stream, ideal) = try roundTrip(y, after: x)
        expectNearIdeal(stream, ideal)
    }
}
