import ArgumentParser
import Complexity
import Foundation
import Sharding

/// A command that can be planned as tiles (`--plan DIR --tiles N`): `kolmo matrix` and
/// `kolmo classify --method knn`. `kolmo tile` and `kolmo merge` parse the planned arguments
/// again, so that a tile and the merge run with exactly the options of the single run.
protocol TiledCommand {
    var planOptions: PlanOptions { get }
    /// Where the single run writes (nil: standard output).
    var output: String? { get }
    static var planned: Plan.Command { get }

    /// Reads every input and says how the run is cut.
    func prepare() throws -> PreparedRun
    /// Computes one tile, after checking that its inputs are those of the plan.
    func compute(_ tile: Tile, plan: Plan, jobs: Int?) throws -> ShardContent
    /// What a valid shard of `tile` holds.
    func expectation(_ plan: Plan, _ tile: Tile) -> ShardFile.Expectation
    /// Writes the result of every tile's shard (in tile order), as the single run writes it.
    func merge(_ shards: [ShardFile], plan: Plan) throws
}

/// A run read and cut, before its plan is written.
struct PreparedRun {
    let run: TiledMatrix
    /// Whether tiles may split the columns (kNN classification keeps every training item in every tile).
    let splitColumns: Bool
    let sets: [(name: String, items: [PlanItem])]
    let rowItems: [[UInt8]]
    let columnItems: [[UInt8]]?
    let beyondWindow: (count: Int, total: Int)?
    /// What each tile's shard holds: `values`, `nearest` or `predictions`.
    let kind: String
}

/// Planning, running, checking and merging tiles: the part the matrix and classify commands share.
enum Tiling {
    /// Exit status of `kolmo status` and `kolmo merge` when tiles are missing.
    static let incomplete: Int32 = 3

    /// `--plan DIR --tiles N`: writes the plan and prints the next commands; with `--estimate`,
    /// times a sample and prints the estimate instead.
    static func plan<Command: TiledCommand>(_ command: Command) throws {
        let options = command.planOptions
        let directory = options.plan!
        let prepared = try command.prepare()
        if options.estimate {
            print(try estimate(prepared, options: options), terminator: "")
            return
        }
        let grid = try prepared.run.grid(tiles: options.tiles!, splitColumns: prepared.splitColumns)
        let plan = Plan(
            command: Command.planned, arguments: PlanOptions.strip(plannedArguments(Command.planned)),
            workingDirectory: FileManager.default.currentDirectoryPath, compressor: prepared.run.builder.compressor.description,
            grid: grid, sets: prepared.sets, beyondWindow: prepared.beyondWindow)
        let existed = try plan.write(directory: directory)
        let dir = shellQuoted(directory)
        print("""
            \(existed ? "unchanged" : "planned") \(grid.count) tiles in \(Plan.path(in: directory)) (fingerprint \(plan.fingerprint.prefix(12))); nothing computed yet
            run each tile, anywhere that sees the inputs:  kolmo tile \(dir) INDEX      (INDEX 0-\(grid.count - 1))
            or on Slurm:                                    kolmo submit \(dir) --slurm [--partition P --time T --cpus N]
            then:                                           kolmo status \(dir)
                                                            kolmo merge \(dir) [--output FILE]

            """, terminator: "")
    }

    /// This run's own arguments: everything after the subcommand's name.
    static func plannedArguments(_ command: Plan.Command) -> [String] {
        let arguments = CommandLine.arguments
        guard let start = arguments.dropFirst().firstIndex(of: command.rawValue) else { return Array(arguments.dropFirst()) }
        return Array(arguments[(start + 1)...])
    }

    /// The planned command, parsed again from the plan's arguments and `extra` ones (which win).
    static func command(for plan: Plan, in directory: String, extra: [String] = []) throws -> any TiledCommand {
        let arguments = plan.arguments + extra
        do {
            switch plan.command {
            case .matrix: return try Kolmo.MatrixCommand.parse(arguments)
            case .classify: return try Kolmo.ClassifyCommand.parse(arguments)
            }
        } catch {
            let message = Kolmo.MatrixCommand.message(for: error)
            throw FileProblem(path: Plan.path(in: directory), problem: "its arguments no longer parse: \(message)")
        }
    }

    /// Every tile's shard, read and checked: the valid ones, the missing tiles, and what is wrong
    /// with each shard that is there but not valid (its tile counts as missing).
    static func shards(_ plan: Plan, _ command: any TiledCommand, directory: String) -> (valid: [Int: ShardFile], missing: [Int], problems: [String]) {
        var valid: [Int: ShardFile] = [:], missing: [Int] = [], problems: [String] = []
        for tile in plan.grid.tiles {
            let path = ShardFile.path(in: directory, tile: tile.index)
            guard FileManager.default.fileExists(atPath: path) else {
                missing.append(tile.index)
                continue
            }
            do {
                valid[tile.index] = try ShardFile.read(path, expecting: command.expectation(plan, tile))
            } catch {
                missing.append(tile.index)
                problems.append("\(error); tile \(tile.index) counts as missing")
            }
        }
        return (valid, missing, problems)
    }

