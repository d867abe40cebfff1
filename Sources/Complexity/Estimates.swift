public import Compressors

/// K(x, y) ~ C(xy), with the concatenations it came from.
public struct JointComplexity: Hashable, Sendable {
    /// C(xy), if the order needed it.
    public let xy: CodeLength?
    /// C(yx), if the order needed it.
    public let yx: CodeLength?
    public let order: ConcatenationOrder
    /// The estimate in bytes: C(xy), C(yx), their minimum or their mean (for a stream codec a
    /// whole number, or for the mean one that may end in .5; fractional for a learning codec).
    public let bytes: Double
    public let warnings: [WindowWarning]
}

/// How K(y|x) is estimated.
public enum ConditionalMethod: String, Sendable, CaseIterable {
    /// C(xy) - C(x): what y costs after x in one stream.
    case difference
    /// C(y|x) measured directly: y compressed by a compressor primed with x as preset dictionary,
    /// or coded by a learning codec after it learnt x (for which both methods agree to the bit).
    case primed
}

/// K(y|x), with the pieces it was computed from.
public struct ConditionalComplexity: Hashable, Sendable {
    public let method: ConditionalMethod
    /// The estimate of K(y|x).
    public let length: CodeLength
    /// C(x) (difference method).
    public let cx: CodeLength?
    /// C(xy) (difference method).
    public let cxy: CodeLength?
    /// C(y), for comparison (primed method): C(y) - C(y|x) is what x tells about y.
    public let cy: CodeLength?
    /// How many bytes at the end of x the primed compressor could reach (primed method).
    public let usableBytesOfX: Int?
    public let warnings: [WindowWarning]
}

/// The distances between two inputs, with every size they came from.
public struct CompressionDistance: Hashable, Sendable {
    /// C(x).
    public let cx: CodeLength
    /// C(y).
    public let cy: CodeLength
    /// The joint complexity in the chosen order.
    public let joint: JointComplexity
    /// ``Measures/ncd(cx:cy:cxy:)``.
    public var ncd: Double { Measures.ncd(cx: cx.bytes, cy: cy.bytes, cxy: joint.bytes) }
    /// ``Measures/cdm(cx:cy:cxy:)``.
    public var cdm: Double { Measures.cdm(cx: cx.bytes, cy: cy.bytes, cxy: joint.bytes) }
    /// The primed estimate, when it was asked for.
    public let primed: PrimedDistance?
    public var warnings: [WindowWarning] { joint.warnings + (primed?.warnings ?? []) }
}

/// ``Measures/primedNCD(cx:cy:cyGivenX:)`` in the chosen order, with C(y|x) and C(x|y).
public struct PrimedDistance: Hashable, Sendable {
    public let order: ConcatenationOrder
    /// C(y|x) primed, if the order needed it.
    public let cyGivenX: CodeLength?
    /// C(x|y) primed, if the order needed it.
    public let cxGivenY: CodeLength?
    /// The primed NCD: C(x) + C(y|x) stands for C(xy), and C(y) + C(x|y) for C(yx).
    public let ncd: Double
    public let warnings: [WindowWarning]
}

/// Raised when two inputs together are longer than the compressor can see, so that the
/// end of the second cannot refer to the start of the first and the estimate is too high.
public struct WindowWarning: Hashable, Sendable, CustomStringConvertible {
    /// What was being estimated, e.g. "C(xy)" or "C(y|x)".
    public let estimate: String
    public let compressor: CompressorSpec
    /// |x| + |y| in bytes.
    public let bytes: Int
    /// How far back the compressor's matches reach, in bytes.
    public let window: Int

    public var description: String {
        guard !compressor.algorithm.learns else {
            return "\(estimate): the inputs total \(bytes) bytes but \(compressor) holds only about \(window) bytes "
                + "before its memory fills and it starts again, forgetting what came before; give it more memory"
        }
        return "\(estimate): the inputs total \(bytes) bytes but \(compressor) sees only \(window) bytes back, "
            + "so it misses what they share beyond that; use lzma for long inputs"
    }
}
