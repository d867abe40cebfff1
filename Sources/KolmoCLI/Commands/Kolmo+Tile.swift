import ArgumentParser
import Foundation
import Sharding

extension Kolmo {
    struct TileCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tile",
            abstract: "Compute one tile of a planned run (kolmo matrix/classify ... --plan DIR --tiles N).",
            discussion: """
                Writes DIR/shards/tile-NNNNNN.shard under a temporary name, flushed and renamed, so that a \
                crashed, cancelled or timed-out tile leaves no shard. A tile whose valid shard exists exits 0 \
                at once: a requeued or duplicated task is harmless. The tile reads its inputs from the paths \
                in the plan (relative to the folder where the run was planned) and refuses to run if one \
                changed. With --from-env the index is SLURM_ARRAY_TASK_ID (a Slurm job array) or, where \
                that is not set, JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); never the array's task \
                count, which is 1 for a resubmitted single index.
                """
        )

        @Argument(help: ArgumentHelp("The plan's folder.", valueName: "dir"))
        var directory: String

        @Argument(help: "The tile to compute, from 0.")
        var index: Int?

        @Flag(name: .customLong("from-env"), help: "Take the index from SLURM_ARRAY_TASK_ID, else JOB_COMPLETION_INDEX.")
        var fromEnvironment = false

        @Option(help: "Threads to use (default: the planned command's --jobs, else every core).")
        var jobs: Int?

        @Flag(help: "Say nothing on standard error when the tile is done.")
        var quiet = false

        /// Test-only: the tile with this index fails once (exit 1, no shard), then runs normally.
        /// The Slurm check uses it to prove that `status` finds and `submit --resubmit-missing` recovers a failed tile.
        static let failOnceVariable = "KOLMO_TEST_FAIL_TILE_ONCE"

        func validate() throws {
            if fromEnvironment == (index != nil) { throw ValidationError("give the tile's INDEX or --from-env, not both nor neither") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if let index, index < 0 { throw ValidationError("INDEX must be at least 0") }
        }

        /// The index from the engine's environment.
        static func environmentIndex(_ environment: [String: String]) throws -> Int {
            for name in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] {
                guard let value = environment[name] else { continue }
                guard let index = Int(value), index >= 0 else { throw ValidationError("--from-env: \(name) is '\(value)', not a tile index") }
                return index
            }
            throw ValidationError("--from-env: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set (not inside a job array?)")
        }

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let index = try self.index ?? Self.environmentIndex(environment)
            let directory = Tiling.absolute(self.directory)
            let plan = try Plan.read(directory: directory)
            guard index < plan.tiles else {
                throw FileProblem(path: Plan.path(in: directory), problem: "has tiles 0-\(plan.tiles - 1); there is no tile \(index)")
            }
            let command = try Tiling.command(for: plan, in: directory)
            let tile = plan.grid[index]
            let path = ShardFile.path(in: directory, tile: index)
            if FileManager.default.fileExists(atPath: path), (try? ShardFile.read(path, expecting: command.expectation(plan, tile))) != nil {
                if !quiet { Output.note("tile \(index): done already (\(path))") }
                return
            }
            if environment[Self.failOnceVariable] == String(index) {
                let marker = (directory as NSString).appendingPathComponent("test-failed-tile-\(index)")
                if !FileManager.default.fileExists(atPath: marker) {
                    _ = FileManager.default.createFile(atPath: marker, contents: Data())
                    throw FileProblem(path: path, problem: "not written: tile \(index) fails once on purpose (\(Self.failOnceVariable), for tests only)")
                }
            }
            guard FileManager.default.changeCurrentDirectoryPath(plan.workingDirectory) else {
                throw FileProblem(path: plan.workingDirectory, problem: "the folder where the run was planned cannot be entered")
            }
            let started = DispatchTime.now()
            let content = try command.compute(tile, plan: plan, jobs: jobs)
            try ShardFile(fingerprint: plan.fingerprint, tile: tile, compressor: plan.compressor, content: content).write(directory: directory)
            if !quiet {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                var usage = rusage()
                getrusage(RUSAGE_SELF.rawValue, &usage)
                let cpu = [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
                Output.note("tile \(index): rows \(tile.rows.lowerBound)-\(tile.rows.upperBound - 1), columns \(tile.columns.lowerBound)-\(tile.columns.upperBound - 1)"
                    + "\(tile.upperTriangle ? " (upper triangle)" : ""), \(tile.cellCount) pairs in \(String(format: "%.2f", seconds)) s (the whole tile \(String(format: "%.2f", cpu)) s CPU): \(path)")
            }
        }
    }
}
