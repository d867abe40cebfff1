import Complexity
import Foundation
import Sharding

/// `kolmo matrix ... --plan DIR --tiles N`: the matrix (or its top-k lists) in tiles of rows and
/// columns; each tile reads only its own items.
extension Kolmo.MatrixCommand: TiledCommand {
    static var planned: Plan.Command { .matrix }

    func builder(jobs: Int? = nil) -> DistanceMatrixBuilder {
        DistanceMatrixBuilder(compressor: options.compressor, order: order, symmetric: symmetric, jobs: jobs ?? self.jobs, verify: options.verify)
    }

    func tiled(rows: Int, columns: Int?, jobs: Int? = nil) throws -> TiledMatrix {
        try TiledMatrix(builder: builder(jobs: jobs), rows: rows, columns: columns, k: topK)
    }

    func prepare() throws -> PreparedRun {
        let (rows, columns) = try collect()
        if rows.contains(where: { $0.path == "-" }) || columns?.contains(where: { $0.path == "-" }) == true {
            throw FileProblem(path: "-", problem: "standard input cannot be planned: every tile must read the inputs again")
        }
        func items(_ list: [Item]) -> [PlanItem] { list.map { PlanItem(path: $0.path, label: $0.label, bytes: $0.bytes) } }
        var sets = [(name: "rows", items: items(rows))]
        if let columns { sets.append((name: "columns", items: items(columns))) }
        return PreparedRun(
            run: try tiled(rows: rows.count, columns: columns?.count), splitColumns: true, sets: sets,
            rowItems: rows.map(\.bytes), columnItems: columns?.map(\.bytes), beyondWindow: nil,
            kind: topK == nil ? "values" : "nearest")
    }

    func expectation(_ plan: Plan, _ tile: Tile) -> ShardFile.Expectation {
        ShardFile.Expectation(fingerprint: plan.fingerprint, tile: tile, compressor: plan.compressor, kind: topK == nil ? "values" : "nearest")
    }

    /// The items of `plan`'s rows and columns.
    func sets(_ plan: Plan) -> (rows: [PlanItem], columns: [PlanItem]?) {
        (plan.items("rows") ?? [], plan.items("columns"))
    }

    func compute(_ tile: Tile, plan: Plan, jobs: Int?) throws -> ShardContent {
        let (rows, columns) = sets(plan)
        var reader = options.reader()
        var cache: [Int: [UInt8]] = [:]
        func load(_ items: [PlanItem], _ index: Int, shared: Bool) throws -> [UInt8] {
            if shared, let bytes = cache[index] { return bytes }
            let item = items[index]
            let bytes = try reader.read(item.path).bytes
            guard item.matches(bytes) else {
                throw FileProblem(path: item.path, problem: "changed since the plan (its size or SHA-256 differs); plan the run again")
            }
            if shared { cache[index] = bytes }
            return bytes
        }
        let rowItems = try tile.rows.map { try load(rows, $0, shared: true) }
        let columnItems = try tile.columns.map { try load(columns ?? rows, $0, shared: columns == nil) }
        let run = try tiled(rows: rows.count, columns: columns?.count, jobs: jobs)
        return .tile(try run.compute(tile, rowItems: rowItems, columnItems: columnItems))
    }

    func merge(_ shards: [ShardFile], plan: Plan) throws {
        let (rows, columns) = sets(plan)
        let run = try tiled(rows: rows.count, columns: columns?.count)
        let results = shards.compactMap { shard -> TileResult? in
            if case .tile(let result) = shard.content { return result }
            return nil
        }
        let rowLabels = rows.map(\.label), columnLabels = (columns ?? rows).map(\.label)
        let out = try OutputFile(path: output)
        let context = MatrixFile.Context(compressor: options.compressor.description, order: order, symmetric: symmetric)
        if let topK {
            let lists = try run.nearest(from: results, grid: plan.grid)
            let list = NeighborList(format: format, rows: rowLabels, columns: columnLabels, context: context, k: topK, out: out)
            try list.begin()
            for (row, neighbors) in lists.enumerated() { try list.row(row, neighbors) }
            try list.end()
        } else {
            let matrix = try run.matrix(from: results, grid: plan.grid)
            try MatrixFile.write(matrix, rows: rowLabels, columns: columnLabels, format: format, context: context, to: out)
        }
        try writeLabels(rows: rowLabels, columns: columns?.map(\.label))
        try out.commit()
        Output.warnBeyondWindow(run.pairsBeyondWindow(results), of: run.pairs, window: options.compressor.window, options.compressor)
    }
}
