import Testing
@testable import Compressors
import KolmoSupport
import TestSupport

@Suite("PPM: Round trips")
struct PPMRoundTripTests {
    /// Encodes `bytes` on a fresh model, decodes on another, and returns the stream.
    @discardableResult
    func roundTrip(_ bytes: [UInt8], _ parameters: PPMParameters = .standard) throws -> [UInt8] {
        var encoder = PPMCodec(parameters)
        let stream = encoder.encode(bytes)
        var decoder = PPMCodec(parameters)
        let back = try decoder.decode(stream, count: bytes.count)
        #expect(back == bytes)
        return stream
    }

    @Test func emptyInput() throws {
        let stream = try roundTrip([])
        #expect(stream.isEmpty)
        var ppm = PPMCodec()
        #expect(ppm.learn([]) == 0)
    }

    @Test func oneByte() throws {
        for byte: UInt8 in [0, 0x41, 0xFF] { try roundTrip([byte]) }
    }

    @Test func allByteValues() throws {
        let ascending = (0...255).map { UInt8($0) }
        try roundTrip(ascending)
        try roundTrip(ascending + ascending.reversed() + ascending)
    }

    @Test func seededRandomBytes() throws {
        var generator = SplitMix(seed: 20_240_611)
        for count in [1, 7, 100, 4096, 65_536] {
            try roundTrip(generator.bytes(count))
        }
        // Random bytes over a small alphabet: deep contexts and many binary ones.
        let small = generator.bytes(50_000).map { $0 & 3 }
        try roundTrip(small, try PPMParameters(order: 16))
    }

    @Test(.needsCorpora) func genesis() throws {
        try roundTrip(try Corpus.bytes("genesis/english-kjv.txt"))
    }

    @Test(.needsCorpora, arguments: PPMTestInputs.udhrScripts)
    func udhr(_ file: String) throws {
        try roundTrip(try Corpus.bytes(file))
    }

    @Test(.needsCorpora, arguments: [2, 3, 16])
    func edgeOrders(_ order: Int) throws {
        let text = try Array(Corpus.bytes("genesis/french.txt").prefix(60_000))
        try roundTrip(text, try PPMParameters(order: order))
    }

    /// A memory so small that the model restarts many times along the way.
    @Test(.needsCorpora) func restartsOnFullMemory() throws {
        let text = try Corpus.bytes("udhr/rus.txt")
        let parameters = try PPMParameters(order: 8, memory: 1 << 14)
        var ppm = PPMCodec(parameters)
        ppm.learn(text)
        let ppmRestartCount = ppm.restartCount
        #expect(ppmRestartCount > 5)
        try roundTrip(text, parameters)
    }

    /// A stream coded after the model learnt x decodes on a decoder that learnt x.
    @Test(.needsCorpora) func conditionedStream() throws {
        let x = try Corpus.bytes("udhr/deu_1901.txt")
        let y = try Corpus.bytes("udhr/deu_1996.txt")
        var encoder = PPMCodec()
        encoder.learn(x)
        let stream = encoder.encode(y)
        var decoder = PPMCodec()
        decoder.learn(x)
        #expect(try decoder.decode(stream, count: y.count) == y)
        var fresh = PPMCodec()
        #expect(stream.count < fresh.encode(y).count / 2)
    }

    /// Damaged or short streams decode to something, without trapping.
    @Test func damagedStreams() throws {
        var generator = SplitMix(seed: 7)
        var ppm = PPMCodec()
        _ = try ppm.decode(generator.bytes(100), count: 5000)
        ppm.reset()
        _ = try ppm.decode([], count: 1000)
    }
}
