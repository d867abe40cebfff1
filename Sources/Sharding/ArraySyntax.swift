/// Sets of task indices as cluster engines write them: `3,17-19` (Slurm's `--array`, also fit
/// for a shell loop over `seq`). Ascending, runs of consecutive indices as `first-last`.
public enum ArraySyntax {
    public static func format<Indices: Sequence<Int>>(_ indices: Indices) -> String {
        let sorted = Set(indices).sorted()
        var parts: [String] = []
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == start ? "\(sorted[start])" : "\(sorted[start])-\(sorted[end])")
            start = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// The indices of `text`, ascending; nil when it is not in this syntax.
    public static func parse(_ text: String) -> [Int]? {
        var indices = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let first = Int(bounds[0]), first >= 0,
                  let last = bounds.count == 2 ? Int(bounds[1]) : first, last >= first else { return nil }
            indices.formUnion(first...last)
        }
        return indices.sorted()
    }
}
