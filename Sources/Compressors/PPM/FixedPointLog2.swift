/// Base-2 logarithms in fixed point with 24 fractional bits (1 unit = 2^-24 bit), computed with
/// integers only so that every code length is the same on every machine.
///
/// `log2(n)` for `n` in 1..<2^32 splits n into its exponent and the 12 bits below the leading one,
/// reads the logarithm of that mantissa from a table of 4097 entries and interpolates linearly
/// with the next 19 bits.
///
/// Error bound: each table entry is log2(1 + i/4096) correctly rounded to 2^-24 (error <= 0.5 unit);
/// linear interpolation of the concave log2 between points 2^-12 apart errs by at most
/// (2^-12)^2 / (8 ln 2) bit = 0.18 unit; the interpolation product is truncated (< 1 unit). So
/// |log2(n) - exact| < 1.7 units, and the cost of one coded event, log2(total) - log2(size),
/// errs by less than 3.4 units = 2^-22.2 bit. For n < 2^13 no interpolation happens and the error
/// is at most 0.5 unit. PPM's totals stay below 2^16, so at most 4 interpolated bits are used.
enum FixedPointLog2 {
    static let fractionalBits = 24
    static let tableBits = 12

    /// `round(2^24 * log2(1 + i / 4096))` for i in 0...4096.
    static let table: [UInt32] = (0...(1 << tableBits)).map { mantissaLog2(UInt64(1 << tableBits + $0)) }

    /// log2(m / 4096) for m in 4096...8192, by repeated squaring (one result bit per squaring),
    /// 32 bits computed and rounded to 24.
    private static func mantissaLog2(_ m: UInt64) -> UInt32 {
        // x in [1, 2] held with 62 fractional bits.
        var x = m << (62 - tableBits)
        let one: UInt64 = 1 << 62
        if x >= 2 * one { return 1 << fractionalBits }
        var bits: UInt64 = 0
        for _ in 0..<32 {
            let square = x.multipliedFullWidth(by: x)
            // (x * x) >> 62, with x < 2^63 so the square is below 2^126.
            x = square.high << 2 | square.low >> 62
            bits <<= 1
            if x >= 2 * one {
                bits |= 1
                x >>= 1
            }
        }
        return UInt32((bits + (1 << 7)) >> 8)
    }

    /// log2(n) * 2^24 for n >= 1, read from `table` (pass `table`'s storage).
    @inline(__always)
    static func log2(_ n: UInt32, _ table: UnsafePointer<UInt32>) -> UInt32 {
        let shift = UInt32(truncatingIfNeeded: n.leadingZeroBitCount)
        let m = n &<< shift
        let index = Int(truncatingIfNeeded: (m &>> 19) & 0xFFF)
        let fraction = UInt64(m & 0x7FFFF)
        let low = table[index]
        let step = UInt64(table[index &+ 1] &- low)
        let interpolated = UInt32(truncatingIfNeeded: (step &* fraction) &>> 19)
        return ((31 &- shift) &<< 24) &+ low &+ interpolated
    }
}
