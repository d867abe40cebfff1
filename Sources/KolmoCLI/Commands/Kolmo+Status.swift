import ArgumentParser
import Foundation
import Sharding

extension Kolmo {
    struct StatusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Which tiles of a planned run are done, and which are missing (exit status 3 if any).",
            discussion: """
                Every shard is read and checked (its plan's fingerprint, tile, ranges, length and SHA-256). \
                The missing tiles, and those whose shard is truncated or foreign, are listed in Slurm's array \
                syntax ("3,17-19"), ready for `sbatch --array` or `kolmo submit DIR --slurm --resubmit-missing`.
                """
        )

        @Argument(help: ArgumentHelp("The plan's folder.", valueName: "dir"))
        var directory: String

        func run() throws {
            let plan = try Plan.read(directory: directory)
            let command = try Tiling.command(for: plan, in: directory)
            let (valid, missing, problems) = Tiling.shards(plan, command, directory: directory)
            for problem in problems { Output.warn(problem) }
            print(Output.table([
                ["plan", "\(Plan.path(in: directory)): \(plan.command.rawValue), \(plan.tiles) tiles, fingerprint \(plan.fingerprint.prefix(12))"],
                ["done", "\(valid.count) of \(plan.tiles)"],
                ["missing", missing.isEmpty ? "none" : ArraySyntax.format(missing)],
            ]))
            if !missing.isEmpty { throw ExitCode(Tiling.incomplete) }
        }
    }
}
