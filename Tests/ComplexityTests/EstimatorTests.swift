import Complexity
import Compressors
import TestSupport
import Testing

@Suite(.needsCorpora) struct EstimatorTests {
    static let x = try! Corpus.bytes("udhr/eng.txt")
    static let y = try! Corpus.bytes("udhr/fra.txt")

    @Test(arguments: ["deflate:9", "lzma:9"])
    func ordersCombineBothConcatenations(text: String) throws {
        let estimator = try ComplexityEstimator(CompressorSpec(parsing: text))
        let compressor = try Compressor(CompressorSpec(parsing: text))
        let xy = try compressor.compressedSize(of: Self.x + Self.y)
        let yx = try compressor.compressedSize(of: Self.y + Self.x)
        #expect(xy != yx, "the test needs a pair whose orders differ")
        #expect(try estimator.jointComplexity(of: Self.x, and: Self.y, order: .xy).bytes == Double(xy))
        #expect(try estimator.jointComplexity(of: Self.x, and: Self.y, order: .yx).bytes == Double(yx))
        #expect(try estimator.jointComplexity(of: Self.x, and: Self.y, order: .min).bytes == Double(min(xy, yx)))
        #expect(try estimator.jointComplexity(of: Self.x, and: Self.y, order: .mean).bytes == Double(xy + yx) / 2)
        let joint = try estimator.jointComplexity(of: Self.x, and: Self.y, order: .xy)
        #expect(joint.xy == CodeLength(bytes: xy) && joint.yx == nil)
    }

    @Test(arguments: ConcatenationOrder.allCases)
    func distanceIsTheFormulaOnTheSizes(order: ConcatenationOrder) throws {
        let estimator = try ComplexityEstimator(CompressorSpec(parsing: "lzma:9"))
        let d = try estimator.distance(between: Self.x, and: Self.y, order: order, primed: true)
        #expect(d.cx == (try estimator.complexity(of: Self.x)))
        #expect(d.cy == (try estimator.complexity(of: Self.y)))
        let (cx, cy) = (d.cx.bytes, d.cy.bytes)
        #expect(d.ncd == (d.joint.bytes - min(cx, cy)) / max(cx, cy))
        #expect(d.cdm == d.joint.bytes / (cx + cy))
        let p = try #require(d.primed)
        let viaX = p.cyGivenX.map { (d.cx + $0).bytes }
        let viaY = p.cxGivenY.map { (d.cy + $0).bytes }
        let chain: Double = switch order {
        case .xy: viaX!
        case .yx: viaY!
        case .min: min(viaX!, viaY!)
        case .mean: (viaX! + viaY!) / 2
        }
        #expect(p.ncd == Measures.ncd(cx: cx, cy: cy, cxy: chain))
    }

    @Test(arguments: ["deflate:9", "lzma:9"])
    func conditionalByDifferenceAndByPriming(text: String) throws {
        let spec = try CompressorSpec(parsing: text)
        let estimator = try ComplexityEstimator(spec)
        let compressor = try Compressor(spec)
        let difference = try estimator.conditionalComplexity(of: Self.y, given: Self.x, method: .difference)
        #expect(difference.cx == CodeLength(bytes: try compressor.compressedSize(of: Self.x)))
        #expect(difference.cxy == CodeLength(bytes: try compressor.compressedSize(of: Self.x + Self.y)))
        #expect(difference.length == difference.cxy! - difference.cx!)
        let primed = try estimator.conditionalComplexity(of: Self.y, given: Self.x, method: .primed)
        #expect(primed.length == CodeLength(bytes: try compressor.primedSize(of: Self.y, dictionary: Self.x).bytes))
        #expect(primed.cy == CodeLength(bytes: try compressor.compressedSize(of: Self.y)))
        #expect(primed.usableBytesOfX == Self.x.count)
        // A translation tells something about the text: both estimates are below C(y).
        #expect(difference.length < primed.cy!)
        #expect(primed.length < primed.cy!)
    }

    @Test func emptyInputsHaveTheEmptyStreamsSizeAndDistanceZero() throws {
        for (text, empty) in [("deflate:9", 2), ("lzma:9", 1), ("gzip:9", 20)] {
            let estimator = try ComplexityEstimator(CompressorSpec(parsing: text))
            #expect(try estimator.complexity(of: []) == CodeLength(bytes: empty))
            let d = try estimator.distance(between: [], and: [], order: .min)
            #expect(d.ncd == 0)
            #expect(d.cdm == 0.5)
            let toText = try estimator.distance(between: [], and: Self.x)
            #expect(toText.ncd > 0.99 && toText.ncd <= 1)
        }
    }

    @Test func windowWarningFiresFor100KiBWithDeflateAndNotWithLZMA() throws {
        let x = Array(try Corpus.bytes("genesis/english-kjv.txt").prefix(100 * 1024))
        let y = Self.y
        let deflate = try ComplexityEstimator(CompressorSpec(parsing: "deflate:9"))
        let warnings = try deflate.distance(between: x, and: y, primed: true).warnings
        #expect(warnings.count == 2)
        #expect(warnings.first?.bytes == x.count + y.count)
        #expect(warnings.first?.window == 32_506)
        #expect(warnings.first?.description.contains("deflate:9 sees only 32506 bytes back") == true)
        #expect(try deflate.conditionalComplexity(of: y, given: x, method: .primed).warnings.count == 1)
        #expect(try deflate.conditionalComplexity(of: y, given: x).warnings.count == 1)
        let lzma = try ComplexityEstimator(CompressorSpec(parsing: "lzma:9"))
        #expect(try lzma.distance(between: x, and: y, order: .min, primed: true).warnings.isEmpty)
        // Inside deflate's window there is nothing to warn about.
        #expect(try deflate.distance(between: Self.x, and: Self.y).warnings.isEmpty)
    }

    @Test func lzmaPresetZeroWarnsPastIts256KiBDictionary() throws {
        let large = try Corpus.bytes("genesis/german.txt") + Corpus.bytes("genesis/french.txt")
        let estimator = try ComplexityEstimator(CompressorSpec(parsing: "lzma:0"))
        #expect(try estimator.jointComplexity(of: large, and: Self.x).warnings.first?.window == 256 * 1024)
    }
}
