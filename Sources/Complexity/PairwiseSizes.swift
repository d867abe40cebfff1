public import Compressors

/// Which compressed sizes of each pair (x_r, y_c) to compute.
public struct PairwiseQuantities: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// C(x_r y_c): x first.
    public static let joint = PairwiseQuantities(rawValue: 1)
    /// C(y_c x_r): y first.
    public static let reverseJoint = PairwiseQuantities(rawValue: 2)
    /// C(y_c | x_r), y compressed by a compressor primed with x.
    public static let primed = PairwiseQuantities(rawValue: 4)
    /// C(x_r | y_c), x compressed by a compressor primed with y.
    public static let reversePrimed = PairwiseQuantities(rawValue: 8)

    public static let all: PairwiseQuantities = [.joint, .reverseJoint, .primed, .reversePrimed]

    /// How many quantities are in the set.
    public var count: Int { rawValue.nonzeroBitCount }
}

/// Code lengths of every pair of a row set X and a column set Y.
///
/// Matrices are row-major, M x N: entry `r * columns + c` belongs to the pair (x_r, y_c)
/// whatever the direction it measures. A matrix that was not asked for is nil.
public struct PairwiseSizes: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    /// C(x_r).
    public let rowComplexities: [CodeLength]
    /// C(y_c).
    public let columnComplexities: [CodeLength]
    /// C(x_r y_c).
    public let joint: [CodeLength]?
    /// C(y_c x_r).
    public let reverseJoint: [CodeLength]?
    /// C(y_c | x_r), primed.
    public let primed: [CodeLength]?
    /// C(x_r | y_c), primed.
    public let reversePrimed: [CodeLength]?
    /// Pairs whose concatenation is longer than the compressor's window.
    public let pairsBeyondWindow: Int
    /// Primed compressions that could not reach all of their dictionary.
    public let truncatedDictionaries: Int
    public let window: Int
}

extension DistanceMatrixBuilder {
    /// What ``pairwiseSizes(rows:columns:computing:)`` does: for each quantity, one row of
    /// compressions per first item (x for the joint and the primed, y for the reverse ones).
    public func pairwiseWorkload(rows: Int, columns: Int, computing quantities: PairwiseQuantities) -> Workload {
        let forward = [PairwiseQuantities.joint, .primed].filter(quantities.contains).count
        let backward = quantities.count - forward
        return Workload(units: quantities.count * rows * columns, steps: forward * rows + backward * columns)
    }

    /// The sizes of `quantities` for every pair of `rows` and `columns`, in parallel. Each number
    /// equals what ``ComplexityEstimator`` gives for that pair alone, whatever `jobs` is.
    ///
    /// - Complexity: one compression of |x| + |y| bytes per pair and quantity.
    public func pairwiseSizes(rows: [[UInt8]], columns: [[UInt8]], computing quantities: PairwiseQuantities) throws -> PairwiseSizes {
        let cRows = try complexities(of: rows)
        let cColumns = try complexities(of: columns)
        let (m, n) = (rows.count, columns.count)
        let kinds: [PairwiseQuantities] = [.joint, .reverseJoint, .primed, .reversePrimed].filter { quantities.contains($0) }
        var results = kinds.map { _ in [CodeLength](repeating: .zero, count: m * n) }
        var truncated = 0
        // A task is one (quantity, first item): rows first for joint and primed, columns first otherwise.
        let tasks = kinds.indices.flatMap { kind in
            let firstCount = [.joint, .primed].contains(kinds[kind]) ? m : n
            return (0..<firstCount).map { (kind: kind, first: $0) }
        }
        try parallelStream(count: tasks.count) { [kinds] index, compressor in
            let (kind, first) = tasks[index]
            switch kinds[kind] {
            case .joint:
                return (try compressor.codeLengths(of: rows[first], followedByEach: columns), 0)
            case .reverseJoint:
                return (try compressor.codeLengths(of: columns[first], followedByEach: rows), 0)
            case .primed:
                // Primed once with x, each y on a copy (or an undo journal) where the codec allows it.
                let x = rows[first]
                return (try compressor.conditionalCodeLengths(ofEach: columns, given: x),
                        columns.count { compressor.usableDictionaryBytes(x.count, $0.count) < x.count })
            default:
                let y = columns[first]
                return (try compressor.conditionalCodeLengths(ofEach: rows, given: y),
                        rows.count { compressor.usableDictionaryBytes(y.count, $0.count) < y.count })
            }
        } consume: { index, result in
            let (kind, first) = tasks[index]
            let (sizes, short) = result
            if [.joint, .primed].contains(kinds[kind]) {
                for c in 0..<n { results[kind][first * n + c] = sizes[c] }
            } else {
                for r in 0..<m { results[kind][r * n + first] = sizes[r] }
            }
            truncated += short
            progress?(sizes.count)
        }
        func result(_ kind: PairwiseQuantities) -> [CodeLength]? { kinds.firstIndex(of: kind).map { results[$0] } }
        let window = compressor.window
        let beyond = rows.reduce(0) { count, x in count + columns.count { x.count + $0.count > window } }
        return PairwiseSizes(
            rows: m, columns: n, rowComplexities: cRows, columnComplexities: cColumns,
            joint: result(.joint), reverseJoint: result(.reverseJoint),
            primed: result(.primed), reversePrimed: result(.reversePrimed),
            pairsBeyondWindow: beyond, truncatedDictionaries: truncated, window: window)
    }

    /// C(y_i | dictionaries_i) for each i, primed, in parallel: the dictionary is built per task,
    /// so that large contexts (a whole dataset) never exist all at once. ``progress`` hears of
    /// each compression: the workload is `count` units in `count` steps.
    /// - Returns: the sizes and, for each, how many dictionary bytes the compressor could reach.
    public func primedSizes(
        count: Int, input: @escaping @Sendable (Int) -> [UInt8], dictionary: @escaping @Sendable (Int) -> [UInt8]
    ) throws -> [PrimedLength] {
        var sizes: [PrimedLength] = []
        sizes.reserveCapacity(count)
        try parallelStream(count: count) { index, compressor in
            try compressor.conditionalCodeLength(of: input(index), given: dictionary(index))
        } consume: { _, size in
            sizes.append(size)
            progress?(1)
        }
        return sizes
    }
}
