import Complexity
import Foundation

/// What says that y translates x, from code lengths in bytes (whole for stream codecs, exact for
/// learning codecs). Each score has a natural
/// value (printed) and a cost (value with the sign that makes lower mean more likely a pair).
public enum PairingScore: String, Sendable, CaseIterable, Hashable {
    /// NCD(x, y), with the concatenation order given: lower is closer.
    case ncd
    /// Shared information C(x) + C(y) - C(xy): higher is closer.
    case mutual
    /// C(y) - C(y|x), y compressed by a compressor primed with x: higher is closer.
    case conditional
    /// The length baseline |log(|x| / |y|)|: no compression at all; lower is closer.
    case length

    /// The pairwise sizes this score needs with `order`.
    public func quantities(order: ConcatenationOrder) -> PairwiseQuantities {
        switch self {
        case .ncd, .mutual:
            let needs = order.needs
            return PairwiseQuantities().union(needs.xy ? .joint : []).union(needs.yx ? .reverseJoint : [])
        case .conditional: return .primed
        case .length: return []
        }
    }

    /// Whether a larger value means a likelier pair.
    public var higherIsCloser: Bool { self == .mutual || self == .conditional }

    /// The score of every pair (x_r, y_c), row-major.
    public func values(_ sizes: PairwiseSizes, order: ConcatenationOrder, rowLengths: [Int], columnLengths: [Int]) -> [Double] {
        let n = sizes.columns
        return (0..<(sizes.rows * n)).map { index in
            let (r, c) = index.quotientAndRemainder(dividingBy: n)
            let cx = sizes.rowComplexities[r].bytes, cy = sizes.columnComplexities[c].bytes
            func joint() -> Double {
                order.combine(xy: sizes.joint?[index].bytes, yx: sizes.reverseJoint?[index].bytes)
            }
            switch self {
            case .ncd: return Measures.ncd(cx: cx, cy: cy, cxy: joint())
            case .mutual: return cx + cy - joint()
            case .conditional: return cy - (sizes.primed?[index].bytes ?? cy)
            case .length: return abs(log(Double(rowLengths[r]) / Double(columnLengths[c])))
            }
        }
    }

    /// Values turned into costs: negated where higher is closer.
    public func costs(_ values: [Double]) -> [Double] {
        higherIsCloser ? values.map { -$0 } : values
    }
}
