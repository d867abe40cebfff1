import Benchmark
import Complexity
import Compressors
import Foundation

/// The kernels every Kolmo command is made of, on one UDHR text (eng.txt, 12,330 bytes) and
/// its French translation: C(x), C(xy) fed as two parts, C(xy) continuing x's stream (deflate's
/// state reuse), C(y|x) primed, one matrix row (eng against 20 UDHR texts), 100 snippets of the
/// French primed with eng (each primed, or primed once), the cost of building a compressor,
/// which reuse saves, and decompressing x. Every codec: deflate, LZMA2, bzip2 and zstd.
let benchmarks: @Sendable () -> Void = {
    let corpora = ProcessInfo.processInfo.environment["KOLMO_CORPORA"] ?? "../../shared/corpora"
    guard let x = FileManager.default.contents(atPath: "\(corpora)/udhr/eng.txt").map([UInt8].init),
          let y = FileManager.default.contents(atPath: "\(corpora)/udhr/fra.txt").map([UInt8].init)
    else {
        fatalError("corpora not found at \(corpora): set KOLMO_CORPORA to the shared/corpora folder")
    }
    let row = ["eng", "fra", "deu_1996", "spa", "ita", "nld", "dan", "fin", "hun", "tur",
               "rus", "pol", "ces", "por_PT", "swe", "cat", "lit", "lav", "est", "ron_2006"].map { name in
        FileManager.default.contents(atPath: "\(corpora)/udhr/\(name).txt").map([UInt8].init) ?? []
    }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(2))

    for name in ["deflate:9", "lzma:9", "lzma:6", "bzip2:9", "zstd:19", "zstd:3"] {
        let spec = try! CompressorSpec(parsing: name)
        Benchmark("C(x) \(name)") { benchmark in
            let compressor = try Compressor(spec)
            for _ in benchmark.scaledIterations { blackHole(try compressor.compressedSize(of: x)) }
        }
        Benchmark("C(xy) \(name)") { benchmark in
            let compressor = try Compressor(spec)
            for _ in benchmark.scaledIterations { blackHole(try compressor.compressedSize(of: x, followedBy: y)) }
        }
        Benchmark("C(xy) continuing x's stream \(name)") { benchmark in
            let compressor = try Compressor(spec)
            for _ in benchmark.scaledIterations { blackHole(try compressor.compressedSizes(of: x, followedByEach: [y])) }
        }
        Benchmark("one matrix row, 20 texts \(name)") { benchmark in
            let compressor = try Compressor(spec)
            for _ in benchmark.scaledIterations { blackHole(try compressor.compressedSizes(of: x, followedByEach: row)) }
        }
        // bzip2 has no preset dictionary.
        if spec.algorithm != .bzip2 {
            Benchmark("C(y|x) primed \(name)") { benchmark in
                let compressor = try Compressor(spec)
                for _ in benchmark.scaledIterations { blackHole(try compressor.primedSize(of: y, dictionary: x)) }
            }
        }
        Benchmark("decompress x \(name)") { benchmark in
            let compressor = try Compressor(spec)
            let stream = try compressor.compressed(x)
            // Only the decompressions are measured, not the setup above.
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try compressor.decompressed(stream, originalCount: x.count)) }
        }
        // kolmo classify --method class: 100 snippets of 100 bytes given one class text.
        let snippets = stride(from: 0, to: 10_000, by: 100).map { Array(y[$0 ..< $0 + 100]) }
        if spec.algorithm != .bzip2 {
            Benchmark("100 snippets primed with one text, each primed \(name)") { benchmark in
                let compressor = try Compressor(spec)
                for _ in benchmark.scaledIterations { blackHole(try snippets.map { try compressor.primedSize(of: $0, dictionary: x).bytes }) }
            }
            Benchmark("100 snippets primed with one text, primed once \(name)") { benchmark in
                let compressor = try Compressor(spec)
                for _ in benchmark.scaledIterations { blackHole(try compressor.primedSizes(ofEach: snippets, dictionary: x)) }
            }
        }
        Benchmark("C(x) \(name), new compressor each time") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try Compressor(spec).compressedSize(of: x)) }
        }
    }
}
