@testable import Benchmarking
import Clustering
import Complexity
import Compressors
import TestSupport
import Testing

@Suite struct TimingTests {
    @Test func warmsUpOnceThenRunsAtLeastTheMinimum() {
        var calls = 0
        let timing = Timing.measure(minimumRuns: 5, minimumSeconds: 0) { calls += 1 }
        #expect(calls == 6)
        #expect(timing.runs == 5)
        #expect(timing.minimumWall <= timing.medianWall)
        #expect(timing.minimumCPU <= timing.medianCPU)
    }

    @Test func speedIsMegabytesPerSecond() {
        let timing = Timing(runs: 3, minimumWall: 0.5, medianWall: 2, minimumCPU: 0.25, medianCPU: 1)
        let speed = Speed(bytes: 3_000_000, timing)
        #expect(speed.best == 6)
        #expect(speed.median == 1.5)
        #expect(speed.bestCPU == 12)
        #expect(speed.medianCPU == 3)
    }
}

@Suite(.needsCorpora) struct EstimateQualityTests {
    static func genesis() throws -> [[UInt8]] {
        try ["english-kjv", "french"].map { try Corpus.bytes("genesis/\($0).txt") }
    }

    /// Deflate cannot reach back 32 KiB: from a 32 KiB prefix on, the second copy of p finds
    /// nothing of the first and NCD(p, p) is near 1. LZMA2's dictionary holds both copies.
    @Test func deflatesCurveRisesPast32KiBAndLZMAsDoesNot() throws {
        let sizes = CodecBenchmark(largestPrefix: 128 << 10).prefixSizes(available: 1 << 30)
        #expect(sizes == [1, 2, 4, 8, 16, 32, 64, 128].map { $0 << 10 })
        let files = try Self.genesis()
        let deflate = try EstimateQuality(CompressorSpec(parsing: "deflate:9"), files: files, labels: nil, prefixSizes: sizes)
        let lzma = try EstimateQuality(CompressorSpec(parsing: "lzma:9"), files: files, labels: nil, prefixSizes: sizes)
        for point in deflate.curve {
            if point.bytes <= 16 << 10 { #expect(point.ncd < 0.1, "\(point)") } else { #expect(point.ncd > 0.8, "\(point)") }
        }
        #expect(deflate.curveBreak() == 32 << 10)
        #expect(lzma.curve.allSatisfy { $0.ncd < 0.05 }, "\(lzma.curve)")
        #expect(lzma.curveBreak() == nil)
        // Genesis is over 32 KiB: deflate cannot see one copy from the other.
        #expect(deflate.selfDistances.allSatisfy { $0 > 0.8 })
        #expect(lzma.selfDistances.allSatisfy { $0 < 0.01 })
    }

    /// The pair figures are the definitions applied to sizes computed one by one.
    @Test(arguments: ["deflate:9", "bzip2:9", "zstd:19"])
    func pairFiguresAreTheirDefinitions(text: String) throws {
        let spec = try CompressorSpec(parsing: text)
        let files = try ["eng", "fra", "deu_1996", "rus"].map { try Corpus.bytes("udhr/\($0).txt") } + [[]]
        let quality = try EstimateQuality(spec, files: files, labels: nil, prefixSizes: [])
        let compressor = try Compressor(spec)
        let c = try files.map { try compressor.compressedSize(of: $0) }
        var gaps: [Double] = []
        var below = 0
        for i in files.indices {
            for j in files.indices where j > i {
                let xy = try compressor.compressedSize(of: files[i], followedBy: files[j])
                let yx = try compressor.compressedSize(of: files[j], followedBy: files[i])
                gaps.append(Double(abs(xy - yx)) / Double(xy))
                below += (xy < max(c[i], c[j]) ? 1 : 0) + (yx < max(c[i], c[j]) ? 1 : 0)
            }
        }
        #expect(quality.pairs == 10)
        #expect(quality.meanSymmetryGap == gaps.reduce(0, +) / 10)
        #expect(quality.maximumSymmetryGap == gaps.max())
        #expect(quality.concatenationsBelowMaximum == below)
        #expect(quality.selfDistances.count == 5)
    }

    /// The clustering score is `kolmo tree`'s evaluation of the average-linkage tree of the
    /// NCD matrix that DistanceMatrixBuilder computes.
    @Test func adjustedRandIndexIsTheEvaluationOfTheAverageLinkageTree() throws {
        let names = ["fra", "spa", "ita", "por_PT", "deu_1996", "nld", "dan", "nob", "rus", "ukr"]
        let labels = ["romance", "romance", "romance", "romance", "germanic", "germanic", "germanic", "germanic", "slavic", "slavic"]
        let files = try names.map { try Corpus.bytes("udhr/\($0).txt") }
        let spec = try CompressorSpec(parsing: "zstd:19")
        let quality = try EstimateQuality(spec, files: files, labels: labels, prefixSizes: [])
        let matrix = try DistanceMatrixBuilder(compressor: spec).matrix(rows: files).matrix
        let rows = (0..<matrix.rows).map { Array(matrix.row($0)) }
        let tree = Tree.linkage(Distances(rows), method: .average).tree
        #expect(quality.adjustedRandIndex == Evaluation(tree: tree, labels: labels).adjustedRandIndex)
        #expect(quality.adjustedRandIndex! > 0.5)
    }
}

@Suite(.needsCorpora) struct CodecBenchmarkTests {
    @Test(arguments: ["deflate:6", "lzma:6", "bzip2:9", "zstd:3", "xz:6"])
    func reportsSizesMemoryAndARoundTrip(text: String) throws {
        let spec = try CompressorSpec(parsing: text)
        let files = try ["eng", "fra", "cmn_hans"].map { try Corpus.bytes("udhr/\($0).txt") }
        let report = try CodecBenchmark(minimumRuns: 2, minimumSeconds: 0, largestPrefix: 16 << 10).measure(spec, files: files)
        let compressor = try Compressor(spec)
        #expect(report.inputBytes == files.reduce(0) { $0 + $1.count })
        #expect(report.compressedBytes == (try files.reduce(0) { $0 + (try compressor.compressedSize(of: $1)) }))
        #expect(abs(report.bitsPerByte * report.ratio - 8) < 1e-12)
        #expect(report.roundTrip)
        #expect(report.compression.runs == 2 && report.decompression.runs == 2)
        #expect(report.compression.best >= report.compression.median)
        #expect(report.quality.curve.map(\.bytes) == [1 << 10, 2 << 10, 4 << 10, 8 << 10, 16 << 10])
        // The peaks are those a fresh compressor reaches on the largest file.
        let largest = files.max { $0.count < $1.count }!
        let fresh = try Compressor(spec)
        _ = try fresh.decompressed(fresh.compressed(largest), originalCount: largest.count)
        #expect(report.compressionMemory >= fresh.encoderAllocations.peakBytes)
        #expect(report.decompressionMemory == fresh.decoderAllocations.peakBytes)
    }
}

@Suite struct CompressorListTests {
    @Test func allIsEveryLevelOfEveryCodec() throws {
        let all = try CodecBenchmark.compressors(parsing: "all")
        #expect(all.count == 9 + 10 + 9 + 22 + 15 + 9)
        #expect(Set(all).count == all.count)
        #expect(all.first?.description == "deflate:1" && all.last?.description == "cm:9")
        #expect(try CodecBenchmark.compressors(parsing: "deflate:9, zstd, ppm").map(\.description) == ["deflate:9", "zstd:19", "ppm:6"])
        #expect(CodecBenchmark.defaultCompressors.count == 17)
    }

