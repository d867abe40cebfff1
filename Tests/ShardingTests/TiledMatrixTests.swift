import Complexity
import Compressors
import Sharding
import TestSupport
import Testing

/// A tiled run merged gives exactly the numbers of one builder run: every order, symmetric or
/// not, square or cross, matrix or top-k, and every tile count, ties included.
@Suite(.needsCorpora) struct TiledMatrixTests {
    /// 14 lines of the UDHR in three languages, two of them repeated so that distances tie.
    static let items: [[UInt8]] = {
        let lines = ["eng", "fra", "deu_1996"].flatMap { language in
            String(decoding: try! Corpus.bytes("udhr/\(language).txt"), as: UTF8.self)
                .split(separator: "\n").filter { $0.utf8.count > 40 }.prefix(4).map { Array($0.utf8) }
        }
        return lines + [lines[0], lines[5]]
    }()
    static let others: [[UInt8]] = ["spa", "fin"].flatMap { language in
        String(decoding: try! Corpus.bytes("udhr/\(language).txt"), as: UTF8.self)
            .split(separator: "\n").filter { $0.utf8.count > 40 }.prefix(3).map { Array($0.utf8) }
    } + [items[2]]

    static func builder(_ order: ConcatenationOrder, symmetric: Bool = false) -> DistanceMatrixBuilder {
        DistanceMatrixBuilder(compressor: try! CompressorSpec(parsing: "deflate:9"), order: order, symmetric: symmetric, jobs: 2)
    }

    /// Every tile of `grid` computed from its own items.
    static func results(_ run: TiledMatrix, _ grid: TileGrid, rows: [[UInt8]], columns: [[UInt8]]) throws -> [TileResult] {
        try grid.tiles.map { tile in
            try run.compute(tile, rowItems: Array(rows[tile.rows]), columnItems: Array(columns[tile.columns]))
        }
    }

    @Test(arguments: ConcatenationOrder.allCases, [false, true])
    func squareMatrixMergesToTheSingleRun(order: ConcatenationOrder, symmetric: Bool) throws {
        let builder = Self.builder(order, symmetric: symmetric)
        let (single, summary) = try builder.matrix(rows: Self.items)
        let run = try TiledMatrix(builder: builder, rows: Self.items.count, columns: nil, k: nil)
        for tiles in [1, 2, 3, 4, 6, 7, 14] {
            let grid = try run.grid(tiles: tiles)
            let results = try Self.results(run, grid, rows: Self.items, columns: Self.items)
            #expect(try run.matrix(from: results, grid: grid) == single, "\(tiles) tiles")
            #expect(run.pairsBeyondWindow(results) == summary.pairsBeyondWindow)
            #expect(run.pairs == summary.pairs)
        }
    }

    @Test(arguments: ConcatenationOrder.allCases)
    func crossMatrixMergesToTheSingleRun(order: ConcatenationOrder) throws {
        let builder = Self.builder(order)
        let (single, summary) = try builder.matrix(rows: Self.items, columns: Self.others)
        let run = try TiledMatrix(builder: builder, rows: Self.items.count, columns: Self.others.count, k: nil)
        for tiles in [1, 2, 5, 7, 12, 14, 28] {
            let grid = try run.grid(tiles: tiles)
            let results = try Self.results(run, grid, rows: Self.items, columns: Self.others)
            #expect(try run.matrix(from: results, grid: grid) == single, "\(tiles) tiles")
            #expect(run.pairs == summary.pairs)
        }
    }

    /// The single run's lists, row by row.
    static func nearest(_ builder: DistanceMatrixBuilder, columns: [[UInt8]]?, k: Int) throws -> (lists: [[Neighbor]], summary: MatrixSummary) {
        var lists: [[Neighbor]] = []
        let summary = try builder.nearest(rows: items, columns: columns, k: k) { _, neighbors in lists.append(neighbors) }
        return (lists, summary)
    }

    @Test(arguments: ConcatenationOrder.allCases, [1, 3, 20])
    func topKMergesToTheSingleRunTiesIncluded(order: ConcatenationOrder, k: Int) throws {
        let builder = Self.builder(order)
        for columns in [nil, Self.others] {
            let (single, summary) = try Self.nearest(builder, columns: columns, k: k)
            let run = try TiledMatrix(builder: builder, rows: Self.items.count, columns: columns?.count, k: k)
            for tiles in [1, 2, 3, 4, 6, 7, 9, 14] {
                guard let grid = try? run.grid(tiles: tiles) else { continue }
                let results = try Self.results(run, grid, rows: Self.items, columns: columns ?? Self.items)
                #expect(try run.nearest(from: results, grid: grid) == single, "\(tiles) tiles, \(columns == nil ? "square" : "cross")")
                #expect(run.pairsBeyondWindow(results) == summary.pairsBeyondWindow)
                #expect(run.pairs == summary.pairs)
            }
        }
    }

