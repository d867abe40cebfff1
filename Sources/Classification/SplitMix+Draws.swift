import Clustering

/// Draws and shuffles written out here rather than taken from the standard library, whose
/// algorithms may change between Swift releases: the same seed must give the same folds and ties.
extension SplitMix {
    /// A number in `0..<bound` (the modulo bias is below 2⁻⁵⁰ for the bounds used here).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// Fisher-Yates.
    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, below(i + 1))
        }
    }
}