    @Test(arguments: [
        ("", "expected a comma-separated list"),
        ("lzma:9,", "expected a comma-separated list"),
        ("lzma:9,lzma", "lzma:9 is named twice"),
        ("zstd:0", "zstd levels are 1 to 22"),
    ])
    func badListsAreRefusedWithTheirReason(text: String, reason: String) {
        #expect {
            try CodecBenchmark.compressors(parsing: text)
        } throws: { error in
            String(describing: error).contains(reason)
        }
    }
}

@Suite struct CurveBreakTests {
    static func curve(_ values: [Double]) -> [CurvePoint] {
        values.enumerated().map { CurvePoint(bytes: 1024 << $0.offset, ncd: $0.element) }
    }

    /// A stream codec's curve starts near 0: it breaks at the first prefix above 0.5. A learning
    /// codec's starts high (ppm:4's NCD(x,x) is about 0.4): it breaks where it climbs 0.25 above
    /// its least, not at its first point.
    @Test func breaksAreRisesAboveTheLeastSoFar() {
        #expect(EstimateQuality.curveBreak(of: Self.curve([0.03, 0.04, 0.9, 1.0]), above: 0.5, rise: 0.25) == 4096)
        #expect(EstimateQuality.curveBreak(of: Self.curve([0.23, 0.22, 0.26, 0.55]), above: 0.5, rise: 0.25) == 8192)
        #expect(EstimateQuality.curveBreak(of: Self.curve([0.38, 0.48, 0.58, 0.67, 0.55]), above: 0.5, rise: 0.25) == 8192)
        #expect(EstimateQuality.curveBreak(of: Self.curve([0.23, 0.28, 0.34, 0.42]), above: 0.5, rise: 0.25) == nil)
        #expect(EstimateQuality.curveBreak(of: [], above: 0.5, rise: 0.25) == nil)
    }
}
