@testable import Compressors
import KolmoSupport
import TestSupport
import Testing

@Suite(.needsCorpora) struct CMLevelTests {
    @Test(arguments: Array(CMLevel.range))
    func everyLevelRoundTrips(level: Int) throws {
        let text = Array(CMTestInputs.genesis[0..<2_500])
        var encoder = try ContextMixingCodec(level: level)
        let stream = encoder.encode(text)
        var decoder = try ContextMixingCodec(level: level)
        #expect(decoder.decode(stream, count: text.count) == text)
    }

    @Test(arguments: [0, 10, -1, 99])
    func badLevelsThrow(level: Int) {
        #expect(throws: CMError.invalidLevel(level)) { try ContextMixingCodec(level: level) }
        let message = CMError.invalidLevel(level).description
        #expect(message.contains("\(level)") && message.contains("1...9"))
    }

    @Test func defaultLevel() throws {
        let cm = try ContextMixingCodec()
        let level = cm.level
        #expect(level == CMLevel.default)
        #expect(CMLevel.default.number == 5)
    }
}
