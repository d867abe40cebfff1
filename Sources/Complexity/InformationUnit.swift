/// The unit sizes are reported in. Estimates are computed in bytes; bits are 8 times as many.
public enum InformationUnit: String, Sendable, CaseIterable {
    case bytes
    case bits

    /// `bytes` expressed in this unit.
    public func amount(ofBytes bytes: Double) -> Double {
        self == .bits ? bytes * 8 : bytes
    }
}
