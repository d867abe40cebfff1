import Complexity
import Compressors
import Foundation
import TestSupport
import Testing

let python3: URL? = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
    .map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// Python's zlib and lzma modules bind the same C libraries by another route: raw deflate
/// (`compressobj(9, DEFLATED, -15)`) and raw LZMA2 (`FORMAT_RAW`, preset 9) must give exactly
/// Kolmo's sizes and therefore the same NCD, double for double. Python prints each double in
/// hexadecimal, which both languages read back exactly.
@Suite(.needsCorpora, .enabled(if: python3 != nil, "python3 is not on PATH"))
struct PythonCrossCheckTests {
    static let files = ["eng", "fra", "deu_1996", "cmn_hans", "rus", "fin"].map { Corpus.url("udhr/\($0).txt").path }

    static let script = """
        import sys, zlib, lzma
        def deflate(b, zdict=None):
            c = zlib.compressobj(9, zlib.DEFLATED, -15, **({'zdict': zdict} if zdict else {}))
            return len(c.compress(b) + c.flush())
        def lzma9(b):
            return len(lzma.compress(b, format=lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA2, 'preset': 9}]))
        data = [open(p, 'rb').read() for p in sys.argv[1:]]
        for name, c in (('deflate:9', deflate), ('lzma:9', lzma9)):
            sizes = [c(x) for x in data]
            for i, (x, cx) in enumerate(zip(data, sizes)):
                for j, (y, cy) in enumerate(zip(data, sizes)):
                    print(name, i, j, ((c(x + y) - min(cx, cy)) / max(cx, cy)).hex())
        for i, x in enumerate(data):
            for j, y in enumerate(data):
                print('primed', i, j, float(deflate(y, x)).hex())
        """

    @Test func ncdEqualsPythonsForDeflateAndLZMA() throws {
        let result = try run(python3!, ["-c", Self.script] + Self.files)
        #expect(result.status == 0, "\(result.standardError)")
        var decoded: [String: [[Double]]] = [:]
        for line in result.standardOutput.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            let (i, j) = (Int(fields[1])!, Int(fields[2])!)
            decoded[fields[0], default: Array(repeating: Array(repeating: .nan, count: Self.files.count), count: Self.files.count)][i][j] = Double(fields[3])!
        }
        #expect(decoded.count == 3)
        let texts = try Self.files.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
        for name in ["deflate:9", "lzma:9"] {
            let estimator = try ComplexityEstimator(CompressorSpec(parsing: name))
            for (i, x) in texts.enumerated() {
                for (j, y) in texts.enumerated() {
                    #expect(try estimator.distance(between: x, and: y).ncd == decoded[name]![i][j], "\(name) \(i) \(j)")
                }
            }
        }
        let deflate = try Compressor(CompressorSpec(parsing: "deflate:9"))
        for (i, x) in texts.enumerated() {
            for (j, y) in texts.enumerated() {
                #expect(Double(try deflate.primedSize(of: y, dictionary: x).bytes) == decoded["primed"]![i][j])
            }
        }
    }
}
