/// Which concatenation estimates the joint complexity K(x, y).
///
/// A real compressor is not symmetric: C(xy) and C(yx) differ by a few bytes, so NCD(x, y)
/// and NCD(y, x) differ too. `min` and `mean` combine both orders into a symmetric estimate.
public enum ConcatenationOrder: String, Sendable, CaseIterable {
    /// C(xy): x first, then y. CompLearn's choice.
    case xy
    /// C(yx): y first, then x.
    case yx
    /// min(C(xy), C(yx)): the better of both orders, the tighter upper bound on K(x, y).
    case min
    /// (C(xy) + C(yx)) / 2.
    case mean

    /// Whether the estimate needs C(xy), and whether it needs C(yx).
    public var needs: (xy: Bool, yx: Bool) {
        switch self {
        case .xy: (true, false)
        case .yx: (false, true)
        case .min, .mean: (true, true)
        }
    }

    /// The estimates this order uses, named from `xy` and `yx` (e.g. "C(xy)" and "C(yx)").
    func estimates(xy: String, yx: String) -> String {
        switch self {
        case .xy: xy
        case .yx: yx
        case .min, .mean: "\(xy), \(yx)"
        }
    }

    /// Combines the two orders' values; the caller computed those ``needs`` asks for.
    package func combine(xy: Double?, yx: Double?) -> Double {
        switch (self, xy, yx) {
        case (.xy, let xy?, _): xy
        case (.yx, _, let yx?): yx
        case (.min, let xy?, let yx?): Swift.min(xy, yx)
        case (.mean, let xy?, let yx?): (xy + yx) / 2
        default: preconditionFailure("the order \(rawValue) needs \(estimates(xy: "C(xy)", yx: "C(yx)"))")
        }
    }
}
