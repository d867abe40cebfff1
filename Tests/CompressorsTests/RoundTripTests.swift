import Compressors
import TestSupport
import Testing

@Suite struct RoundTripTests {
    static let randomInputs: [[UInt8]] = [0, 1, 2, 1000, 70_000, 300_000].map { randomBytes(count: $0, seed: UInt64($0) + 1) }

    @Test(arguments: everySpec)
    func seededRandomBytesComeBack(spec: CompressorSpec) throws {
        let verifying = try Compressor(spec, verify: true)
        for input in Self.randomInputs where !isSlow(spec) || input.count < 100_000 {
            let stream = try verifying.compressed(input)
            #expect(try verifying.decompressed(stream) == input)
            // Verification is invisible in the numbers.
            #expect(try verifying.compressedSize(of: input) == Compressor(spec).compressedSize(of: input))
        }
    }

    @Test(.needsCorpora, arguments: everySpec)
    func realTextComesBack(spec: CompressorSpec) throws {
        let verifying = try Compressor(spec, verify: true)
        for path in Corpus.udhrSample.prefix(isSlow(spec) ? 4 : 12) + (isSlow(spec) ? [] : ["genesis/lolcat.txt"]) {
            let text = try Corpus.bytes(path)
            #expect(try verifying.decompressed(verifying.compressed(text)) == text)
            _ = try verifying.compressedSize(of: text, followedBy: text)
        }
    }

    @Test(arguments: ["deflate:9", "gzip:9", "lzma:9", "xz:9", "bzip2:9", "zstd:19"])
    func aTruncatedStreamIsReportedAsCorrupt(text: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: text))
        let stream = try compressor.compressed(randomBytes(count: 5000, seed: 9))
        #expect {
            try compressor.decompressed(Array(stream.prefix(stream.count / 2)))
        } throws: { error in
            guard case CompressorError.corruptStream(let name, _) = error else { return false }
            return name == text
        }
    }

    @Test func garbageIsNotAnXZStream() throws {
        let compressor = try Compressor(CompressorSpec(parsing: "xz:6"))
        #expect(throws: CompressorError.corruptStream(compressor: "xz:6", detail: "LZMA_FORMAT_ERROR")) {
            try compressor.decompressed(randomBytes(count: 100, seed: 1))
        }
    }

    @Test func garbageIsNotABzip2OrZstdStream() throws {
        let bzip2 = try Compressor(CompressorSpec(parsing: "bzip2:9"))
        #expect(throws: CompressorError.corruptStream(compressor: "bzip2:9", detail: "BZ_DATA_ERROR_MAGIC")) {
            try bzip2.decompressed(randomBytes(count: 100, seed: 1))
        }
        let zstd = try Compressor(CompressorSpec(parsing: "zstd:19"))
        #expect(throws: CompressorError.corruptStream(compressor: "zstd:19", detail: "Unknown frame descriptor")) {
            try zstd.decompressed(randomBytes(count: 100, seed: 1))
        }
    }
}
