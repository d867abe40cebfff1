@testable import Compressors
import TestSupport
import Testing

let everySpec: [CompressorSpec] = (1...9).map { try! CompressorSpec(.deflate, level: $0) }
    + (0...9).map { try! CompressorSpec(.lzma, level: $0) }
    + ["lzma:9e", "lzma:0e", "zlib:9", "gzip:1", "xz:6", "xz:9e"].map { try! CompressorSpec(parsing: $0) }
    + (1...9).map { try! CompressorSpec(.bzip2, level: $0) }
    + (1...22).map { try! CompressorSpec(.zstd, level: $0) }

/// Whether a spec is slow enough (liblzma's extreme presets; zstd's optimal parsers, levels
/// 16-22) that tests give it fewer and smaller inputs.
func isSlow(_ spec: CompressorSpec) -> Bool {
    spec.extreme || (spec.algorithm == .zstd && spec.level >= 16)
}

/// Every spec of deflate and LZMA2, and a few of bzip2 and zstd, whose streams are made in one
/// piece (zstd) or by one loop shared with zlib (bzip2): the oracle tests cover their other levels.
let representativeSpecs = everySpec.filter { spec in
    !spec.extreme && (spec.algorithm == .deflate || spec.algorithm == .lzma
        || ["bzip2:1", "bzip2:9", "zstd:1", "zstd:3", "zstd:19", "zstd:22"].contains(spec.description))
}

@Suite struct StreamTests {
    @Test func emptyInputIsTheEmptyStream() throws {
        #expect(try Compressor(CompressorSpec(parsing: "deflate:9")).compressedSize(of: []) == 2)
        #expect(try Compressor(CompressorSpec(parsing: "zlib:9")).compressedSize(of: []) == 8)
        #expect(try Compressor(CompressorSpec(parsing: "gzip:9")).compressedSize(of: []) == 20)
        #expect(try Compressor(CompressorSpec(parsing: "lzma:9")).compressedSize(of: []) == 1)
        #expect(try Compressor(CompressorSpec(parsing: "xz:9")).compressedSize(of: []) == 32)
        #expect(try Compressor(CompressorSpec(parsing: "bzip2:9")).compressedSize(of: []) == 14)
        #expect(try Compressor(CompressorSpec(parsing: "zstd:19")).compressedSize(of: []) == 9)
    }

    @Test func dictionarySizeIsTheSmallestPowerOfTwoThatHoldsTheInput() {
        let preset: UInt32 = 64 << 20
        #expect(LZMA.dictionarySize(forBytes: 0, presetSize: preset) == 4096)
        #expect(LZMA.dictionarySize(forBytes: 4096, presetSize: preset) == 4096)
        #expect(LZMA.dictionarySize(forBytes: 4097, presetSize: preset) == 8192)
        #expect(LZMA.dictionarySize(forBytes: 100_000, presetSize: preset) == 131_072)
        #expect(LZMA.dictionarySize(forBytes: 1 << 30, presetSize: preset) == preset)
        #expect(LZMA.dictionarySize(forBytes: 300_000, presetSize: 256 << 10) == 256 << 10)
    }

    @Test func windowIsDeflatesMaximumDistanceAndTheLZMAPresetsDictionary() throws {
        #expect(try Compressor(CompressorSpec(parsing: "deflate:1")).window == 32_768 - 262)
        #expect(try Compressor(CompressorSpec(parsing: "lzma:9")).window == 64 << 20)
        #expect(try Compressor(CompressorSpec(parsing: "lzma:6")).window == 8 << 20)
        #expect(try Compressor(CompressorSpec(parsing: "lzma:0")).window == 256 << 10)
    }

    @Test func windowIsBzip2sBlockAndZstdsWindowForAnUnknownSize() throws {
        #expect(try CompressorSpec(parsing: "bzip2:9").window == 899_981)
        #expect(try CompressorSpec(parsing: "bzip2:1").window == 99_981)
        #expect(try CompressorSpec(parsing: "zstd:1").window == 512 << 10)
        #expect(try CompressorSpec(parsing: "zstd:19").window == 8 << 20)
        #expect(try CompressorSpec(parsing: "zstd:22").window == 128 << 20)
    }

    /// C(xy) fed as x then y is the stream of the concatenation, byte for byte, including
    /// inputs past deflate's window and past the 64 KiB output buffer.
    @Test(.needsCorpora, arguments: representativeSpecs)
    func partsGiveTheStreamOfTheConcatenation(spec: CompressorSpec) throws {
        let compressor = try Compressor(spec)
        let pairs: [([UInt8], [UInt8])] = [
            (try Corpus.bytes("udhr/eng.txt"), try Corpus.bytes("udhr/fra.txt")),
            (try Corpus.bytes("genesis/german.txt"), try Corpus.bytes("udhr/deu_1996.txt")),
            ([], try Corpus.bytes("udhr/fin.txt")),
            (try Corpus.bytes("udhr/fin.txt"), []),
            (randomBytes(count: 100_000, seed: 3), try Corpus.bytes("udhr/eng.txt")),
        ]
        for (x, y) in pairs {
            #expect(try compressor.compressed(x, followedBy: y) == compressor.compressed(x + y))
            #expect(try compressor.compressedSize(of: x, followedBy: y) == compressor.compressedSize(of: x + y))
        }
    }

    /// One compressor used for a sequence of different inputs (and primings between them)
    /// gives what a fresh compressor gives for each.
    @Test(.needsCorpora, arguments: ["deflate:9", "deflate:1", "lzma:9", "lzma:2", "zlib:6", "gzip:9", "xz:6", "bzip2:9", "bzip2:1", "zstd:19", "zstd:3"])
    func reusedCompressorGivesTheStreamsOfFreshOnes(text: String) throws {
        let spec = try CompressorSpec(parsing: text)
        let reused = try Compressor(spec)
        let inputs: [[UInt8]] = [
            try Corpus.bytes("udhr/eng.txt"), try Corpus.bytes("genesis/french.txt"), [],
            randomBytes(count: 40_000, seed: 5), try Corpus.bytes("udhr/cmn_hans.txt"), try Corpus.bytes("udhr/eng.txt"),
        ]
        for (index, input) in inputs.enumerated() {
            if spec.canBePrimed {
                _ = try reused.primedSize(of: input, dictionary: inputs[(index + 1) % inputs.count])
            }
            let fresh = try Compressor(spec)
            #expect(try reused.compressed(input) == fresh.compressed(input))
            #expect(try reused.compressedSize(of: input) == fresh.compressedSize(of: input))
        }
    }
}
