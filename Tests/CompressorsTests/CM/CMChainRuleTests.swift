@testable import Compressors
import KolmoSupport
import TestSupport
import Testing

/// Tiny tables, so that short inputs wrap the match history and overflow the touch lists.
let tinyShape = CMShape(
    contexts: CMShape.strongContexts, selectors: CMShape.strongSelectors,
    contextTableBits: 14, historyBits: 11, matchIndexBits: 8)

func tinyModel() -> ContextMixingCodec {
    ContextMixingCodec(level: CMLevel.default, shape: tinyShape)
}

@Suite(.needsCorpora) struct CMChainRuleTests {
    let text = CMTestInputs.genesis

    /// C(xy) = C(x) + C(y|x) to the bit: learning y after x costs exactly what a fresh model
    /// pays for x + y minus what it pays for x.
    @Test(arguments: [1, 5, 6])
    func chainRule(level: Int) throws {
        let x = Array(text[0..<6_000]), y = Array(text[6_000..<9_000])
        var split = try ContextMixingCodec(level: level)
        let cx = split.learn(x)
        let cyGivenX = split.learn(y)
        var joint = try ContextMixingCodec(level: level)
        let cxy = joint.learn(x + y)
        #expect(cx + cyGivenX == cxy)
        let total = split.totalCodeLength
        #expect(total == cxy)
    }

    @Test func encodingCostsWhatLearningMeasures() throws {
        let x = Array(text[0..<4_000])
        var a = try ContextMixingCodec(level: 2)
        var b = try ContextMixingCodec(level: 2)
        let learnt = a.learn(x)
        _ = b.encode(x)
        let encoded = b.totalCodeLength
        #expect(encoded == learnt)
    }

    @Test func determinism() throws {
        let x = Array(text[0..<5_000])
        let lengths = try (0..<3).map { _ in
            var cm = try ContextMixingCodec(level: 3)
            return cm.learn(x)
        }
        #expect(Set(lengths).count == 1)
        var cm = try ContextMixingCodec(level: 3)
        cm.learn(x)
        cm.reset()
        #expect(cm.learn(x) == lengths[0])
    }

    /// The whole of Genesis (KJV) at the default level, pinned: any change to the model must
    /// change this figure on purpose. In units of 2^-24 bit.
    @Test func pinnedGenesisCodeLength() throws {
        var cm = try ContextMixingCodec()
        let length = cm.learn(text)
        #expect(length == pinnedGenesis, "Genesis now costs \(length) (\(length >> 27) bytes)")
    }

    @Test func resetAfterOverflowingTheTouchLists() {
        var cm = tinyModel()
        let fresh = cm.learn(Array(text[0..<3_000]))
        cm.learn(Array(text[3_000..<20_000]))   // far past the tiny tables' touch-list capacity
        cm.reset()
        #expect(cm.learn(Array(text[0..<3_000])) == fresh)
    }
}

/// Genesis (KJV, 195,515 bytes) at ``CMLevel/default``, in units of 2^-24 bit.
let pinnedGenesis: UInt64 = 5_411_731_625_177
