/// The logistic domain of the model, built with integer arithmetic only (no libm), so every
/// table, and so every code length, is the same on every machine.
///
/// - `squash(x)`: for a logit `x/256` with `x` in -2047...2047, P(1) = 1/(1 + e^(-x/256)) in
///   units of 2^-16, rounded to nearest and kept in 1...65535.
/// - `stretch(p)`: the inverse for a 12-bit probability `p` in 0...4095 (the middle of its
///   bucket, (p + 1/2)/4096): the `x` whose `squash` is nearest, so stretch(squash(x)) is close to x.
/// - `cost(p)`: -log2(p/4096) in units of 2^-24 bit, for a 12-bit probability p in 1...4095.
///
/// Precision of `cost`: the fractional part of log2 is computed to 32 bits by repeated squaring in
/// 62-bit fixed point (each of the 32 squarings truncates by under 2^-62, which grows by at most
/// 2^32 by the last bit: far below 2^-32), then rounded to 24 bits, so each entry is within
/// 2^-25 + 2^-32 bit of the exact value. A code length summed over n bits is within n * 2^-25 bits
/// of the exact sum for the probabilities used (n = 1.6 million bits: under 0.05 bit).
struct CMLogistic: Sendable {
    /// `squash` for x + 2047, x in -2047...2047.
    let squash: [UInt16]
    /// `stretch` for a 12-bit probability.
    let stretch: [Int16]
    /// `cost` for a 12-bit probability; entry 0 repeats entry 1 and is never used.
    let cost: [UInt32]

    static let shared = CMLogistic()

    static let logitLimit = 2047

    init() {
        let limit = Self.logitLimit
        // e^(-1/256) in Q62 from its Taylor series, then e^(-x/256) for x = 0...2047 by products.
        let one = Int64(1) << 62
        var term = one
        var sum: Int64 = 0
        for k in 0..<12 {
            sum += (k & 1 == 0) ? term : -term
            term /= Int64(256 * (k + 1))
        }
        let step = UInt64(sum)
        var power = [UInt64](repeating: 0, count: limit + 1)
        power[0] = UInt64(one)
        for x in 1...limit {
            let product = power[x - 1].multipliedFullWidth(by: step)
            power[x] = (product.high << 2) | (product.low >> 62)
        }
        // P(1) for x >= 0 is 2^16 / (1 + e^(-x/256)) = 2^78 / (2^62 + e^(-x/256) * 2^62), rounded.
        var squash = [UInt16](repeating: 0, count: 2 * limit + 1)
        for x in 0...limit {
            let divisor = UInt64(one) + power[x]
            let numerator = (high: UInt64(1) << 14, low: divisor / 2)
            let (q, _) = divisor.dividingFullWidth(numerator)
            let p = min(max(q, 1), 65535)
            squash[limit + x] = UInt16(p)
            squash[limit - x] = UInt16(min(max(65536 - q, 1), 65535))
        }
        self.squash = squash

        // stretch: the x whose squash is nearest to the middle of each 12-bit bucket.
        var stretch = [Int16](repeating: 0, count: 4096)
        for p in 0..<4096 {
            let target = p * 16 + 8
            var lo = 0, hi = 2 * limit   // first index with squash >= target
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(squash[mid]) < target { lo = mid + 1 } else { hi = mid }
            }
            var best = lo
            if lo > 0 && (lo > 2 * limit || target - Int(squash[lo - 1]) <= Int(squash[lo]) - target) {
                best = lo - 1
            }
            stretch[p] = Int16(best - limit)
        }
        self.stretch = stretch

        var cost = [UInt32](repeating: 0, count: 4096)
        for p in 1..<4096 {
            let exponent = Int.bitWidth - 1 - p.leadingZeroBitCount
            var m = UInt64(p) << (62 - exponent)   // mantissa in [1, 2) as Q62
            var fraction: UInt64 = 0
            for _ in 0..<32 {
                let square = m.multipliedFullWidth(by: m)
                m = (square.high << 2) | (square.low >> 62)
                fraction <<= 1
                if m >= UInt64(1) << 63 {
                    fraction |= 1
                    m >>= 1
                }
            }
            let whole = UInt64(12 - exponent) << 24
            cost[p] = UInt32(whole - ((fraction + 128) >> 8))
        }
        cost[0] = cost[1]
        self.cost = cost
    }
}
