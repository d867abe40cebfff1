/// The length of a code, the estimate of a complexity: exact for the learning codecs (`ppm`, `cm`),
/// which know the code length of every symbol they predict, and whole bytes for the stream
/// codecs (deflate, lzma, bzip2, zstd), which only know the size of the stream they wrote.
///
/// It is kept in fixed point, 1 unit = 2^-24 bit, as an integer: sums and differences are exact,
/// so the chain rule C(xy) = C(x) + C(y|x) of a sequential model holds to the bit, and every figure
/// is the same on every machine. A byte is 8 × 2^24 units. As a `Double`, ``bits`` is exact up to
/// 2^29 bits (64 MiB of code), and scaling by powers of two never changes a ratio such as NCD, so a
/// stream codec's NCD computed in bits is the one computed in bytes, to the last bit.
public struct CodeLength: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// Units per bit: 2^24.
    public static let unitsPerBit: Int64 = 1 << 24

    /// The length in units of 2^-24 bit; negative only for a difference such as C(xy) - C(x).
    public let units: Int64

    public init(units: Int64) {
        self.units = units
    }

    /// `bytes` whole bytes: a stream codec's output size.
    public init(bytes: Int) {
        units = Int64(bytes) * 8 * Self.unitsPerBit
    }

    public static let zero = CodeLength(units: 0)

    /// The length in bits (fractional for a learning codec).
    public var bits: Double { Double(units) * 0x1p-24 }

    /// The length in bytes: bits / 8 (fractional for a learning codec).
    public var bytes: Double { Double(units) * 0x1p-27 }

    /// Whether the length is a whole number of bytes, as every stream codec's is.
    public var isWholeBytes: Bool { units % (8 * Self.unitsPerBit) == 0 }

    public static func + (a: CodeLength, b: CodeLength) -> CodeLength { CodeLength(units: a.units + b.units) }
    public static func - (a: CodeLength, b: CodeLength) -> CodeLength { CodeLength(units: a.units - b.units) }
    public static func < (a: CodeLength, b: CodeLength) -> Bool { a.units < b.units }

    /// `12 bytes` for a whole number of bytes, `97.3515625 bits` otherwise.
    public var description: String {
        isWholeBytes ? "\(units / (8 * Self.unitsPerBit)) bytes" : "\(bits) bits"
    }
}