    /// `--estimate`: the sample's cost per pair, the run's CPU-hours, its shards, and the tile
    /// count that keeps every tile under `--minutes-per-tile`.
    static func estimate(_ prepared: PreparedRun, options: PlanOptions) throws -> String {
        let run = prepared.run
        let cost = try CostEstimate.measure(run, rowItems: prepared.rowItems, columnItems: prepared.columnItems)
        let pairs = run.pairs
        let concatenations = run.builder.workload(rows: run.rows, columns: run.columns, nearest: run.k != nil).units
        let single = Double(concatenations) * cost.secondsPerConcatenation
            + Double(run.rows + (run.columns ?? 0)) * cost.secondsPerCompression
        var rows: [[String]] = [
            ["compressor", run.builder.compressor.description],
            ["sample", "\(cost.sampledPairs) pairs on one core, \(format(cost.sampleSeconds, 2)) s CPU: "
                + "\(format(cost.secondsPerConcatenation * 1e6, 1)) µs per concatenation, \(format(cost.secondsPerCompression * 1e6, 1)) µs per C(x)"],
            ["work", "\(grouped(run.rows)) x \(grouped(run.columnCount)): \(grouped(pairs)) pairs, \(grouped(concatenations)) concatenations"],
            ["one run", cpu(single)],
        ]
        func describe(_ grid: TileGrid) -> String {
            let (total, longest) = cost.seconds(of: grid, in: run)
            let sizes = grid.tiles.map { shardBytes($0, prepared.kind, run) }
            return "\(cpu(total)) in all, the longest tile \(cpu(longest)); "
                + "shards \(bytes(sizes.reduce(0, +))) in all, the largest \(bytes(sizes.max() ?? 0))"
        }
        if let tiles = options.tiles {
            rows.append(["--tiles \(tiles)", describe(try run.grid(tiles: tiles, splitColumns: prepared.splitColumns))])
        }
        let target = options.minutesPerTile * 60
        if let suggestion = cost.tiles(forSeconds: target, in: run, splitColumns: prepared.splitColumns) {
            rows.append(["suggested", "--tiles \(suggestion.tiles) (at most \(cpu(target)) a tile): " + describe(suggestion.grid)])
        } else {
            rows.append(["suggested", "no tile count keeps every tile under \(cpu(target)) (each tile computes C(x) of all its items); allow more --minutes-per-tile"])
        }
        return Output.table(rows) + "\n"
    }

    /// A shard's size in bytes: its header and its payload; for predictions the payload without
    /// ties (4 bytes more for each tied class), and no pair beyond the window.
    static func shardBytes(_ tile: Tile, _ kind: String, _ run: TiledMatrix) -> Int {
        let (count, payload): (Int, Int)
        switch kind {
        case "values": (count, payload) = (tile.cellCount, 8 * tile.cellCount)
        case "nearest":
            let candidates = tile.columns.count - (run.isSquare && tile.rows.overlaps(tile.columns) ? 1 : 0)
            (count, payload) = (tile.rows.count, tile.rows.count * (4 + 16 * min(run.k ?? 0, candidates)))
        default: (count, payload) = (tile.rows.count, tile.rows.count * 20)
        }
        let digest = String(repeating: "0", count: 64)
        let header = ShardFile.header(
            fingerprint: digest, tile: tile, compressor: run.builder.compressor.description, kind: kind, count: count,
            pairsBeyondWindow: 0, payloadBytes: payload, checksum: digest)
        return header.utf8.count + payload
    }

    static func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    /// CPU time in the unit that reads best: seconds, minutes or hours.
    static func cpu(_ seconds: Double) -> String {
        if seconds < 120 { return "\(format(seconds, seconds < 10 ? 2 : 1)) CPU-seconds" }
        if seconds < 7200 { return "\(format(seconds / 60, 1)) CPU-minutes" }
        let hours = seconds / 3600
        return hours < 1000 ? "\(format(hours, 1)) CPU-hours" : "\(grouped(Int(hours.rounded()))) CPU-hours"
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        return String(digits.reversed().enumerated().flatMap { $0 > 0 && $0 % 3 == 0 ? [",", $1] : [$1] }.reversed())
    }

    static func bytes(_ count: Int) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB"]
        var value = Double(count), unit = 0
        while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(count) bytes" : "\(format(value, 1)) \(units[unit])"
    }

    /// `text` quoted for a POSIX shell when it needs it.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:,@".contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `path` made absolute against the current directory.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
