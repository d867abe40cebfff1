import ArgumentParser
import Foundation
import Sharding

extension Kolmo {
    struct MergeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge every tile of a planned run into the output of the single run.",
            discussion: """
                Checks every shard, then writes the result, complete or not at all, byte for byte what the \
                planned command writes when run on one machine (top-k lists merged per row, ties to the lower \
                index). If tiles are missing, or a shard is truncated or foreign, it writes nothing, lists them \
                in array syntax and exits with status 3. Without --output and --format it writes where and as \
                the planned command would (its --output is relative to the folder where it was planned).
                """
        )

        @Argument(help: ArgumentHelp("The plan's folder.", valueName: "dir"))
        var directory: String

        @Option(help: "Write to this file instead of the planned command's output.")
        var output: String?

        @Option(help: "Output format, one of the planned command's (default: the planned one).")
        var format: String?

        func run() throws {
            let directory = Tiling.absolute(self.directory)
            let plan = try Plan.read(directory: directory)
            var extra: [String] = []
            if let output { extra += ["--output", Tiling.absolute(output)] }
            if let format { extra += ["--format", format] }
            let command: any TiledCommand
            do {
                command = try Tiling.command(for: plan, in: directory, extra: extra)
            } catch let problem as FileProblem where !extra.isEmpty {
                throw ValidationError("--output or --format: " + problem.problem.replacingOccurrences(of: "its arguments no longer parse: ", with: ""))
            }
            let (valid, missing, problems) = Tiling.shards(plan, command, directory: directory)
            for problem in problems { Output.warn(problem) }
            guard missing.isEmpty else {
                Output.error("\(directory): \(missing.count) of \(plan.tiles) tiles missing: \(ArraySyntax.format(missing)); nothing written "
                    + "(run them with `kolmo tile \(Tiling.shellQuoted(self.directory)) INDEX` or `kolmo submit \(Tiling.shellQuoted(self.directory)) --slurm --resubmit-missing`)")
                throw ExitCode(Tiling.incomplete)
            }
            if output == nil {
                guard FileManager.default.changeCurrentDirectoryPath(plan.workingDirectory) else {
                    throw FileProblem(path: plan.workingDirectory, problem: "the folder where the run was planned cannot be entered")
                }
            }
            try command.merge((0..<plan.tiles).map { valid[$0]! }, plan: plan)
        }
    }
}