    @Test func theRepeatedItemsTie() throws {
        // Rows 0 and 12 are the same text: at equal distance from every item, so a row's list
        // must order them by index, whichever tiles they came from.
        let (lists, _) = try Self.nearest(Self.builder(.xy), columns: nil, k: 13)
        let ties = lists.enumerated().filter { row, list in
            row != 0 && row != 12 && list.contains { $0.column == 0 } && list.contains { $0.column == 12 }
        }
        #expect(!ties.isEmpty)
        for (_, list) in ties {
            let first = list.firstIndex { $0.column == 0 }!, second = list.firstIndex { $0.column == 12 }!
            #expect(list[first].distance == list[second].distance && first < second)
        }
    }

    @Test func wrongResultsAreRefused() throws {
        let run = try TiledMatrix(builder: Self.builder(.xy), rows: 4, columns: nil, k: nil)
        let grid = try run.grid(tiles: 2)
        #expect(throws: ShardingError.wrongResult(tile: 0, "3 values for 8 cells")) {
            try run.check(TileResult(.values([0, 0, 0]), pairsBeyondWindow: 0), of: grid[0])
        }
        #expect(throws: ShardingError.missingTiles([1])) {
            try run.matrix(from: [TileResult(.values(Array(repeating: 0, count: 8)), pairsBeyondWindow: 0)], grid: grid)
        }
        let top = try TiledMatrix(builder: Self.builder(.xy), rows: 4, columns: nil, k: 2)
        let topGrid = try top.grid(tiles: 1)
        let selfNeighbor = TileResult(.nearest([[Neighbor(column: 0, distance: 0)], [], [], []]), pairsBeyondWindow: 0)
        #expect(throws: ShardingError.self) { try top.check(selfNeighbor, of: topGrid[0]) }
        #expect(throws: ShardingError.symmetricNeedsSquare) {
            try TiledMatrix(builder: Self.builder(.xy, symmetric: true), rows: 4, columns: 3, k: nil)
        }
    }
}

/// The estimate's cost model: what tiles compress, and the tile count it suggests.
@Suite struct CostEstimateTests {
    static let builder = DistanceMatrixBuilder(compressor: .default, order: .min)

    @Test(arguments: ConcatenationOrder.allCases, [false, true])
    func tilesDoTheWholeRunsConcatenations(order: ConcatenationOrder, symmetric: Bool) throws {
        var builder = Self.builder
        builder.order = order
        builder.symmetric = symmetric
        let run = try TiledMatrix(builder: builder, rows: 50, columns: nil, k: nil)
        for tiles in [1, 4, 10, 25] {
            let grid = try run.grid(tiles: tiles)
            let done = grid.tiles.map { run.work(of: $0).concatenations }.reduce(0, +)
            let single = builder.workload(rows: 50, columns: nil).units
            if symmetric || order == .xy || order == .yx {
                #expect(done == single, "\(tiles) tiles")
            } else {
                // A square matrix with both orders: one run reuses C(xy) of (r, c) as C(yx) of
                // (c, r); a block off the diagonal computes both orders of its own pairs.
                let diagonal = grid.tiles.filter { $0.rows == $0.columns }.map { $0.rows.count * $0.rows.count }.reduce(0, +)
                #expect(done == 2 * single - diagonal, "\(tiles) tiles")
            }
        }
    }

    @Test func theSuggestionKeepsEveryTileUnderTheTarget() throws {
        let cost = CostEstimate(secondsPerConcatenation: 1e-3, secondsPerCompression: 5e-4, sampledPairs: 100, sampleSeconds: 1)
        let run = try TiledMatrix(builder: Self.builder, rows: 760, columns: 12_000, k: 10)
        let (tiles, grid) = try #require(cost.tiles(forSeconds: 1800, in: run, splitColumns: false))
        #expect(grid.count == tiles)
        #expect(cost.seconds(of: grid, in: run).longest <= 1800)
        let fewer = try run.grid(tiles: tiles - 1, splitColumns: false)
        #expect(cost.seconds(of: fewer, in: run).longest > 1800)
        // Each tile computes C(y) of all 12,000 training items: 6 s that no tile count removes.
        #expect(cost.tiles(forSeconds: 5, in: run, splitColumns: false) == nil)
    }
}
