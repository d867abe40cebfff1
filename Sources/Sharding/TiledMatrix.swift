public import Complexity

/// What one tile computed: its cells' distances in the order of ``Tile/cells``, or for a
/// top-k run each of its rows' nearest columns among the tile's columns (global indices).
public struct TileResult: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case values([Double])
        case nearest([[Neighbor]])
    }

    public let content: Content
    /// The tile's pairs whose two inputs together exceed the compressor's window.
    public let pairsBeyondWindow: Int

    public init(_ content: Content, pairsBeyondWindow: Int) {
        self.content = content
        self.pairsBeyondWindow = pairsBeyondWindow
    }
}

/// An NCD matrix, or each row's `k` nearest columns, computed tile by tile on any number of
/// machines and merged into exactly the numbers of one ``DistanceMatrixBuilder`` run.
///
/// Each tile is computed with the builder's public ``DistanceMatrixBuilder/matrix(rows:columns:)``
/// and ``DistanceMatrixBuilder/nearest(rows:columns:k:emit:)`` on the tile's own items, which
/// give every pair the sizes and the NCD that the whole run gives it: C(x) and C(y) of an item
/// do not depend on the other items, nor does a concatenation. A symmetric matrix is cut into
/// bands of its upper triangle; a band's diagonal block is a symmetric matrix of the band's items,
/// the rest a cross matrix, which for every order is the entry the whole run mirrors.
public struct TiledMatrix: Sendable {
    /// The settings of every tile; its `jobs` only decides how fast a tile runs.
    public var builder: DistanceMatrixBuilder
    public let rows: Int
    /// The column count of a cross matrix; nil for a square matrix of `rows` items.
    public let columns: Int?
    /// Each row's nearest columns instead of the matrix (an item is not its own neighbour).
    public let k: Int?

    /// - Throws: ``ShardingError/symmetricNeedsSquare`` for a symmetric builder with columns or `k`.
    public init(builder: DistanceMatrixBuilder, rows: Int, columns: Int?, k: Int?) throws {
        if builder.symmetric && (columns != nil || k != nil) { throw ShardingError.symmetricNeedsSquare }
        if let k, k < 1 { throw MatrixError.invalidK(k) }
        self.builder = builder
        self.rows = rows
        self.columns = columns
        self.k = k
    }

    public var isSquare: Bool { columns == nil }
    public var columnCount: Int { columns ?? rows }

    /// The grid of `tiles` tiles: bands for a symmetric matrix, else blocks; with
    /// `splitColumns` false every tile has all the columns (one band of rows each).
    public func grid(tiles: Int, splitColumns: Bool = true) throws -> TileGrid {
        builder.symmetric
            ? try TileGrid.bands(items: rows, tiles: tiles)
            : try TileGrid.blocks(rows: rows, columns: columnCount, tiles: tiles, splitColumns: splitColumns)
    }

    /// The pairs the whole run compares, as its ``MatrixSummary/pairs`` counts them.
    public var pairs: Int {
        if k != nil { return rows * columnCount - (isSquare ? rows : 0) }
        return builder.symmetric ? rows * (rows + 1) / 2 : rows * columnCount
    }

    /// Computes `tile` from its items: `rowItems` are the items of `tile.rows`, `columnItems`
    /// those of `tile.columns` (for a square matrix, items of the same set).
    public func compute(_ tile: Tile, rowItems: [[UInt8]], columnItems: [[UInt8]]) throws -> TileResult {
        precondition(rowItems.count == tile.rows.count && columnItems.count == tile.columns.count, "the items of the tile's rows and columns")
        var plain = builder
        plain.symmetric = false
        if tile.upperTriangle {
            let band = rowItems.count
            let (diagonal, diagonalSummary) = try builder.matrix(rows: rowItems)
            var beyond = diagonalSummary.pairsBeyondWindow
            let rest = band < columnItems.count ? try plain.matrix(rows: rowItems, columns: Array(columnItems[band...])) : nil
            beyond += rest?.summary.pairsBeyondWindow ?? 0
            var values: [Double] = []
            values.reserveCapacity(tile.cellCount)
            for r in 0..<band {
                for c in r..<columnItems.count {
                    values.append(c < band ? diagonal[r, c] : rest!.matrix[r, c - band])
                }
            }
            return TileResult(.values(values), pairsBeyondWindow: beyond)
        }
        let diagonal = isSquare && tile.rows == tile.columns
        guard let k else {
            let (matrix, summary) = try diagonal ? plain.matrix(rows: rowItems) : plain.matrix(rows: rowItems, columns: columnItems)
            return TileResult(.values(matrix.values), pairsBeyondWindow: summary.pairsBeyondWindow)
        }
        // Rows that are also among the tile's columns would find themselves: ask for one more
        // neighbour and drop the item itself.
        let overlap = isSquare && !diagonal ? tile.rows.clamped(to: tile.columns) : 0..<0
        var lists: [[Neighbor]] = []
        lists.reserveCapacity(rowItems.count)
        let summary = try plain.nearest(rows: rowItems, columns: diagonal ? nil : columnItems, k: overlap.isEmpty ? k : k + 1) { r, neighbors in
            let row = tile.rows.lowerBound + r
            let global = neighbors.map { Neighbor(column: $0.column + tile.columns.lowerBound, distance: $0.distance) }
            lists.append(Array(global.filter { !overlap.contains(row) || $0.column != row }.prefix(k)))
        }
        let window = builder.compressor.window
        let selfPairs = overlap.count { 2 * rowItems[$0 - tile.rows.lowerBound].count > window }
        return TileResult(.nearest(lists), pairsBeyondWindow: summary.pairsBeyondWindow - selfPairs)
    }

