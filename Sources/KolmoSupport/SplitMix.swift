/// SplitMix64 (Steele, Lea and Flood 2014): the seeded generator of everything random in Kolmo,
/// the quartet search, the classifier's folds and ties, the pairing's shuffles and permutation
/// tests, and the tests' random data.
///
/// Every draw is one of the methods below, written out here: the generator deliberately does
/// not conform to `RandomNumberGenerator`, so that no standard-library algorithm
/// (`shuffle(using:)`, `randomElement(using:)`, `Int.random(in:using:)`), which a Swift release
/// may change, can stand between a seed and its numbers. The same seed gives the same numbers
/// on every machine and Swift version.
package struct SplitMix: Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound`, by Lemire's multiply-and-reject (2019): no modulo bias.
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "a bound of at least 1")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    package mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A uniform integer in `range`, which must not be empty.
    package mutating func int(in range: Range<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A uniform double in [0, 1): the top 53 bits of a draw, scaled exactly.
    package mutating func unitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A double in `range`: `lowerBound + (upperBound - lowerBound) * u` for a uniform u in [0, 1).
    package mutating func double(in range: Range<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unitInterval()
    }

    /// A uniformly chosen element, nil for an empty collection.
    package mutating func element<C: Collection>(of collection: C) -> C.Element? {
        guard !collection.isEmpty else { return nil }
        return collection[collection.index(collection.startIndex, offsetBy: below(collection.count))]
    }

    /// How many fair coin flips come up heads before the first tail, at most `cap`.
    package mutating func geometric(cap: Int) -> Int {
        min(cap, (next() | (1 << 63)).trailingZeroBitCount)
    }

    /// Shuffles `values` in place: Fisher-Yates, from the last position down.
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

    /// `count` random bytes, eight from each draw, low byte first.
    package mutating func bytes(_ count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            var word = next()
            for _ in 0..<min(8, count - result.count) {
                result.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return result
    }
}
