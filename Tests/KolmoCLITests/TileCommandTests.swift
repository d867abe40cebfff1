import Foundation
import TestSupport
import Testing

/// Planned runs through the `kolmo` program, without any cluster engine: `--plan`, `kolmo tile`,
/// `kolmo status`, `kolmo merge` and `kolmo submit --dry-run`.
@Suite(.needsCorpora) struct TileCommandTests {
    static let texts = ["eng", "fra", "deu_1996", "nld", "fin", "hun", "spa", "ita"].map { Corpus.url("udhr/\($0).txt").path }
    static let others = ["dan", "por_PT", "tur"].map { Corpus.url("udhr/\($0).txt").path }

    static func kolmo(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try run(kolmoExecutable, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    /// Plans `arguments` in `tiles` tiles under `folder`/run, computes the tiles listed (all by default).
    static func plan(_ arguments: [String], tiles: Int, in folder: URL, compute: [Int]? = nil) throws -> String {
        let directory = folder.appendingPathComponent("run").path
        let planned = try kolmo(arguments + ["--plan", directory, "--tiles", String(tiles)])
        #expect(planned.status == 0, "\(planned.standardError)")
        for index in compute ?? Array(0..<tiles) {
            let tile = try kolmo(["tile", directory, String(index)])
            #expect(tile.status == 0, "\(tile.standardError)")
        }
        return directory
    }

    static func bytes(_ url: URL) -> [UInt8]? { (try? Data(contentsOf: url)).map { [UInt8]($0) } }

    static let matrixCases: [(arguments: [String], ext: String, tiles: Int)] = [
        (["--format", "tsv"], "tsv", 6),
        (["--format", "csv", "--order", "min"], "csv", 4),
        (["--format", "json", "--order", "mean", "--symmetric"], "json", 5),
        (["--format", "phylip", "--symmetric", "--order", "yx"], "phy", 8),
        (["--format", "npy", "--order", "yx"], "npy", 3),
        (["--format", "csv", "--cross"] + others, "csv", 6),
        (["--format", "npy", "--cross"] + others, "npy", 4),
        (["--top-k", "3"], "tsv", 6),
        (["--top-k", "2", "--format", "json", "--order", "min"], "json", 7),
        (["--top-k", "2", "--format", "csv", "--cross"] + others, "csv", 12),
    ]

    @Test(arguments: matrixCases.indices)
    func mergedMatrixIsTheSingleRunByteForByte(index: Int) throws {
        let (options, ext, tiles) = Self.matrixCases[index]
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["matrix"] + Self.texts + ["--compressor", "deflate:9"] + options
        let single = folder.appendingPathComponent("single.\(ext)"), merged = folder.appendingPathComponent("merged.\(ext)")
        #expect(try Self.kolmo(arguments + ["--output", single.path]).status == 0)
        let directory = try Self.plan(arguments + ["--output", merged.path], tiles: tiles, in: folder)
        let merge = try Self.kolmo(["merge", directory])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(Self.bytes(single) != nil && Self.bytes(merged) == Self.bytes(single), "\(options)")
        if ext == "npy" {
            for suffix in [".labels"] + (options.contains("--cross") ? [".column-labels"] : []) {
                #expect(Self.bytes(URL(fileURLWithPath: merged.path + suffix)) == Self.bytes(URL(fileURLWithPath: single.path + suffix)))
            }
        }
        // --output and --format of merge write the same result elsewhere, in another format.
        if !options.contains("--top-k") && !options.contains("npy") {
            let again = folder.appendingPathComponent("again.tsv")
            #expect(try Self.kolmo(["merge", directory, "--output", again.path, "--format", "tsv"]).status == 0)
            let tsv = try Self.kolmo(arguments.filter { !["--format", ext == "phy" ? "phylip" : ext].contains($0) })
            #expect(Self.bytes(again) == Array(tsv.standardOutput.utf8))
        }
    }

    /// Training and test TSVs of UDHR lines in four languages.
    static func classifyData(_ folder: URL) throws -> (train: String, test: String) {
        var train = "text\tlabel\n", test = "text\tlabel\n"
        for language in ["eng", "fra", "deu_1996", "spa"] {
            let lines = String(decoding: try Corpus.bytes("udhr/\(language).txt"), as: UTF8.self)
                .split(separator: "\n").filter { $0.utf8.count >= 60 && !$0.contains("\t") && !$0.contains("\\") }
            for line in lines.prefix(8) { train += "\(line)\t\(language)\n" }
            for line in lines.dropFirst(8).prefix(5) { test += "\(line)\t\(language)\n" }
        }
        let trainPath = folder.appendingPathComponent("train.tsv"), testPath = folder.appendingPathComponent("test.tsv")
        try train.write(to: trainPath, atomically: true, encoding: .utf8)
        try test.write(to: testPath, atomically: true, encoding: .utf8)
        return (trainPath.path, testPath.path)
    }

    @Test(arguments: [("text", "1", "nearest"), ("tsv", "3", "random"), ("json", "4", "nearest")])
    func mergedClassificationIsTheSingleRunByteForByte(format: String, k: String, ties: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (train, test) = try Self.classifyData(folder)
        let arguments = ["classify", "--method", "knn", "--train", train, "--test", test, "--k", k, "--ties", ties,
                         "--compressor", "deflate:9", "--format", format, "--order", "mean"]
        let single = try Self.kolmo(arguments)
        #expect(single.status == 0)
        let directory = try Self.plan(arguments, tiles: 6, in: folder)
        let merged = try Self.kolmo(["merge", directory])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == single.standardOutput)
    }

    @Test func incompleteRunsListTheMissingTilesAndWriteNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.tsv")
        let directory = try Self.plan(["matrix"] + Self.texts + ["--compressor", "deflate:9", "--output", output.path], tiles: 8, in: folder, compute: [0, 2, 5, 6])
        let status = try Self.kolmo(["status", directory])
        #expect(status.status == 3)
        #expect(status.standardOutput.contains("done     4 of 8") && status.standardOutput.contains("missing  1,3-4,7"), "\(status.standardOutput)")
        let merge = try Self.kolmo(["merge", directory])
        #expect(merge.status == 3)
        #expect(merge.standardError.hasPrefix("Error: ") && merge.standardError.contains("4 of 8 tiles missing: 1,3-4,7"), "\(merge.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let dryRun = try Self.kolmo(["submit", directory, "--slurm", "--resubmit-missing", "--dry-run", "--max-parallel", "2"])
        #expect(dryRun.standardOutput.contains("--array=1,3-4,7%2"), "\(dryRun.standardOutput)")
        let script = try String(contentsOfFile: directory + "/slurm/tiles.sh", encoding: .utf8)
        #expect(script.contains("tile \(directory) --from-env --jobs 1"))
        #expect(!script.contains("SLURM_ARRAY_TASK_COUNT"))
        for index in [1, 3, 4, 7] { #expect(try Self.kolmo(["tile", directory, String(index)]).status == 0) }
        #expect(try Self.kolmo(["status", directory]).status == 0)
        #expect(try Self.kolmo(["merge", directory]).status == 0)
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aRerunOfADoneTileExitsAtOnce() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = try Self.plan(["matrix"] + Self.texts + ["--compressor", "deflate:9", "--top-k", "2"], tiles: 4, in: folder, compute: [2])
        let shard = directory + "/shards/tile-000002.shard"
        let before = try FileManager.default.attributesOfItem(atPath: shard)
        let bytes = Self.bytes(URL(fileURLWithPath: shard))
        let again = try Self.kolmo(["tile", directory, "2"])
        #expect(again.status == 0 && again.standardError.contains("tile 2: done already"))
        let after = try FileManager.default.attributesOfItem(atPath: shard)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(Self.bytes(URL(fileURLWithPath: shard)) == bytes)
    }

    @Test func truncatedDamagedAndForeignShardsAreRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = try Self.plan(["matrix"] + Self.texts + ["--compressor", "deflate:9"], tiles: 4, in: folder)
        let otherFolder = folder.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: otherFolder, withIntermediateDirectories: true)
        let other = try Self.plan(["matrix"] + Self.texts + ["--compressor", "deflate:6"], tiles: 4, in: otherFolder, compute: [1])
        let shard = { (index: Int) in URL(fileURLWithPath: directory + "/shards/tile-00000\(index).shard") }
        // Tile 0 cut short, tile 1 from another plan, tile 3 with one payload bit flipped.
        let whole = Self.bytes(shard(0))!
        try Data(whole.prefix(whole.count - 5)).write(to: shard(0))
        try FileManager.default.removeItem(at: shard(1))
        try FileManager.default.copyItem(atPath: other + "/shards/tile-000001.shard", toPath: shard(1).path)
        var damaged = Self.bytes(shard(3))!
        damaged[damaged.count - 3] ^= 1
        try Data(damaged).write(to: shard(3))
        let status = try Self.kolmo(["status", directory])
        #expect(status.status == 3)
        #expect(status.standardOutput.contains("missing  0-1,3"), "\(status.standardOutput)")
        let warnings = status.standardError.split(separator: "\n")
        #expect(warnings.count == 3, "\(status.standardError)")
        #expect(warnings[0].contains("tile-000000.shard: truncated: ") && warnings[0].contains("tile 0 counts as missing"))
        #expect(warnings[1].contains("tile-000001.shard: belongs to another plan"))
        #expect(warnings[2].contains("tile-000003.shard: damaged: the payload's SHA-256 differs"))
        let merge = try Self.kolmo(["merge", directory, "--output", folder.appendingPathComponent("m.tsv").path])
        #expect(merge.status == 3 && merge.standardError.contains("3 of 4 tiles missing: 0-1,3"))
        // A tile whose shard is not valid computes it again.
        for index in [0, 1, 3] { #expect(try Self.kolmo(["tile", directory, String(index)]).status == 0) }
        #expect(try Self.kolmo(["status", directory]).status == 0)
    }

