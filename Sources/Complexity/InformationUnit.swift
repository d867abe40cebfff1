public import Compressors

/// The unit sizes are reported in: bytes (whole for stream codecs, fractional for learning codecs,
/// whose code lengths are exact) or bits, 8 times as many.
public enum InformationUnit: String, Sendable, CaseIterable {
    case bytes
    case bits

    /// `length` in this unit.
    public func amount(of length: CodeLength) -> Double {
        self == .bits ? length.bits : length.bytes
    }

    /// `bytes` expressed in this unit.
    public func amount(ofBytes bytes: Double) -> Double {
        self == .bits ? bytes * 8 : bytes
    }
}
