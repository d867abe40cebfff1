/// SplitMix64 (Steele, Lea and Flood 2014): the seeded generator of the quartet search, the
/// classifier's folds and ties, and the pairing's shuffles. Its draws and shuffles are written out
/// here rather than taken from the standard library, whose algorithms may change between Swift
/// releases: the same seed must give the same numbers everywhere.
package struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// How many fair coin flips come up heads before the first tail, at most `cap`.
    mutating func geometric(cap: Int) -> Int {
        min(cap, (next() | (1 << 63)).trailingZeroBitCount)
    }

    /// A uniform integer in 0..<bound, by Lemire's multiply-and-reject (2019): no modulo bias.
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// Fisher-Yates.
    package mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, below(i + 1))
        }
    }

    /// A uniformly random permutation of 0..<count.
    package mutating func permutation(_ count: Int) -> [Int] {
        var result = Array(0..<count)
        shuffle(&result)
        return result
    }
}
