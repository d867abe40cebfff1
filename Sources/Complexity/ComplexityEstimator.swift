public import Compressors

/// Estimates Kolmogorov complexities from code lengths: a stream codec's compressed size in
/// whole bytes, a learning codec's exact code length (``CodeLength``).
///
/// K(x) ~ C(x), K(x, y) ~ C(xy), K(y|x) ~ C(xy) - C(x) or C(y|x) primed, and the distances
/// built on them. One estimator owns one reusable ``Compressor``; make one per thread.
public struct ComplexityEstimator: ~Copyable {
    public let compressor: Compressor

    public init(_ spec: CompressorSpec = .default, verify: Bool = false) throws {
        compressor = try Compressor(spec, verify: verify)
    }

    public init(_ compressor: consuming Compressor) {
        self.compressor = compressor
    }

    public var spec: CompressorSpec { compressor.spec }

    /// K(x) ~ C(x). For a stream codec and the empty input this is the size of an empty stream
    /// (2 bytes for raw deflate, 1 for raw LZMA2), not 0; a learning codec codes it in 0 bits.
    public func complexity(of x: [UInt8]) throws -> CodeLength {
        try compressor.codeLength(of: x)
    }

    /// K(x, y) ~ C(xy) in the given order.
    public func jointComplexity(of x: [UInt8], and y: [UInt8], order: ConcatenationOrder = .xy) throws -> JointComplexity {
        let needs = order.needs
        let xy = needs.xy ? try compressor.codeLength(of: x, followedBy: y) : nil
        let yx = needs.yx ? try compressor.codeLength(of: y, followedBy: x) : nil
        return JointComplexity(
            xy: xy, yx: yx, order: order,
            bytes: order.combine(xy: xy?.bytes, yx: yx?.bytes),
            warnings: windowWarnings(order.estimates(xy: "C(xy)", yx: "C(yx)"), x.count + y.count))
    }

    /// K(y|x), by the difference C(xy) - C(x) or by compressing y primed with x.
    public func conditionalComplexity(of y: [UInt8], given x: [UInt8], method: ConditionalMethod = .difference) throws -> ConditionalComplexity {
        switch method {
        case .difference:
            let cx = try compressor.codeLength(of: x)
            let cxy = try compressor.codeLength(of: x, followedBy: y)
            return ConditionalComplexity(
                method: method, length: cxy - cx, cx: cx, cxy: cxy, cy: nil, usableBytesOfX: nil,
                warnings: windowWarnings("C(xy)", x.count + y.count))
        case .primed:
            let primed = try compressor.conditionalCodeLength(of: y, given: x)
            let cy = try compressor.codeLength(of: y)
            return ConditionalComplexity(
                method: method, length: primed.length, cx: nil, cxy: nil, cy: cy,
                usableBytesOfX: primed.usableDictionaryBytes,
                warnings: windowWarnings("C(y|x)", x.count + y.count))
        }
    }

    /// NCD and CDM between x and y in the given order; with `primed`, also the primed NCD.
    public func distance(
        between x: [UInt8], and y: [UInt8], order: ConcatenationOrder = .xy, primed: Bool = false
    ) throws -> CompressionDistance {
        let cx = try compressor.codeLength(of: x)
        let cy = try compressor.codeLength(of: y)
        let joint = try jointComplexity(of: x, and: y, order: order)
        var primedDistance: PrimedDistance?
        if primed {
            let needs = order.needs
            let cyGivenX = needs.xy ? try compressor.conditionalCodeLength(of: y, given: x).length : nil
            let cxGivenY = needs.yx ? try compressor.conditionalCodeLength(of: x, given: y).length : nil
            let viaX = cyGivenX.map { (cx + $0).bytes }
            let viaY = cxGivenY.map { (cy + $0).bytes }
            let chain = order.combine(xy: viaX, yx: viaY)
            primedDistance = PrimedDistance(
                order: order, cyGivenX: cyGivenX, cxGivenY: cxGivenY,
                ncd: Measures.ncd(cx: cx.bytes, cy: cy.bytes, cxy: chain),
                warnings: windowWarnings(order.estimates(xy: "C(y|x)", yx: "C(x|y)"), x.count + y.count))
        }
        return CompressionDistance(cx: cx, cy: cy, joint: joint, primed: primedDistance)
    }

    private func windowWarnings(_ estimate: String, _ bytes: Int) -> [WindowWarning] {
        let window = compressor.window
        guard bytes > window else { return [] }
        return [WindowWarning(estimate: estimate, compressor: spec, bytes: bytes, window: window)]
    }
}
