@testable import Compressors
import KolmoSupport
import TestSupport
import Testing

@Suite(.needsCorpora) struct CMRollbackTests {
    let text = CMTestInputs.genesis

    /// checkpoint, learn y1, rollback, learn y2 == fresh model fed x then y2, for several y's
    /// against one checkpoint, and the model goes on exactly as the fresh one does.
    @Test(arguments: [2, 7])
    func rollbackEqualsFresh(level: Int) throws {
        let x = Array(text[0..<5_000])
        let ys = [Array(text[5_000..<6_500]), Array(text[40_000..<41_000]), [], Array(text[5_000..<5_001]),
                  CMTestInputs.read("udhr/rus.txt").map { Array($0.prefix(1_500)) } ?? []]
        var cm = try ContextMixingCodec(level: level)
        cm.learn(x)
        cm.checkpoint()
        var viaRollback: [UInt64] = []
        for y in ys {
            viaRollback.append(cm.learn(y))
            cm.rollback()
        }
        // Several rollbacks against the same checkpoint, then a continuation.
        let z = Array(text[90_000..<91_000])
        let y2 = ys[1]
        let cy2 = cm.learn(y2)
        let cz = cm.learn(z)
        cm.commit()

        for (y, length) in zip(ys, viaRollback) {
            var fresh = try ContextMixingCodec(level: level)
            fresh.learn(x)
            #expect(fresh.learn(y) == length)
        }
        var fresh = try ContextMixingCodec(level: level)
        fresh.learn(x)
        #expect(fresh.learn(y2) == cy2)
        #expect(fresh.learn(z) == cz)
        let freshTotal = fresh.totalCodeLength, total = cm.totalCodeLength
        #expect(freshTotal == total)
    }

    /// With tiny tables, y wraps the match history and evicts hash buckets; rollback still
    /// restores every byte of them.
    @Test func rollbackThroughWrapAroundAndEviction() {
        let x = Array(text[0..<4_000]), y = Array(text[4_000..<12_000]), z = Array(text[12_000..<14_000])
        var cm = tinyModel()
        cm.learn(x)
        cm.checkpoint()
        let first = cm.learn(y)
        cm.rollback()
        let second = cm.learn(y)
        cm.rollback()
        let afterRollback = cm.learn(z)
        cm.commit()
        var fresh = tinyModel()
        fresh.learn(x)
        #expect(fresh.learn(y) == first)
        #expect(first == second)
        var freshZ = tinyModel()
        freshZ.learn(x)
        #expect(freshZ.learn(z) == afterRollback)
    }

    /// A decoder conditioned on x decodes y from a stream an encoder made after learning x,
    /// also when the encoder got there by rolling back.
    @Test func decodeAfterRollback() throws {
        let x = Array(text[0..<3_000]), y1 = Array(text[3_000..<4_000]), y2 = Array(text[50_000..<51_500])
        var encoder = try ContextMixingCodec(level: 1)
        encoder.learn(x)
        encoder.checkpoint()
        _ = encoder.encode(y1)
        encoder.rollback()
        let stream = encoder.encode(y2)
        encoder.commit()
        var decoder = try ContextMixingCodec(level: 1)
        decoder.learn(x)
        #expect(decoder.decode(stream, count: y2.count) == y2)
    }

    @Test func codeLengthsOfEachLeavesTheModelAlone() throws {
        let x = Array(text[0..<3_000])
        let ys = [Array(text[3_000..<3_500]), Array(text[10_000..<10_700])]
        var cm = try ContextMixingCodec(level: 1)
        cm.learn(x)
        let lengths = cm.codeLengths(ofEach: ys)
        let journaling = cm.isJournaling
        #expect(!journaling)
        let next = cm.learn(ys[0])
        #expect(next == lengths[0])
    }
}
