/// The gated logistic mixer's arithmetic (Mahoney's PAQ mixer: a single-layer network over
/// stretched probabilities, trained online to minimise code length), in 32-bit lanes of four.
///
/// Inputs are logits with 8 fractional bits (-2047...2047); weights have 16 fractional bits.
/// A product is shifted right by 8 before summing, so no lane can overflow while every weight
/// is below 16 in magnitude; the results are exact integers and the same everywhere.
enum CMMixer {
    /// The logit (8 fractional bits) for `weights` over the first `count` inputs (a multiple of 4).
    @inline(__always)
    static func dot(_ inputs: UnsafeMutableRawPointer, _ weights: UnsafeMutableRawPointer, _ count: Int) -> Int {
        var sum = SIMD4<Int32>.zero
        var offset = 0
        let end = count &* 4
        while offset < end {
            let xv = inputs.load(fromByteOffset: offset, as: SIMD4<Int32>.self)
            let wv = weights.load(fromByteOffset: offset, as: SIMD4<Int32>.self)
            sum &+= (xv &* wv) &>> 8
            offset &+= 16
        }
        return Int(sum.wrappedSum()) &>> 8
    }

    /// Moves the weights along the gradient of code length: w += x * err >> 14, where `err` is
    /// (y - p) in 12 bits times the learning rate.
    @inline(__always)
    static func train(_ inputs: UnsafeMutableRawPointer, _ weights: UnsafeMutableRawPointer, _ count: Int, _ err: Int) {
        let e = SIMD4<Int32>(repeating: Int32(truncatingIfNeeded: err))
        let round = SIMD4<Int32>(repeating: 1 << 13)
        var offset = 0
        let end = count &* 4
        while offset < end {
            let xv = inputs.load(fromByteOffset: offset, as: SIMD4<Int32>.self)
            var wv = weights.load(fromByteOffset: offset, as: SIMD4<Int32>.self)
            wv &+= (xv &* e &+ round) &>> 14
            weights.storeBytes(of: wv, toByteOffset: offset, as: SIMD4<Int32>.self)
            offset &+= 16
        }
    }
}
