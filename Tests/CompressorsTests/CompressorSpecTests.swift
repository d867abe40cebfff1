import Compressors
import Testing

@Suite struct CompressorSpecTests {
    @Test(arguments: [
        ("deflate:9", CompressorSpec.Algorithm.deflate, CompressorSpec.Container.raw, 9, false),
        ("deflate:1", .deflate, .raw, 1, false),
        ("deflate", .deflate, .raw, 9, false),
        ("zlib:6", .deflate, .zlib, 6, false),
        ("gzip", .deflate, .gzip, 9, false),
        ("lzma:9e", .lzma, .raw, 9, true),
        ("lzma:0", .lzma, .raw, 0, false),
        ("LZMA:6", .lzma, .raw, 6, false),
        ("xz:6e", .lzma, .xz, 6, true),
        ("bzip2", .bzip2, .raw, 9, false),
        ("bzip2:1", .bzip2, .raw, 1, false),
        ("zstd", .zstd, .raw, 19, false),
        ("zstd:1", .zstd, .raw, 1, false),
        ("zstd:22", .zstd, .raw, 22, false),
    ])
    func parses(text: String, algorithm: CompressorSpec.Algorithm, container: CompressorSpec.Container, level: Int, extreme: Bool) throws {
        let spec = try CompressorSpec(parsing: text)
        #expect(spec.algorithm == algorithm)
        #expect(spec.container == container)
        #expect(spec.level == level)
        #expect(spec.extreme == extreme)
        #expect(try CompressorSpec(parsing: spec.description) == spec)
    }

    @Test(arguments: [
        ("deflate:0", "deflate levels are 1 to 9"),
        ("deflate:10", "deflate levels are 1 to 9"),
        ("lzma:10", "lzma presets are 0 to 9"),
        ("deflate:9e", "only lzma and xz have the extreme flag"),
        ("bzip9", "unknown compressor 'bzip9'"),
        ("lzma:x", "the level 'x' is not a number"),
        ("lzma:", "the level '' is not a number"),
        (":9", "expected NAME[:LEVEL]"),
        ("lzma:9:9", "expected NAME[:LEVEL]"),
        ("lzma:-1", "lzma presets are 0 to 9"),
        ("bzip2:0", "bzip2 block sizes are 1 to 9"),
        ("bzip2:10", "bzip2 block sizes are 1 to 9"),
        ("bzip2:9e", "only lzma and xz have the extreme flag"),
        ("zstd:0", "zstd levels are 1 to 22 (20-22 are ultra)"),
        ("zstd:23", "zstd levels are 1 to 22"),
        ("zstd:-5", "zstd levels are 1 to 22"),
        ("zstd:fast", "the level 'fast' is not a number"),
        ("brotli:9", "unknown compressor 'brotli'; known: deflate, zlib, gzip, lzma, xz, bzip2, zstd"),
    ])
    func rejects(text: String, reason: String) {
        #expect {
            try CompressorSpec(parsing: text)
        } throws: { error in
            String(describing: error).contains(reason) && String(describing: error).contains(text)
        }
    }

    @Test func defaultIsRawLZMA2AtPreset9() {
        #expect(CompressorSpec.default.description == "lzma:9")
        #expect(CompressorSpec.default.container == .raw)
    }

    @Test func bzip2AndZstdHaveNoOtherContainer() {
        #expect(throws: CompressorError.invalidSpecification("xz:9", reason: "zstd has its own framing and no other container")) {
            try CompressorSpec(.zstd, level: 9, container: .xz)
        }
        #expect(throws: CompressorError.self) { try CompressorSpec(.bzip2, level: 9, container: .gzip) }
    }
}
