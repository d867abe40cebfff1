import CBzip2
import CLZMA
import CZlib
import CZstd
import Compressors
import TestSupport
import Testing

/// Kolmo's streams are the C libraries' own: checked against their one-shot functions.
@Suite(.needsCorpora) struct LibraryOracleTests {
    /// zlib's compress2: a zlib stream (2-byte header, deflate data, 4-byte Adler-32).
    static func zlibCompress2(_ input: [UInt8], level: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(compressBound(uLong(input.count))))
        var length = uLongf(output.count)
        let code = compress2(&output, &length, input, uLong(input.count), Int32(level))
        precondition(code == Z_OK)
        return Array(output.prefix(Int(length)))
    }

    /// liblzma's one-shot raw LZMA2 encoder with the preset's own dictionary.
    static func lzmaRawWithPresetDictionary(_ input: [UInt8], preset: UInt32) -> [UInt8] {
        var options = lzma_options_lzma()
        precondition(lzma_lzma_preset(&options, preset) == 0)
        var output = [UInt8](repeating: 0, count: input.count + input.count / 2 + 1024)
        var position = 0
        let code = withUnsafeMutablePointer(to: &options) { pointer in
            var filters = [
                lzma_filter(id: CLZMA_filterLZMA2(), options: UnsafeMutableRawPointer(pointer)),
                lzma_filter(id: CLZMA_vliUnknown(), options: nil),
            ]
            return lzma_raw_buffer_encode(&filters, nil, input, input.count, &output, &position, output.count)
        }
        precondition(code == LZMA_OK)
        return Array(output.prefix(position))
    }

    /// liblzma's streaming .xz encoder with CRC64, what `xz -9` and Python's lzma write.
    /// (The one-shot buffer encoder differs: it records the block's sizes in its header.)
    static func xzEasy(_ input: [UInt8], preset: UInt32) -> [UInt8] {
        var stream = lzma_stream()
        precondition(lzma_easy_encoder(&stream, preset, LZMA_CHECK_CRC64) == LZMA_OK)
        defer { lzma_end(&stream) }
        var output = [UInt8](repeating: 0, count: Int(lzma_stream_buffer_bound(input.count)))
        let written = input.withUnsafeBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = inputBuffer.count
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = outputBuffer.count
                precondition(lzma_code(&stream, LZMA_FINISH) == LZMA_STREAM_END)
                return outputBuffer.count - stream.avail_out
            }
        }
        return Array(output.prefix(written))
    }

    /// libbz2's one-shot compressor, with the default work factor as the bzip2 tool uses.
    static func bzBuffToBuffCompress(_ input: [UInt8], blockSize: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: input.count + input.count / 100 + 600)
        var length = UInt32(output.count)
        var source = input
        let code = output.withUnsafeMutableBufferPointer { target in
            source.withUnsafeMutableBufferPointer { source in
                target.withMemoryRebound(to: CChar.self) { target in
                    source.withMemoryRebound(to: CChar.self) { source in
                        BZ2_bzBuffToBuffCompress(target.baseAddress, &length, source.baseAddress, UInt32(source.count), Int32(blockSize), 0, 0)
                    }
                }
            }
        }
        precondition(code == BZ_OK)
        return Array(output.prefix(Int(length)))
    }

    /// zstd's simplest one-shot function.
    static func zstdCompress(_ input: [UInt8], level: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
        let written = ZSTD_compress(&output, output.count, input, input.count, Int32(level))
        precondition(ZSTD_isError(written) == 0)
        return Array(output.prefix(written))
    }

    /// zstd's one-shot function on an explicit context.
    static func zstdCompressCCtx(_ input: [UInt8], level: Int) -> [UInt8] {
        let context = ZSTD_createCCtx()
        defer { ZSTD_freeCCtx(context) }
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
        let written = ZSTD_compressCCtx(context, &output, output.count, input, input.count, Int32(level))
        precondition(ZSTD_isError(written) == 0)
        return Array(output.prefix(written))
    }

    /// y compressed with x referenced as a prefix, by the advanced API called directly.
    static func zstdPrimed(_ y: [UInt8], prefix x: [UInt8], level: Int, windowLog: Int) -> [UInt8] {
        let context = ZSTD_createCCtx()
        defer { ZSTD_freeCCtx(context) }
        precondition(ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, Int32(level))) == 0)
        precondition(ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, Int32(windowLog))) == 0)
        precondition(ZSTD_isError(ZSTD_CCtx_refPrefix(context, x, x.count)) == 0)
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(y.count))
        let written = ZSTD_compress2(context, &output, output.count, y, y.count)
        precondition(ZSTD_isError(written) == 0)
        return Array(output.prefix(written))
    }

    static func texts() throws -> [[UInt8]] {
        try Corpus.udhrSample.map(Corpus.bytes) + [randomBytes(count: 5000, seed: 7), []]
    }

    @Test(arguments: 1...9)
    func rawDeflateIsCompress2WithoutHeaderAndTrailer(level: Int) throws {
        let raw = try Compressor(CompressorSpec(.deflate, level: level))
        let zlib = try Compressor(CompressorSpec(.deflate, level: level, container: .zlib))
        for text in try Self.texts() {
            let reference = Self.zlibCompress2(text, level: level)
            let stream = try raw.compressed(text)
            #expect(stream == Array(reference.dropFirst(2).dropLast(4)))
            #expect(try raw.compressedSize(of: text) == reference.count - 6)
            #expect(try zlib.compressed(text) == reference)
        }
    }

    @Test func gzipIsTheRawStreamInItsTenAndEightByteFrame() throws {
        let raw = try Compressor(CompressorSpec(.deflate, level: 9))
        let gzip = try Compressor(CompressorSpec(.deflate, level: 9, container: .gzip))
        for text in try Self.texts() {
            let stream = try gzip.compressed(text)
            #expect(Array(stream.prefix(3)) == [0x1F, 0x8B, 0x08])
            #expect(Array(stream.dropFirst(10).dropLast(8)) == (try raw.compressed(text)))
            #expect(try gzip.decompressed(stream) == text)
        }
    }

    /// The dictionary sized to the input (at least 4 KiB, a power of two) gives the very
    /// stream the preset's own dictionary (up to 64 MiB) gives.
    @Test(arguments: [0, 1, 3, 4, 6, 9])
    func lzmaDictionarySizingGivesThePresetsStream(preset: Int) throws {
        let compressor = try Compressor(CompressorSpec(.lzma, level: preset))
        var inputs = Array(try Self.texts().prefix(8))
        inputs.append(try Corpus.bytes("genesis/english-kjv.txt"))
        inputs.append(randomBytes(count: 70_000, seed: 11))
        for input in inputs {
            let reference = Self.lzmaRawWithPresetDictionary(input, preset: UInt32(preset))
            #expect(try compressor.compressed(input) == reference)
        }
    }

    @Test func lzmaDictionarySizingHoldsForALargeInputAndTheExtremeFlag() throws {
        let large = try (["german", "french", "portuguese", "finnish", "swedish", "english-web"])
            .flatMap { try Corpus.bytes("genesis/\($0).txt") }
        #expect(large.count > 1_000_000)
        let nine = try Compressor(CompressorSpec(.lzma, level: 9))
        #expect(try nine.compressedSize(of: large) == Self.lzmaRawWithPresetDictionary(large, preset: 9).count)
        let extreme = try Compressor(CompressorSpec(.lzma, level: 9, extreme: true))
        for text in try Self.texts().prefix(4) {
            #expect(try extreme.compressed(text) == Self.lzmaRawWithPresetDictionary(text, preset: 9 | CLZMA_presetExtreme()))
        }
    }

    @Test(arguments: [6, 9])
    func xzContainerHasTheSizeOfLiblzmasOwnXZ(preset: Int) throws {
        let xz = try Compressor(CompressorSpec(.lzma, level: preset, container: .xz))
        for text in try Self.texts() {
            let stream = try xz.compressed(text)
            #expect(stream.count == Self.xzEasy(text, preset: UInt32(preset)).count)
            #expect(try xz.decompressed(stream) == text)
        }
    }

    @Test(arguments: 1...9)
    func bzip2IsBzBuffToBuffCompress(blockSize: Int) throws {
        let compressor = try Compressor(CompressorSpec(.bzip2, level: blockSize))
        for text in try Self.texts() {
            let reference = Self.bzBuffToBuffCompress(text, blockSize: blockSize)
            #expect(try compressor.compressed(text) == reference)
            #expect(try compressor.compressedSize(of: text) == reference.count)
        }
    }

    /// Past one block, C(xy) fed in two parts is still libbz2's stream of x + y.
    @Test func bzip2OfAConcatenationLongerThanABlock() throws {
        let x = try Corpus.bytes("genesis/english-kjv.txt")
        let y = try Corpus.bytes("genesis/german.txt")
        let compressor = try Compressor(CompressorSpec(.bzip2, level: 1))
        #expect(x.count + y.count > 2 * compressor.window)
        #expect(try compressor.compressedSize(of: x, followedBy: y) == Self.bzBuffToBuffCompress(x + y, blockSize: 1).count)
    }

    @Test(arguments: 1...22)
    func zstdIsZSTDCompressAtTheSameLevel(level: Int) throws {
        let compressor = try Compressor(CompressorSpec(.zstd, level: level))
        for text in try Self.texts().prefix(level >= 20 ? 6 : 30) {
            let reference = Self.zstdCompress(text, level: level)
            #expect(try compressor.compressed(text) == reference)
            #expect(Self.zstdCompressCCtx(text, level: level) == reference)
        }
        let x = try Corpus.bytes("udhr/eng.txt")
        let y = try Corpus.bytes("udhr/fra.txt")
        #expect(try compressor.compressedSize(of: x, followedBy: y) == Self.zstdCompress(x + y, level: level).count)
    }

    /// Above a level's window, zstd's stream of a large input is still ZSTD_compress's.
    @Test func zstdOnALargeInput() throws {
        let large = try ["german", "french", "english-kjv"].flatMap { try Corpus.bytes("genesis/\($0).txt") }
        let compressor = try Compressor(CompressorSpec(.zstd, level: 1))
        #expect(large.count > compressor.window)
        #expect(try compressor.compressed(large) == Self.zstdCompress(large, level: 1))
    }

    /// C(y|x) primed is zstd's own prefix compression with a window that holds x and y.
    @Test(arguments: [1, 3, 19])
    func zstdPrimingIsRefPrefixWithAWindowCoveringXAndY(level: Int) throws {
        let compressor = try Compressor(CompressorSpec(.zstd, level: level))
        let x = try Corpus.bytes("genesis/french.txt")
        let y = try Corpus.bytes("udhr/fra.txt")
        var windowLog = ZSTD_getCParams(Int32(level), 0, 0).windowLog
        while (1 << windowLog) < x.count + y.count { windowLog += 1 }
        let reference = Self.zstdPrimed(y, prefix: x, level: level, windowLog: Int(windowLog))
        #expect(try compressor.compressed(y, dictionary: x) == reference)
        #expect(try compressor.primedSize(of: y, dictionary: x).bytes == reference.count)
    }
}
