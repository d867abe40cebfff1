import Testing
@testable import Compressors
import KolmoSupport
import TestSupport

@Suite("PPM: Checkpoint and rollback")
struct PPMCheckpointTests {
    /// Lines of a text as separate inputs.
    func lines(_ text: [UInt8], count: Int) -> [[UInt8]] {
        Array(text.split(separator: 10).prefix(count).map { Array($0) + [10] })
    }

    /// learn(x), checkpoint, then for each y: learn(y) equals a fresh model fed x then y, and after
    /// rollback a further input z behaves as on a fresh model fed x then z.
    func checkEquality(x: [UInt8], ys: [[UInt8]], z: [UInt8], _ parameters: PPMParameters) {
        var ppm = PPMCodec(parameters)
        ppm.learn(x)
        ppm.checkpoint()
        for (index, y) in ys.enumerated() {
            let conditional = ppm.learn(y)
            var fresh = PPMCodec(parameters)
            let cx = fresh.learn(x)
            let cxy = cx + fresh.learn(y)
            var joint = PPMCodec(parameters)
            #expect(joint.learn(x + y) == cxy)
            #expect(conditional == cxy - cx, "y number \(index)")
            let ppmJournalCount = ppm.journalCount
            #expect(ppmJournalCount > 0 || y.isEmpty)
            try! ppm.rollback()
        }
        // The state after rollback is the state after x: same lengths, same stream, same restarts.
        var fresh = PPMCodec(parameters)
        fresh.learn(x)
        #expect(ppm.learn(z) == fresh.learn(z))
        try! ppm.rollback()
        fresh.reset()
        fresh.learn(x)
        #expect(ppm.encode(z) == fresh.encode(z))
        let ppmRestartCount = ppm.restartCount
        let freshRestartCount = fresh.restartCount
        #expect(ppmRestartCount == freshRestartCount)
    }

    @Test(.needsCorpora) func udhrTextsAgainstOneCheckpoint() throws {
        let x = try Corpus.bytes("udhr/eng.txt")
        let ys = try ["udhr/deu_1996.txt", "udhr/rus.txt", "udhr/eng.txt", "udhr/cmn_hans.txt"].map(Corpus.bytes)
        checkEquality(x: x, ys: ys + [[]], z: try Corpus.bytes("udhr/fra.txt"), .standard)
    }

    @Test(.needsCorpora) func shortLinesAgainstOneCheckpoint() throws {
        let french = try Corpus.bytes("genesis/french.txt")
        let all = lines(french, count: 60)
        checkEquality(x: Array(french.prefix(30_000)), ys: Array(all.prefix(50)), z: all[55], try PPMParameters(order: 4))
    }

    /// With a tiny memory, a y forces restarts while journaled; rollback must undo them too.
    @Test(.needsCorpora) func rollbackUndoesRestarts() throws {
        let parameters = try PPMParameters(order: 6, memory: 1 << 15)
        let x = Array(try Corpus.bytes("udhr/eng.txt").prefix(2000))
        let long = try Corpus.bytes("udhr/rus.txt")
        var ppm = PPMCodec(parameters)
        ppm.learn(x)
        let before = ppm.restartCount
        ppm.checkpoint()
        ppm.learn(long)
        let during = ppm.restartCount
        #expect(during > before)
        try ppm.rollback()
        let after = ppm.restartCount
        #expect(after == before)
        checkEquality(x: x, ys: [long, Array(long.prefix(300)), long], z: try Corpus.bytes("udhr/heb.txt"), parameters)
    }

    /// conditionalCodeLengths gives C(y|x) for each y, as fresh models do.
    @Test(.needsCorpora) func conditionalLengthsMatchFreshModels() throws {
        let x = try Corpus.bytes("udhr/spa.txt")
        let ys = try ["udhr/por_PT.txt", "udhr/ita.txt"].map(Corpus.bytes)
        var ppm = PPMCodec()
        let lengths = ppm.conditionalCodeLengths(of: ys, given: x)
        for (y, length) in zip(ys, lengths) {
            var fresh = PPMCodec()
            let cx = fresh.learn(x)
            var joint = PPMCodec()
            #expect(joint.learn(x + y) - cx == length)
        }
        let ppmIsCheckpointed = ppm.isCheckpointed
        #expect(!ppmIsCheckpointed)
    }

    /// A checkpoint set again keeps what came before it; commit ends journaling.
    @Test(.needsCorpora) func checkpointAgainAndCommit() throws {
        let text = try Corpus.bytes("udhr/fin.txt")
        let (a, b) = (Array(text.prefix(3000)), Array(text.dropFirst(3000)))
        var ppm = PPMCodec()
        ppm.checkpoint()
        ppm.learn(a)
        ppm.checkpoint()
        let cb = ppm.learn(b)
        try ppm.rollback()
        #expect(ppm.learn(b) == cb)
        ppm.commit()
        let ppmIsCheckpointed = ppm.isCheckpointed
        #expect(!ppmIsCheckpointed)
        let ppmJournalCount = ppm.journalCount
        #expect(ppmJournalCount == 0)
        #expect(throws: PPMError.noCheckpoint) { try ppm.rollback() }
    }
}
