/// One piece of a sharded run: a block of rows and columns, computed by one task.
public struct Tile: Hashable, Sendable {
    /// The tile's place in its grid, 0 first: the index a cluster's task is given.
    public let index: Int
    public let rows: Range<Int>
    public let columns: Range<Int>
    /// Only the cells on or above the diagonal (column >= row): a band of a symmetric matrix.
    public let upperTriangle: Bool

    public init(index: Int, rows: Range<Int>, columns: Range<Int>, upperTriangle: Bool) {
        self.index = index
        self.rows = rows
        self.columns = columns
        self.upperTriangle = upperTriangle
    }

    /// The columns of `row` that this tile computes.
    public func columns(of row: Int) -> Range<Int> {
        upperTriangle ? Swift.max(row, columns.lowerBound)..<columns.upperBound : columns
    }

    /// How many cells the tile computes.
    public var cellCount: Int {
        rows.reduce(0) { $0 + columns(of: $1).count }
    }

    /// The cells the tile computes, row by row, each row's columns in order.
    public var cells: [(row: Int, column: Int)] {
        rows.flatMap { row in columns(of: row).map { (row, $0) } }
    }
}

/// How a matrix's work is cut into tiles, so that every pair is computed by exactly one tile.
///
/// `blocks`: the rows are cut at `rowCuts` and the columns at `columnCuts`; tile `i * q + j` is
/// row block `i` against column block `j` (q column blocks). `bands`, for a symmetric matrix: tile
/// `i` is the rows of band `i` against themselves and every later item, on and above the diagonal
/// only (the cells below it are mirrored when the tiles are merged).
public struct TileGrid: Hashable, Sendable {
    public enum Layout: String, Sendable, CaseIterable {
        case blocks, bands
    }

    public let layout: Layout
    /// Where the row blocks start, then the number of rows: `[0, ..., rows]`.
    public let rowCuts: [Int]
    /// Where the column blocks start, then the number of columns (`[0, columns]` for bands).
    public let columnCuts: [Int]

    /// A grid from its cuts, as a plan records it.
    /// - Throws: ``ShardingError/invalidGrid(_:)`` unless the cuts start at 0 and rise strictly.
    public init(layout: Layout, rowCuts: [Int], columnCuts: [Int]) throws {
        for (name, cuts) in [("row", rowCuts), ("column", columnCuts)] {
            guard cuts.count >= 2, cuts[0] == 0, zip(cuts, cuts.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw ShardingError.invalidGrid("the \(name) cuts \(cuts) must start at 0 and rise strictly")
            }
        }
        if layout == .bands && (columnCuts.count != 2 || columnCuts[1] != rowCuts.last!) {
            throw ShardingError.invalidGrid("a grid of bands has the columns [0, \(rowCuts.last!)], not \(columnCuts)")
        }
        self.layout = layout
        self.rowCuts = rowCuts
        self.columnCuts = columnCuts
    }

    public var rows: Int { rowCuts.last! }
    public var columns: Int { columnCuts.last! }
    public var rowBlocks: Int { rowCuts.count - 1 }
    public var columnBlocks: Int { columnCuts.count - 1 }

    /// How many tiles there are.
    public var count: Int { layout == .bands ? rowBlocks : rowBlocks * columnBlocks }

    public subscript(index: Int) -> Tile {
        precondition(index >= 0 && index < count, "tile \(index) of \(count)")
        switch layout {
        case .bands:
            return Tile(index: index, rows: rowCuts[index]..<rowCuts[index + 1], columns: rowCuts[index]..<rows, upperTriangle: true)
        case .blocks:
            let (i, j) = index.quotientAndRemainder(dividingBy: columnBlocks)
            return Tile(index: index, rows: rowCuts[i]..<rowCuts[i + 1], columns: columnCuts[j]..<columnCuts[j + 1], upperTriangle: false)
        }
    }

    public var tiles: [Tile] { (0..<count).map { self[$0] } }

    /// Even cuts of `count` items into `parts` blocks (sizes differ by at most one).
    static func evenCuts(_ count: Int, _ parts: Int) -> [Int] {
        (0...parts).map { $0 * count / parts }
    }

