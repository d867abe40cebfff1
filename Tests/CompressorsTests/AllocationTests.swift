import Compressors
import TestSupport
import Testing

/// The allocator hooks see every byte the C libraries hold: decoders give all of it back after
/// each stream, encoders when the compressor ends, and reuse does not grow it.
@Suite struct AllocationTests {
    static let specs = ["deflate:9", "deflate:1", "zlib:6", "gzip:9", "lzma:9", "lzma:0", "xz:6", "bzip2:9", "bzip2:1", "zstd:19", "zstd:1", "zstd:22"]

    @Test(arguments: specs)
    func countersReturnToZeroAfterEveryStream(text: String) throws {
        let spec = try CompressorSpec(parsing: text)
        let encoder: AllocationCounter
        do {
            let compressor = try Compressor(spec, verify: true)
            encoder = compressor.encoderAllocations
            let decoder = compressor.decoderAllocations
            let inputs = [randomBytes(count: 50_000, seed: 1), randomBytes(count: 2000, seed: 2), []]
            var heldAfterFirstRound: Int?
            for round in 0..<2 {
                for input in inputs {
                    let stream = try compressor.compressed(input)
                    #expect(decoder.liveBytes == 0 && decoder.liveBlocks == 0)
                    #expect(try compressor.decompressed(stream) == input)
                    #expect(decoder.liveBytes == 0 && decoder.liveBlocks == 0)
                    if spec.canBePrimed {
                        let primed = try compressor.compressed(input, dictionary: inputs[0])
                        #expect(try compressor.decompressed(primed, dictionary: inputs[0]) == input)
                        #expect(decoder.liveBytes == 0)
                    }
                }
                #expect(encoder.peakBytes > 0 && decoder.peakBytes > 0)
                // The same inputs again: the encoder holds no more than after the first round.
                if round == 0 { heldAfterFirstRound = encoder.liveBytes } else { #expect(encoder.liveBytes <= heldAfterFirstRound!) }
            }
        }
        #expect(encoder.liveBytes == 0 && encoder.liveBlocks == 0)
    }

    /// libbz2's manual gives 400k + 8 × block size for compressing and 100k + 4 × block size
    /// for decompressing; zlib's zconf.h gives (1 << (windowBits + 2)) + (1 << (memLevel + 9)),
    /// 256 KiB, for deflate plus its state, and 32 KiB of window plus state for inflate.
    @Test func peaksMatchWhatTheLibrariesDocument() throws {
        let input = randomBytes(count: 300_000, seed: 3)
        let bzip2 = try Compressor(CompressorSpec(parsing: "bzip2:9"))
        _ = try bzip2.decompressed(bzip2.compressed(input))
        #expect(abs(bzip2.encoderAllocations.peakBytes - (400_000 + 8 * 900_000)) < 200_000)
        #expect(abs(bzip2.decoderAllocations.peakBytes - (100_000 + 4 * 900_000)) < 200_000)

        let deflate = try Compressor(CompressorSpec(parsing: "deflate:9"))
        _ = try deflate.decompressed(deflate.compressed(input))
        #expect((256 << 10)..<(256 << 10) + 16_384 ~= deflate.encoderAllocations.peakBytes)
        #expect((32 << 10)..<(32 << 10) + 16_384 ~= deflate.decoderAllocations.peakBytes)
    }

    /// LZMA2's dictionary is sized to the input, so a small input allocates far less than the
    /// preset's 64 MiB.
    @Test func lzmaAllocatesForTheInputNotThePreset() throws {
        let lzma = try Compressor(CompressorSpec(parsing: "lzma:9"))
        _ = try lzma.compressedSize(of: randomBytes(count: 10_000, seed: 4))
        #expect(lzma.encoderAllocations.peakBytes < 8 << 20)
        lzma.encoderAllocations.resetPeak()
        _ = try lzma.compressedSize(of: randomBytes(count: 3_000_000, seed: 4))
        #expect(lzma.encoderAllocations.peakBytes > 20 << 20)
    }
}
