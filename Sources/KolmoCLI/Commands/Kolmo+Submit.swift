import ArgumentParser
import Foundation
import Sharding

extension Kolmo {
    struct SubmitCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: "Submit a planned run's tiles to a cluster: a Slurm job array, then a merge job.",
            discussion: """
                Writes DIR/slurm/tiles.sh and DIR/slurm/merge.sh and submits them: `sbatch --array` over the \
                tiles (each task runs `kolmo tile DIR --from-env`), then the merge with \
                `--dependency=afterany:` on the array, so that it runs however the tiles end and says what is \
                missing. Logs go to DIR/slurm/. The kolmo program, DIR and the inputs must be at the same paths \
                on every node (a shared file system). With --resubmit-missing only the tiles `kolmo status` \
                finds missing are submitted. Completion is judged from the shards, not from Slurm's accounting.
                """
        )

        @Argument(help: ArgumentHelp("The plan's folder.", valueName: "dir"))
        var directory: String

        @Flag(help: "Submit to Slurm (sbatch). The only engine for now: the same files run under any engine with `kolmo tile DIR INDEX`.")
        var slurm = false

        @Option(help: "Slurm partition.")
        var partition: String?

        @Option(help: "Time limit per tile, as sbatch takes it (e.g. 30:00, 2:00:00).")
        var time: String?

        @Option(help: "CPUs per tile; the tile runs that many threads.")
        var cpus: Int = 1

        @Option(name: .customLong("max-parallel"), help: "At most this many tiles at once (sbatch --array=...%M).")
        var maxParallel: Int?

        @Option(help: "The merge job writes here (default: where the planned command writes).")
        var output: String?

        @Option(help: "The merge job's output format (default: the planned one).")
        var format: String?

        @Flag(name: .customLong("resubmit-missing"), help: "Submit only the tiles without a valid shard.")
        var resubmitMissing = false

        @Flag(help: "Let Slurm requeue a tile whose node fails (sbatch --requeue).")
        var requeue = false

        @Flag(name: .customLong("dry-run"), help: "Write the scripts and print the sbatch commands without running them.")
        var dryRun = false

        /// How long sbatch may take to answer before it is stopped.
        static let sbatchTimeout = 120.0

        func validate() throws {
            if !slurm { throw ValidationError("say which engine: --slurm (for another engine run `kolmo tile DIR INDEX` per task)") }
            if cpus < 1 { throw ValidationError("--cpus must be at least 1") }
            if let maxParallel, maxParallel < 1 { throw ValidationError("--max-parallel must be at least 1") }
        }

        func run() throws {
            let directory = Tiling.absolute(self.directory)
            let plan = try Plan.read(directory: directory)
            let command = try Tiling.command(for: plan, in: directory)
            var tiles = Array(0..<plan.tiles)
            if resubmitMissing {
                let (_, missing, problems) = Tiling.shards(plan, command, directory: directory)
                for problem in problems { Output.warn(problem) }
                guard !missing.isEmpty else {
                    print("no tile is missing; merge with: kolmo merge \(Tiling.shellQuoted(self.directory))")
                    return
                }
                tiles = missing
            }
            let folder = (directory as NSString).appendingPathComponent("slurm")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let scripts = Self.scripts(
                kolmo: Self.executablePath(), directory: directory, cpus: cpus, partition: partition, time: time,
                requeue: requeue, output: output.map(Tiling.absolute), format: format)
            let tilesScript = (folder as NSString).appendingPathComponent("tiles.sh")
            let mergeScript = (folder as NSString).appendingPathComponent("merge.sh")
            try OutputFile.write(scripts.tiles, to: tilesScript)
            try OutputFile.write(scripts.merge, to: mergeScript)
            let array = ArraySyntax.format(tiles) + (maxParallel.map { "%\($0)" } ?? "")
            let tilesCall = ["sbatch", "--parsable", "--array=\(array)", tilesScript]
            if dryRun {
                print(tilesCall.map(Tiling.shellQuoted).joined(separator: " "))
                print(["sbatch", "--parsable", "--dependency=afterany:JOBID", mergeScript].map(Tiling.shellQuoted).joined(separator: " "))
                return
            }
            let tilesJob = try Self.sbatch(Array(tilesCall.dropFirst()))
            let mergeJob = try Self.sbatch(["--parsable", "--dependency=afterany:\(tilesJob)", mergeScript])
            print("submitted tiles \(ArraySyntax.format(tiles)) as job array \(tilesJob), the merge as job \(mergeJob) (after the array ends); logs in \(folder)")
            if output == nil && command.output == nil {
                print("the merge writes to standard output, into \(folder)/merge-\(mergeJob).out; give --output FILE to write a file")
            }
            print("follow with: kolmo status \(Tiling.shellQuoted(self.directory))")
        }

        /// The batch scripts of the tiles and of the merge.
        static func scripts(
            kolmo: String, directory: String, cpus: Int, partition: String?, time: String?, requeue: Bool, output: String?, format: String?
        ) -> (tiles: String, merge: String) {
            let q = Tiling.shellQuoted
            let logs = (directory as NSString).appendingPathComponent("slurm")
            var common = partition.map { ["#SBATCH --partition=\($0)"] } ?? []
            if let time { common.append("#SBATCH --time=\(time)") }
            let tiles = ["#!/bin/sh", "#SBATCH --job-name=kolmo-tiles", "#SBATCH --cpus-per-task=\(cpus)",
                         "#SBATCH --output=\(logs)/tile-%a-%A.out"] + common + (requeue ? ["#SBATCH --requeue"] : [])
                + ["# The index comes from SLURM_ARRAY_TASK_ID (never from the array's task count).",
                   "exec \(q(kolmo)) tile \(q(directory)) --from-env --jobs \(cpus)"]
            var mergeCall = "exec \(q(kolmo)) merge \(q(directory))"
            if let output { mergeCall += " --output \(q(output))" }
            if let format { mergeCall += " --format \(q(format))" }
            let merge = ["#!/bin/sh", "#SBATCH --job-name=kolmo-merge", "#SBATCH --output=\(logs)/merge-%j.out"] + common + [mergeCall]
            return (tiles.joined(separator: "\n") + "\n", merge.joined(separator: "\n") + "\n")
        }

        /// This program's own path, for the scripts.
        static func executablePath() -> String {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Tiling.absolute(CommandLine.arguments[0])
        }

        /// Runs sbatch with `arguments`; its job id (`--parsable` prints `id` or `id;cluster`).
        static func sbatch(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sbatch"] + arguments
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            do { try process.run() } catch { throw FileProblem(path: "sbatch", problem: "cannot be started: \(error.localizedDescription)") }
            let finished = DispatchSemaphore(value: 0)
            DispatchQueue.global().async { process.waitUntilExit(); finished.signal() }
            if finished.wait(timeout: .now() + sbatchTimeout) == .timedOut {
                process.terminate()
                throw FileProblem(path: "sbatch", problem: "no answer in \(Int(sbatchTimeout)) s; is slurmctld running?")
            }
            let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            guard process.terminationStatus == 0, let id = said.split(separator: "\n").first?.split(separator: ";").first, Int(id) != nil else {
                let reason = complaint.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
                throw FileProblem(path: "sbatch", problem: process.terminationStatus == 127 ? "not found; is this a Slurm login node?" : reason)
            }
            return String(id)
        }
    }
}