    @Test func aTileRefusesChangedInputsAndAnEditedPlan() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copies = try Self.texts.prefix(4).enumerated().map { index, path in
            let copy = folder.appendingPathComponent("t\(index).txt")
            try FileManager.default.copyItem(atPath: path, toPath: copy.path)
            return copy.path
        }
        let directory = try Self.plan(["matrix"] + copies + ["--compressor", "deflate:9"], tiles: 2, in: folder, compute: [])
        try Data("changed".utf8).write(to: URL(fileURLWithPath: copies[3]))
        let tile = try Self.kolmo(["tile", directory, "1"])
        #expect(tile.status == 1)
        #expect(tile.standardError == "Error: \(copies[3]): changed since the plan (its size or SHA-256 differs); plan the run again\n")
        #expect(!FileManager.default.fileExists(atPath: directory + "/shards/tile-000001.shard"))
        let plan = directory + "/plan.json"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "\"deflate:9\"", with: "\"deflate:8\"").write(toFile: plan, atomically: true, encoding: .utf8)
        let edited = try Self.kolmo(["status", directory])
        #expect(edited.status == 1 && edited.standardError.contains("plan.json: its contents do not match its fingerprint"))
    }

    @Test func theIndexComesFromTheEngineNeverFromTheTaskCount() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = try Self.plan(["matrix"] + Self.texts + ["--compressor", "deflate:9"], tiles: 6, in: folder, compute: [])
        let slurm = try Self.kolmo(["tile", directory, "--from-env"], environment: ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "1"])
        #expect(slurm.status == 0, "\(slurm.standardError)")
        let kubernetes = try Self.kolmo(["tile", directory, "--from-env"], environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(kubernetes.status == 0, "\(kubernetes.standardError)")
        let status = try Self.kolmo(["status", directory])
        #expect(status.standardOutput.contains("missing  0,2-3,5"), "\(status.standardOutput)")
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_ARRAY_TASK_ID"] = nil
        environment["JOB_COMPLETION_INDEX"] = nil
        let none = try run(kolmoExecutable, ["tile", directory, "--from-env"], environment: environment)
        #expect(none.status == 64 && none.standardError.contains("neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set"))
        #expect(try Self.kolmo(["tile", directory, "6"]).standardError.contains("there is no tile 6"))
    }

    @Test func theTestSwitchFailsOneTileOnce() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = try Self.plan(["matrix"] + Self.texts + ["--compressor", "deflate:9"], tiles: 3, in: folder, compute: [])
        let environment = ["KOLMO_TEST_FAIL_TILE_ONCE": "2"]
        let first = try Self.kolmo(["tile", directory, "2"], environment: environment)
        #expect(first.status == 1 && first.standardError.contains("fails once on purpose"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/shards/tile-000002.shard"))
        #expect(try Self.kolmo(["tile", directory, "1"], environment: environment).status == 0)
        #expect(try Self.kolmo(["tile", directory, "2"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/shards/tile-000002.shard"))
    }

    @Test func planningChecksItsArgumentsAndKeepsOnePlanPerFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["matrix"] + Self.texts + ["--compressor", "deflate:9"]
        let directory = try Self.plan(arguments, tiles: 4, in: folder, compute: [])
        let same = try Self.kolmo(arguments + ["--plan", directory, "--tiles", "4"])
        #expect(same.status == 0 && same.standardOutput.hasPrefix("unchanged 4 tiles"))
        let other = try Self.kolmo(arguments + ["--plan", directory, "--tiles", "5"])
        #expect(other.status == 1 && other.standardError.contains("a different plan is already here"))
        #expect(try Self.kolmo(arguments + ["--plan", directory]).status == 64)
        #expect(try Self.kolmo(arguments + ["--tiles", "3"]).status == 64)
        #expect(try Self.kolmo(arguments + ["--plan", folder.appendingPathComponent("x").path, "--tiles", "11"]).standardError
            .contains("11 tiles cannot cut a 8 x 8 matrix into blocks"))
        let (train, test) = try Self.classifyData(folder)
        let folds = try Self.kolmo(["classify", "--method", "knn", "--train", train, "--folds", "3", "--plan", directory, "--tiles", "2"])
        #expect(folds.status == 64 && folds.standardError.contains("cannot plan --method class or --folds"))
        let stdin = try Self.kolmo(["matrix", "-", Self.texts[0], "--plan", folder.appendingPathComponent("y").path, "--tiles", "2"])
        #expect(stdin.status == 1 && stdin.standardError.contains("standard input cannot be planned"))
        _ = test
    }

    @Test func filesFromReadsTheRowsFromAList() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("list.txt")
        try (Self.texts.joined(separator: "\n") + "\n\n").write(to: list, atomically: true, encoding: .utf8)
        let listed = try Self.kolmo(["matrix", "--files-from", list.path, "--compressor", "deflate:9"])
        let given = try Self.kolmo(["matrix"] + Self.texts + ["--compressor", "deflate:9"])
        #expect(listed.status == 0 && listed.standardOutput == given.standardOutput)
        try Data().write(to: list)
        #expect(try Self.kolmo(["matrix", "--files-from", list.path]).standardError == "Error: \(list.path): no paths in this list\n")
    }

    @Test func theEstimateTimesASampleAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("run").path
        let result = try Self.kolmo(["matrix"] + Self.texts + ["--compressor", "deflate:9", "--top-k", "3", "--plan", directory, "--estimate", "--tiles", "4", "--minutes-per-tile", "0.001"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("sample ") && $0.contains("µs per concatenation") })
        #expect(lines.contains { $0.hasPrefix("work ") && $0.contains("8 x 8: 56 pairs, 64 concatenations") })
        #expect(lines.contains { $0.hasPrefix("--tiles 4 ") && $0.contains("CPU-seconds in all, the longest tile ") })
        #expect(lines.contains { $0.hasPrefix("suggested ") })
        #expect(!FileManager.default.fileExists(atPath: directory))
        // The shards' sizes it gives are those the tiles write.
        let line = try #require(lines.first { $0.hasPrefix("--tiles 4 ") })
        let largest = try #require(line.split(separator: " ").dropLast().last.flatMap { Int($0) })
        _ = try Self.plan(["matrix"] + Self.texts + ["--compressor", "deflate:9", "--top-k", "3"], tiles: 4, in: folder)
        let sizes = try FileManager.default.contentsOfDirectory(atPath: directory + "/shards").map {
            try FileManager.default.attributesOfItem(atPath: directory + "/shards/" + $0)[.size] as! Int
        }
        #expect(sizes.max() == largest, "\(line)")
    }
}
