public import Compressors
import KolmoSupport

/// Computes NCD matrices on every core, with exactly the numbers of pairwise ``ComplexityEstimator/distance(between:and:order:primed:)``.
///
/// Entry (r, c) is NCD(row r, column c) with row r as x. C(x) is computed once per item. Each
/// row's concatenations go through ``Compressor/codeLengths(of:followedByEach:)``, so deflate
/// compresses x once per row and continues a copy of its state with every y, and a learning
/// codec learns x once and codes each y from that state.
///
/// - Complexity: O(M N) compressions of |x| + |y| bytes, in parallel; O(M N) memory for the
///   full matrix, O(M k) for ``nearest(rows:columns:k:emit:)``.
public struct DistanceMatrixBuilder: Sendable {
    public var compressor: CompressorSpec
    /// Which concatenation estimates K(x, y); with `min` or `mean` both orders are compressed.
    public var order: ConcatenationOrder
    /// Compute each unordered pair once and mirror it (square matrices only).
    public var symmetric: Bool
    /// Threads to use; the numbers do not depend on it.
    public var jobs: Int
    /// Decompress every stream and compare it with its input.
    public var verify: Bool
    /// Called on the calling thread, as tasks finish, with the units of ``workload(rows:columns:nearest:)``
    /// just done: one call per row of a matrix.
    public var progress: (@Sendable (Int) -> Void)?

    public init(
        compressor: CompressorSpec = .default, order: ConcatenationOrder = .xy, symmetric: Bool = false,
        jobs: Int = 1, verify: Bool = false, progress: (@Sendable (Int) -> Void)? = nil
    ) {
        self.compressor = compressor
        self.order = order
        self.symmetric = symmetric
        self.jobs = jobs
        self.verify = verify
        self.progress = progress
    }

    /// C(x) for each item.
    public func complexities(of items: [[UInt8]]) throws -> [CodeLength] {
        try parallelMap(count: items.count) { index, compressor in try compressor.codeLength(of: items[index]) }
    }

    /// What ``matrix(rows:columns:)`` does for `rows` x `columns` items (`columns` nil: square),
    /// or with `nearest` ``nearest(rows:columns:k:emit:)``: its concatenations, and the calls to
    /// ``progress`` that report them.
    public func workload(rows: Int, columns: Int?, nearest: Bool = false) -> Workload {
        let needs = order.needs
        let orders = (needs.xy ? 1 : 0) + (needs.yx ? 1 : 0)
        if nearest { return Workload(units: rows * (columns ?? rows) * orders, steps: rows) }
        guard let columns else {
            let triangle = symmetric && needs.xy != needs.yx
            return Workload(units: triangle ? rows * (rows + 1) / 2 : rows * rows, steps: rows)
        }
        return Workload(units: orders * rows * columns, steps: (needs.xy ? rows : 0) + (needs.yx ? columns : 0))
    }

    /// `produce(i, compressor)` for `i` in `0..<count` on ``jobs`` threads, each with its own
    /// compressor, every result passed to `consume` on the calling thread in index order.
    func parallelStream<Result: Sendable>(
        count: Int, _ produce: @escaping @Sendable (Int, inout Compressor) throws -> Result, consume: (Int, Result) throws -> Void
    ) throws {
        guard jobs >= 1 else { throw MatrixError.invalidJobs(jobs) }
        let (spec, verify) = (compressor, self.verify)
        try Parallel.stream(count: count, jobs: jobs, worker: { try Compressor(spec, verify: verify) }, produce: produce, consume: consume)
    }