    /// Checks that `result` has the shape `tile` must give: one value per cell, or one list of
    /// at most `k` neighbours per row, each a column of the tile (never the row itself when square).
    public func check(_ result: TileResult, of tile: Tile) throws {
        switch (result.content, k) {
        case (.values(let values), nil):
            guard values.count == tile.cellCount else {
                throw ShardingError.wrongResult(tile: tile.index, "\(values.count) values for \(tile.cellCount) cells")
            }
        case (.nearest(let lists), let k?):
            guard lists.count == tile.rows.count else {
                throw ShardingError.wrongResult(tile: tile.index, "\(lists.count) neighbour lists for \(tile.rows.count) rows")
            }
            for (r, list) in zip(tile.rows, lists) {
                guard list.count <= k, list.allSatisfy({ tile.columns.contains($0.column) && !(isSquare && $0.column == r) }) else {
                    throw ShardingError.wrongResult(tile: tile.index, "row \(r) has neighbours outside the tile's columns")
                }
            }
        default:
            throw ShardingError.wrongResult(tile: tile.index, k == nil ? "neighbour lists where the run is a matrix" : "a matrix where the run is a top-k list")
        }
    }

    /// The whole matrix from every tile's result (`results[i]` of `grid[i]`), mirrored below the
    /// diagonal for bands.
    public func matrix(from results: [TileResult], grid: TileGrid) throws -> DistanceMatrix {
        try checkAll(results, grid)
        let n = columnCount
        var values = [Double](repeating: 0, count: rows * n)
        for (tile, result) in zip(grid.tiles, results) {
            guard case .values(let tileValues) = result.content else { continue }
            var next = 0
            for r in tile.rows {
                for c in tile.columns(of: r) {
                    values[r * n + c] = tileValues[next]
                    if tile.upperTriangle { values[c * n + r] = tileValues[next] }
                    next += 1
                }
            }
        }
        return DistanceMatrix(rows: rows, columns: n, values: values)
    }

    /// Each row's `k` nearest columns from every tile's lists: a row's lists from all column
    /// blocks, the `k` smallest distances, ties to the lower global column, as one run orders them.
    public func nearest(from results: [TileResult], grid: TileGrid) throws -> [[Neighbor]] {
        try checkAll(results, grid)
        guard let k else { preconditionFailure("nearest(from:grid:) is for a top-k run") }
        var candidates = [[Neighbor]](repeating: [], count: rows)
        for (tile, result) in zip(grid.tiles, results) {
            guard case .nearest(let lists) = result.content else { continue }
            for (r, list) in zip(tile.rows, lists) { candidates[r] += list }
        }
        return candidates.map { list in
            Array(list.sorted { ($0.distance, $0.column) < ($1.distance, $1.column) }.prefix(k))
        }
    }

    /// The pairs beyond the window over all tiles: what the whole run's summary says.
    public func pairsBeyondWindow(_ results: [TileResult]) -> Int {
        results.reduce(0) { $0 + $1.pairsBeyondWindow }
    }

    private func checkAll(_ results: [TileResult], _ grid: TileGrid) throws {
        guard grid.rows == rows, grid.columns == columnCount else {
            throw ShardingError.invalidGrid("a \(grid.rows) x \(grid.columns) grid for a \(rows) x \(columnCount) run")
        }
        guard results.count == grid.count else {
            throw ShardingError.missingTiles(Array(results.count..<grid.count))
        }
        for (tile, result) in zip(grid.tiles, results) { try check(result, of: tile) }
    }
}
