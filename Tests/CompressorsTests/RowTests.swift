@testable import Compressors
import TestSupport
import Testing

/// One row of a matrix: deflate continues copies of x's stream with each y. The streams must be
/// exactly those of the concatenations.
@Suite(.needsCorpora) struct RowTests {
    static func inputs() throws -> [[UInt8]] {
        [try Corpus.bytes("udhr/eng.txt"), try Corpus.bytes("udhr/fra.txt"), [],
         Array(try Corpus.bytes("genesis/german.txt").prefix(40_000)), randomBytes(count: 3000, seed: 12),
         try Corpus.bytes("udhr/cmn_hans.txt")]
    }

    @Test(arguments: ["deflate:9", "deflate:6", "deflate:1", "zlib:9", "gzip:9", "lzma:9", "lzma:1"])
    func continuedStreamsAreTheStreamsOfTheConcatenations(text: String) throws {
        let compressor = try Compressor(CompressorSpec(parsing: text))
        let inputs = try Self.inputs()
        for x in inputs {
            var streams: [[UInt8]] = []
            try compressor.forEachContinuation(of: x, inputs, collect: true) { index, size, stream in
                #expect(index == streams.count && size == stream.count)
                streams.append(stream)
            }
            #expect(try streams == inputs.map { try compressor.compressed(x + $0) })
            #expect(try compressor.compressedSizes(of: x, followedByEach: inputs) == inputs.map { try compressor.compressedSize(of: x + $0) })
        }
    }

    @Test func verifiedRowsDecompress() throws {
        let compressor = try Compressor(CompressorSpec(parsing: "deflate:9"), verify: true)
        let inputs = try Self.inputs()
        let plain = try Compressor(CompressorSpec(parsing: "deflate:9"))
        #expect(try compressor.compressedSizes(of: inputs[0], followedByEach: inputs) == plain.compressedSizes(of: inputs[0], followedByEach: inputs))
    }
}