    /// `body(i, compressor)` for `i` in `0..<count`, in parallel, in index order.
    func parallelMap<Result: Sendable>(count: Int, _ body: @escaping @Sendable (Int, inout Compressor) throws -> Result) throws -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(count)
        try parallelStream(count: count, body) { _, result in results.append(result) }
        return results
    }

    /// The NCD matrix of `rows` against `columns`, or of `rows` against themselves when
    /// `columns` is nil (a square matrix, which `symmetric` may halve).
    public func matrix(rows: [[UInt8]], columns: [[UInt8]]? = nil) throws -> (matrix: DistanceMatrix, summary: MatrixSummary) {
        if symmetric && columns != nil { throw MatrixError.symmetricCross }
        let cRows = try complexities(of: rows)
        let cColumns = try columns.map(complexities) ?? cRows
        let columnItems = columns ?? rows
        let (m, n) = (rows.count, columnItems.count)
        let needs = order.needs
        let window = compressor.window

        // forward[r * n + c] = C(row r, column c); backward[c * m + r] = C(column c, row r).
        // A square matrix needs only forward: C(column c, row r) is forward[c * n + r].
        let square = columns == nil
        let forwardPairs: (Int) -> Range<Int> = { r in
            guard square && symmetric && needs.xy != needs.yx else { return 0..<n }
            return needs.xy ? r..<n : 0..<(r + 1)
        }
        // A task is one row of concatenations: first item, the range of second items, direction.
        var tasks: [(first: Int, seconds: Range<Int>, forward: Bool)] = []
        if needs.xy || square {
            tasks += (0..<m).map { ($0, forwardPairs($0), true) }
        }
        if !square && needs.yx {
            tasks += (0..<n).map { ($0, 0..<m, false) }
        }
        let concatenations = tasks.reduce(0) { $0 + $1.seconds.count }
        var forwardSizes = [CodeLength](repeating: .zero, count: (needs.xy || square) ? m * n : 0)
        var backwardSizes = [CodeLength](repeating: .zero, count: (!square && needs.yx) ? n * m : 0)
        try parallelStream(count: tasks.count) { [tasks] index, compressor in
            let task = tasks[index]
            return task.forward
                ? try compressor.codeLengths(of: rows[task.first], followedByEach: columnItems[task.seconds])
                : try compressor.codeLengths(of: columnItems[task.first], followedByEach: rows[task.seconds])
        } consume: { index, sizes in
            let task = tasks[index]
            for (k, size) in sizes.enumerated() {
                if task.forward {
                    forwardSizes[task.first * n + task.seconds.lowerBound + k] = size
                } else {
                    backwardSizes[task.first * m + task.seconds.lowerBound + k] = size
                }
            }
            progress?(task.seconds.count)
        }

        var values = [Double](repeating: 0, count: m * n)
        var pairs = 0, beyondWindow = 0
        for r in 0..<m {
            for c in (square && symmetric ? r..<n : 0..<n) {
                pairs += 1
                let xy = needs.xy ? forwardSizes[r * n + c].bytes : nil
                let yx = needs.yx ? (square ? forwardSizes[c * n + r] : backwardSizes[c * m + r]).bytes : nil
                let ncd = Measures.ncd(cx: cRows[r].bytes, cy: cColumns[c].bytes, cxy: order.combine(xy: xy, yx: yx))
                values[r * n + c] = ncd
                if square && symmetric { values[c * n + r] = ncd }
                if rows[r].count + columnItems[c].count > window { beyondWindow += 1 }
            }
        }
        let summary = MatrixSummary(
            rowComplexities: cRows, columnComplexities: cColumns, concatenations: concatenations,
            pairs: pairs, pairsBeyondWindow: beyondWindow, window: window)
        return (DistanceMatrix(rows: m, columns: n, values: values), summary)
    }

    /// For each row, its `k` nearest columns, passed in row order to `emit` on the calling
    /// thread, so that memory stays O(rows k) whatever the size of the matrix. In a square matrix
    /// (`columns` nil) an item is not its own neighbour. Ties go to the lower column index.
    /// - Returns: the summary; its `concatenations` counts what was compressed.
    public func nearest(
        rows: [[UInt8]], columns: [[UInt8]]? = nil, k: Int, emit: (Int, [Neighbor]) throws -> Void
    ) throws -> MatrixSummary {
        guard k >= 1 else { throw MatrixError.invalidK(k) }
        let cRows = try complexities(of: rows)
        let cColumns = try columns.map(complexities) ?? cRows
        let columnItems = columns ?? rows
        let square = columns == nil
        let needs = order.needs
        let window = compressor.window
        let order = self.order
        var beyondWindow = 0
        try parallelStream(count: rows.count) { r, compressor in
            let x = rows[r]
            let forward = needs.xy ? try compressor.codeLengths(of: x, followedByEach: columnItems) : nil
            var candidates: [Neighbor] = []
            candidates.reserveCapacity(columnItems.count)
            var beyond = 0
            for (c, y) in columnItems.enumerated() where !(square && c == r) {
                let yx = needs.yx ? try compressor.codeLength(of: y, followedBy: x).bytes : nil
                let joint = order.combine(xy: forward?[c].bytes, yx: yx)
                candidates.append(Neighbor(column: c, distance: Measures.ncd(cx: cRows[r].bytes, cy: cColumns[c].bytes, cxy: joint)))
                if x.count + y.count > window { beyond += 1 }
            }
            return (neighbors: Self.smallest(k, of: candidates), beyond: beyond)
        } consume: { r, row in
            beyondWindow += row.beyond
            progress?(columnItems.count * ((needs.xy ? 1 : 0) + (needs.yx ? 1 : 0)))
            try emit(r, row.neighbors)
        }
        return MatrixSummary(
            rowComplexities: cRows, columnComplexities: cColumns,
            concatenations: workload(rows: rows.count, columns: columns?.count, nearest: true).units,
            pairs: rows.count * columnItems.count - (square ? rows.count : 0),
            pairsBeyondWindow: beyondWindow, window: window)
    }

    /// The `k` smallest distances, ties broken by the lower column.
    static func smallest(_ k: Int, of candidates: [Neighbor]) -> [Neighbor] {
        let sorted = candidates.sorted { ($0.distance, $0.column) < ($1.distance, $1.column) }
        return Array(sorted.prefix(k))
    }
}