    /// `tiles` blocks of a `rows` x `columns` matrix. With `splitColumns`, the factor pair
    /// p x q = `tiles` (p <= rows, q <= columns) whose tiles read the fewest items, p + q being
    /// split toward rows at a tie (a row's whole in fewer tiles); without, `tiles` bands of rows
    /// against every column (kNN classification: every tile reads the whole training set).
    /// - Throws: ``ShardingError/tooManyTiles(_:most:)`` when no such grid exists.
    public static func blocks(rows: Int, columns: Int, tiles: Int, splitColumns: Bool) throws -> TileGrid {
        guard tiles >= 1 else { throw ShardingError.invalidTiles(tiles) }
        guard splitColumns else {
            guard tiles <= rows else { throw ShardingError.tooManyTiles(tiles, most: rows) }
            return try TileGrid(layout: .blocks, rowCuts: evenCuts(rows, tiles), columnCuts: [0, columns])
        }
        guard tiles <= rows * columns else { throw ShardingError.tooManyTiles(tiles, most: rows * columns) }
        let pairs = (1...tiles).filter { tiles % $0 == 0 }.map { (p: $0, q: tiles / $0) }.filter { $0.p <= rows && $0.q <= columns }
        guard let best = pairs.min(by: { a, b in
            let (readA, readB) = ((rows + a.p - 1) / a.p + (columns + a.q - 1) / a.q, (rows + b.p - 1) / b.p + (columns + b.q - 1) / b.q)
            return readA != readB ? readA < readB : a.p > b.p
        }) else {
            throw ShardingError.noGrid(tiles, rows: rows, columns: columns)
        }
        return try TileGrid(layout: .blocks, rowCuts: evenCuts(rows, best.p), columnCuts: evenCuts(columns, best.q))
    }

    /// `tiles` bands of a symmetric `items` x `items` matrix, cut so that each holds about the
    /// same number of cells of the upper triangle (the first bands have fewer rows).
    public static func bands(items: Int, tiles: Int) throws -> TileGrid {
        guard tiles >= 1 else { throw ShardingError.invalidTiles(tiles) }
        guard tiles <= items else { throw ShardingError.tooManyTiles(tiles, most: items) }
        // Cells in rows 0..<r of the upper triangle: r n - r (r - 1) / 2.
        let total = items * (items + 1) / 2
        var cuts = [0]
        var row = 0, before = 0
        for band in 1..<tiles {
            let target = total * band / tiles
            while row < items && before + (items - row) <= target {
                before += items - row
                row += 1
            }
            // Every band keeps at least one row, and leaves one for each band after it.
            let cut = Swift.min(Swift.max(row, cuts.last! + 1), items - (tiles - band))
            while row < cut { before += items - row; row += 1 }
            while row > cut { row -= 1; before -= items - row }
            cuts.append(cut)
        }
        cuts.append(items)
        return try TileGrid(layout: .bands, rowCuts: cuts, columnCuts: [0, items])
    }
}

/// Why a run cannot be cut into tiles, or its tiles cannot be merged. Each message is one line.
public enum ShardingError: Error, Equatable, CustomStringConvertible {
    case invalidTiles(Int)
    case tooManyTiles(Int, most: Int)
    case noGrid(Int, rows: Int, columns: Int)
    case invalidGrid(String)
    case symmetricNeedsSquare
    case wrongResult(tile: Int, String)
    case missingTiles([Int])

    public var description: String {
        switch self {
        case let .invalidTiles(tiles): "the number of tiles must be at least 1, not \(tiles)"
        case let .tooManyTiles(tiles, most): "\(tiles) tiles are more than this run has (at most \(most))"
        case let .noGrid(tiles, rows, columns):
            "\(tiles) tiles cannot cut a \(rows) x \(columns) matrix into blocks (no factor pair fits); choose another count"
        case let .invalidGrid(reason): "invalid tile grid: \(reason)"
        case .symmetricNeedsSquare: "a symmetric matrix must be square and cannot be a top-k list"
        case let .wrongResult(tile, reason): "tile \(tile): \(reason)"
        case let .missingTiles(tiles): "missing tiles \(ArraySyntax.format(tiles))"
        }
    }
}
