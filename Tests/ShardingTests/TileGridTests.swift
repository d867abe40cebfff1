import Sharding
import Testing

/// Every grid covers every pair exactly once, whatever the shape and the tile count.
@Suite struct TileGridTests {
    /// How often each cell of a rows x columns matrix is computed by the grid's tiles.
    static func coverage(_ grid: TileGrid) -> [Int] {
        var count = [Int](repeating: 0, count: grid.rows * grid.columns)
        for tile in grid.tiles {
            for cell in tile.cells { count[cell.row * grid.columns + cell.column] += 1 }
        }
        return count
    }

    @Test func blocksCoverEveryCellOnce() throws {
        for (rows, columns) in [(1, 1), (7, 7), (40, 40), (13, 5), (5, 13), (30, 10)] {
            for tiles in 1...min(rows * columns, 48) {
                guard let grid = try? TileGrid.blocks(rows: rows, columns: columns, tiles: tiles, splitColumns: true) else {
                    // Only a count with no factor pair p x q, p <= rows, q <= columns, has no grid.
                    #expect(!(1...tiles).contains { tiles % $0 == 0 && $0 <= rows && tiles / $0 <= columns })
                    continue
                }
                #expect(grid.count == tiles)
                #expect(Self.coverage(grid).allSatisfy { $0 == 1 }, "\(rows) x \(columns) in \(tiles) tiles")
                #expect(grid.tiles.reduce(0) { $0 + $1.cellCount } == rows * columns)
            }
        }
    }

    @Test func bandsCoverTheUpperTriangleOnce() throws {
        for items in [1, 2, 3, 10, 40, 97] {
            for tiles in 1...items {
                let grid = try TileGrid.bands(items: items, tiles: tiles)
                #expect(grid.count == tiles)
                let coverage = Self.coverage(grid)
                for row in 0..<items {
                    for column in 0..<items {
                        #expect(coverage[row * items + column] == (column >= row ? 1 : 0), "\(items) items in \(tiles) bands")
                    }
                }
            }
        }
    }

    @Test func bandsBalanceTheirCells() throws {
        let grid = try TileGrid.bands(items: 1000, tiles: 10)
        let cells = grid.tiles.map(\.cellCount)
        // 500,500 cells: each band within one row's worth (at most 1000 cells) of a tenth.
        #expect(cells.allSatisfy { abs($0 - 50_050) <= 1000 }, "\(cells)")
        #expect(grid.rowCuts.first == 0 && grid.rowCuts.last == 1000)
        #expect(grid.tiles[0].rows.count < grid.tiles[9].rows.count)
    }

    @Test func rowBandsKeepEveryColumn() throws {
        let grid = try TileGrid.blocks(rows: 7600, columns: 120_000, tiles: 400, splitColumns: false)
        #expect(grid.count == 400)
        #expect(grid.tiles.allSatisfy { $0.columns == 0..<120_000 })
        #expect(Set(grid.tiles.map(\.rows.count)) == [19])
    }

    @Test func blocksReadTheFewestItems() throws {
        // 40 x 40 in 6: 3 x 2 (14 + 20 items a tile) rather than 6 x 1 (7 + 40) or 1 x 6.
        let grid = try TileGrid.blocks(rows: 40, columns: 40, tiles: 6, splitColumns: true)
        #expect(grid.rowBlocks == 3 && grid.columnBlocks == 2)
        #expect(grid[5].rows == 26..<40 && grid[5].columns == 20..<40)
    }

    @Test func impossibleGridsAreRefused() {
        #expect(throws: ShardingError.tooManyTiles(5, most: 4)) { try TileGrid.bands(items: 4, tiles: 5) }
        #expect(throws: ShardingError.tooManyTiles(10, most: 9)) { try TileGrid.blocks(rows: 9, columns: 3, tiles: 10, splitColumns: false) }
        #expect(throws: ShardingError.invalidTiles(0)) { try TileGrid.blocks(rows: 9, columns: 3, tiles: 0, splitColumns: true) }
        #expect(throws: ShardingError.noGrid(7, rows: 3, columns: 3)) { try TileGrid.blocks(rows: 3, columns: 3, tiles: 7, splitColumns: true) }
        #expect(throws: (any Error).self) { try TileGrid(layout: .blocks, rowCuts: [0, 3, 3], columnCuts: [0, 4]) }
        #expect(throws: (any Error).self) { try TileGrid(layout: .bands, rowCuts: [0, 2, 4], columnCuts: [0, 3]) }
        #expect(throws: (any Error).self) { try TileGrid(layout: .blocks, rowCuts: [1, 4], columnCuts: [0, 4]) }
    }
}

@Suite struct ArraySyntaxTests {
    @Test func runsOfIndicesAreRanges() {
        #expect(ArraySyntax.format([3, 17, 18, 19]) == "3,17-19")
        #expect(ArraySyntax.format([19, 3, 18, 17, 3]) == "3,17-19")
        #expect(ArraySyntax.format([0, 1]) == "0-1")
        #expect(ArraySyntax.format([5]) == "5")
        #expect(ArraySyntax.format([0, 2, 4]) == "0,2,4")
        #expect(ArraySyntax.format([Int]()) == "")
    }

    @Test func parsingGivesTheIndicesBack() {
        for indices in [[3, 17, 18, 19], [0], [0, 1, 2, 3, 9, 11, 12], Array(0..<400)] {
            #expect(ArraySyntax.parse(ArraySyntax.format(indices)) == indices)
        }
        #expect(ArraySyntax.parse("0-399") == Array(0..<400))
        for bad in ["", "3,", "-1", "5-3", "a", "1-2-3", "1;2"] { #expect(ArraySyntax.parse(bad) == nil, "\(bad)") }
    }
}

@Suite struct SHA256Tests {
    /// FIPS 180-4's examples and the digest of a million 'a's.
    @Test func knownDigests() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesGiveTheDigestOfTheWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for cut in [0, 1, 55, 56, 63, 64, 65, 127, 500, 1000] {
            var hash = SHA256()
            hash.update(bytes[..<cut])
            hash.update(bytes[cut...])
            #expect(hash.finalizeHex() == SHA256.hex(bytes), "cut at \(cut)")
        }
    }
}
