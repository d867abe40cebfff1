public import Complexity
import Glibc
import KolmoSupport

/// What a tiled run will cost, from a timed sample of its own pairs: CPU seconds per
/// concatenation and per single compression, measured with the run's own builder, so that it
/// holds for any compressor the builder takes.
public struct CostEstimate: Hashable, Sendable {
    /// CPU seconds one concatenation (C(xy) or C(yx)) took in the sample.
    public let secondsPerConcatenation: Double
    /// CPU seconds one C(x) took in the sample.
    public let secondsPerCompression: Double
    /// Pairs and CPU seconds of the sample.
    public let sampledPairs: Int
    public let sampleSeconds: Double

    public init(secondsPerConcatenation: Double, secondsPerCompression: Double, sampledPairs: Int, sampleSeconds: Double) {
        self.secondsPerConcatenation = secondsPerConcatenation
        self.secondsPerCompression = secondsPerCompression
        self.sampledPairs = sampledPairs
        self.sampleSeconds = sampleSeconds
    }

    /// Times a seeded sample of `rowItems` x `columnItems` (`columnItems` nil: the rows) on one
    /// thread, doubling it until it has taken `seconds` of CPU time or covers every pair.
    /// Concatenations are timed in rows of up to 64 columns, as a tile continues one x with many y.
    public static func measure(
        _ run: TiledMatrix, rowItems: [[UInt8]], columnItems: [[UInt8]]?, seconds: Double = 2, seed: UInt64 = 1
    ) throws -> CostEstimate {
        var builder = run.builder
        builder.jobs = 1
        builder.symmetric = false
        builder.progress = nil
        let columns = columnItems ?? rowItems
        var generator = SplitMix(seed: seed)
        let rowOrder = generator.permutation(rowItems.count)
        let columnOrder = generator.permutation(columns.count)
        let sampleColumns = columnOrder.prefix(64).map { columns[$0] }
        var sampleRows = 4
        while true {
            let rows = rowOrder.prefix(sampleRows).map { rowItems[$0] }
            let singles = rows + sampleColumns
            let single = try cpuSeconds { _ = try builder.complexities(of: singles) }
            // The call a tile makes: a top-k tile compresses C(yx) pair by pair, a matrix tile in rows.
            let whole = try cpuSeconds {
                if let k = run.k {
                    _ = try builder.nearest(rows: rows, columns: sampleColumns, k: k) { _, _ in }
                } else {
                    _ = try builder.matrix(rows: rows, columns: sampleColumns)
                }
            }
            let concatenations = builder.workload(rows: rows.count, columns: sampleColumns.count, nearest: run.k != nil).units
            let compressions = single / Double(singles.count)
            if whole >= seconds || sampleRows >= rowItems.count {
                return CostEstimate(
                    secondsPerConcatenation: Swift.max(0, whole - single) / Double(concatenations),
                    secondsPerCompression: compressions,
                    sampledPairs: rows.count * sampleColumns.count, sampleSeconds: whole + single)
            }
            sampleRows = Swift.min(rowItems.count, sampleRows * 2)
        }
    }

    /// CPU seconds of the tile: its concatenations and the C(x) of its rows and columns.
    public func seconds(of tile: Tile, in run: TiledMatrix) -> Double {
        let work = run.work(of: tile)
        return Double(work.concatenations) * secondsPerConcatenation + Double(work.compressions) * secondsPerCompression
    }

    /// CPU seconds of every tile of `grid`, summed, and of the longest tile.
    public func seconds(of grid: TileGrid, in run: TiledMatrix) -> (total: Double, longest: Double) {
        grid.tiles.reduce((0, 0)) { sums, tile in
            let seconds = seconds(of: tile, in: run)
            return (sums.total + seconds, Swift.max(sums.longest, seconds))
        }
    }

    /// The fewest tiles (from `start` on) whose longest tile takes at most `seconds` of CPU time,
    /// with its grid; nil when even the most tiles the run allows, or the 4,000 counts tried, do not.
    public func tiles(
        forSeconds seconds: Double, in run: TiledMatrix, splitColumns: Bool, start: Int = 1
    ) -> (tiles: Int, grid: TileGrid)? {
        let total = Double(run.builder.workload(rows: run.rows, columns: run.columns, nearest: run.k != nil).units) * secondsPerConcatenation
        var tiles = Swift.max(start, Int((total / seconds).rounded(.up)))
        for _ in 0..<4000 {
            do {
                let grid = try run.grid(tiles: tiles, splitColumns: splitColumns)
                if self.seconds(of: grid, in: run).longest <= seconds { return (tiles, grid) }
            } catch ShardingError.tooManyTiles {
                return nil
            } catch {
                // No grid of this count (no factor pair fits): try the next.
            }
            tiles += 1
        }
        return nil
    }

    private static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        try body()
        return now() - start
    }
}

extension TiledMatrix {
    /// What a tile compresses: its concatenations, and the C(x) of its row and column items
    /// (which every tile computes again for its own items).
    public func work(of tile: Tile) -> (concatenations: Int, compressions: Int) {
        var plain = builder
        plain.symmetric = false
        let compressions = tile.rows.count + (isSquare && tile.rows == tile.columns ? 0 : tile.columns.count)
        if tile.upperTriangle {
            let band = tile.rows.count
            let rest = tile.columns.count - band
            return (builder.workload(rows: band, columns: nil).units + plain.workload(rows: band, columns: rest).units, tile.columns.count)
        }
        let diagonal = isSquare && tile.rows == tile.columns
        return (plain.workload(rows: tile.rows.count, columns: diagonal ? nil : tile.columns.count, nearest: k != nil).units, compressions)
    }
}
