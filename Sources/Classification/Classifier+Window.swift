extension Classifier {
    /// What the compressor cannot see whole. Class method: how many of the classes have more
    /// training text than the window, of which only the last window bytes are used. kNN: how many
    /// (test, training) pairs total more than the window, so that their NCD misses what the two
    /// share beyond it.
    /// - Complexity: O((|test| + |training|) log |training|).
    public func beyondWindow(test: [[UInt8]], training: LabelledTexts) -> (count: Int, total: Int) {
        let window = compressor.window
        switch method {
        case .classConditional:
            var bytes = [Int](repeating: 0, count: training.classes.count)
            for (item, label) in zip(training.items, training.labels) { bytes[label] += item.count }
            return (bytes.filter { $0 > window }.count, bytes.count)
        case .knn:
            let lengths = training.items.map(\.count).sorted()
            let beyond = test.reduce(0) { sum, x in
                // The first training length that, with x, exceeds the window.
                var low = 0, high = lengths.count
                while low < high {
                    let middle = (low + high) / 2
                    if x.count + lengths[middle] > window { high = middle } else { low = middle + 1 }
                }
                return sum + lengths.count - low
            }
            return (beyond, test.count * lengths.count)
        }
    }
}
