import Compressors
import TestSupport
import Testing

@Suite struct PrimingTests {
    @Test func deflateReachesOnlyTheLast32KiBLess262BytesOfTheDictionary() throws {
        let compressor = try Compressor(CompressorSpec(parsing: "deflate:9"))
        let y = randomBytes(count: 1000, seed: 1)
        #expect(try compressor.primedSize(of: y, dictionary: randomBytes(count: 100_000, seed: 2)).usableDictionaryBytes == 32_506)
        #expect(try compressor.primedSize(of: y, dictionary: randomBytes(count: 5000, seed: 2)).usableDictionaryBytes == 5000)
    }

    @Test func lzmaSizesItsDictionaryToXAndY() throws {
        let nine = try Compressor(CompressorSpec(parsing: "lzma:9"))
        #expect(nine.usableDictionaryBytes(100_000, 10_000) == 100_000)
        #expect(nine.usableDictionaryBytes(100 << 20, 10) == 64 << 20)
        let zero = try Compressor(CompressorSpec(parsing: "lzma:0"))
        #expect(zero.usableDictionaryBytes(300_000, 1000) == 256 << 10)
    }

    /// Priming with y itself leaves almost nothing to say (deflate still spends a few bytes per
    /// 258-byte match); priming with random bytes helps nothing.
    @Test(.needsCorpora, arguments: ["deflate:9", "lzma:9", "lzma:6", "zstd:19", "zstd:1"])
    func primingWithTheSameTextCostsAlmostNothing(text: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: text), verify: true)
        let y = try Corpus.bytes("udhr/eng.txt")
        let cy = try compressor.compressedSize(of: y)
        #expect(try compressor.primedSize(of: y, dictionary: y).bytes < cy / 20)
        let unrelated = try compressor.primedSize(of: y, dictionary: randomBytes(count: 10_000, seed: 4)).bytes
        #expect(unrelated >= cy - 8)
    }

    /// The primed stream decodes with the same dictionary, also when x is beyond deflate's window.
    @Test(.needsCorpora, arguments: ["deflate:9", "deflate:1", "lzma:9", "lzma:0e", "zstd:19", "zstd:1", "zstd:22"])
    func primedStreamsDecodeWithTheirDictionary(text: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: text))
        let x = try Corpus.bytes("genesis/french.txt")
        let y = try Corpus.bytes("udhr/fra.txt")
        for dictionary in [x, Array(x.prefix(3000)), []] {
            let stream = try compressor.compressed(y, dictionary: dictionary)
            #expect(stream.count == (try compressor.primedSize(of: y, dictionary: dictionary).bytes))
            #expect(try compressor.decompressed(stream, dictionary: dictionary) == y)
        }
    }

    /// By the chain rule, C(y|x) primed is close to C(xy) - C(x) for LZMA2, whose window holds both.
    /// It is a little larger: priming fills the dictionary, but the range coder's probability
    /// models start cold, while after x in one stream they have adapted to the text.
    @Test(.needsCorpora, arguments: ["udhr/fra.txt", "udhr/deu_1901.txt", "udhr/cmn_hans.txt"])
    func primedLZMAAgreesWithTheDifference(path: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: "lzma:9"))
        let x = try Corpus.bytes("udhr/deu_1996.txt")
        let y = try Corpus.bytes(path)
        let primed = try compressor.primedSize(of: y, dictionary: x).bytes
        let difference = try compressor.compressedSize(of: x, followedBy: y) - compressor.compressedSize(of: x)
        #expect(primed >= difference - difference / 100, "primed \(primed), difference \(difference)")
        #expect(primed <= difference + difference / 20, "primed \(primed), difference \(difference)")
    }

    /// zstd's window grows to hold x and y: at level 13, whose own window is 4 MiB, all of a
    /// 5 MiB x is within reach and y costs almost nothing after an x that begins with it.
    /// Level 1's hash table has forgotten that beginning: it indexes only x's last 128 KiB.
    @Test func zstdPrimingReachesPastTheLevelsWindowWithABinaryTree() throws {
        let y = randomBytes(count: 20_000, seed: 8)
        let x = y + randomBytes(count: 5 << 20, seed: 9)
        let thirteen = try Compressor(CompressorSpec(parsing: "zstd:13"), verify: true)
        #expect(thirteen.window == 4 << 20)
        let primed = try thirteen.primedSize(of: y, dictionary: x)
        #expect(primed.usableDictionaryBytes == x.count)
        #expect(primed.bytes < 100)
        let one = try Compressor(CompressorSpec(parsing: "zstd:1"))
        #expect(try one.primedSize(of: y, dictionary: x).bytes > y.count)
        #expect(try one.primedSize(of: y, dictionary: y + randomBytes(count: 100_000, seed: 9)).bytes < 100)
    }

    @Test func bzip2CannotBePrimed() throws {
        let compressor = try Compressor(CompressorSpec(parsing: "bzip2:9"))
        #expect(throws: CompressorError.unsupported(
            compressor: "bzip2:9",
            reason: "bzip2 has no preset dictionary, so C(y|x) cannot be primed; estimate it by the difference C(xy) - C(x)")) {
            try compressor.primedSize(of: [1, 2, 3], dictionary: [1, 2, 3])
        }
        #expect(compressor.usableDictionaryBytes(1000, 1000) == 0)
    }

    /// Priming once and compressing each y on a copy of the primed stream (the fast path) gives
    /// exactly the size of priming for each y, with dictionaries below, at and beyond the window.
    @Test(.needsCorpora, arguments: ["deflate:9", "deflate:1", "lzma:9"])
    func primingOnceGivesThePlainSizes(text: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: text), verify: true)
        let genesis = try Corpus.bytes("genesis/english-kjv.txt")
        let ys = [Array(genesis.suffix(50)), [], Array(genesis[150_000..<150_700]), Array(genesis.suffix(40_000)), try Corpus.bytes("udhr/eng.txt")]
        for x in [Array(genesis.prefix(500)), Array(genesis.prefix(12_000)), Array(genesis.prefix(100_000))] {
            let plain = try ys.map { try compressor.primedSize(of: $0, dictionary: x).bytes }
            #expect(try compressor.primedSizes(ofEach: ys, dictionary: x) == plain)
        }
    }

    @Test(arguments: ["zlib:9", "gzip:9", "xz:9"])
    func containersCannotBePrimed(text: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: text))
        #expect {
            try compressor.primedSize(of: [1, 2, 3], dictionary: [1, 2, 3])
        } throws: { error in
            String(describing: error).contains("only raw streams")
        }
    }
}
