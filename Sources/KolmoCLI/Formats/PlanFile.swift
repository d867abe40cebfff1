import Foundation
import Sharding

/// An input item as a plan records it: where it was read, what it is shown as, and its content.
struct PlanItem: Equatable {
    /// The path read (relative to the plan's working directory), or the item's name for items
    /// inside a data table (`data.tsv:12`).
    let path: String
    /// The label (matrix) or class (classify) it is shown under.
    let label: String
    let size: Int
    /// SHA-256 of the item's bytes, as hexadecimal.
    let sha256: String

    init(path: String, label: String, bytes: [UInt8]) {
        self.path = path
        self.label = label
        size = bytes.count
        sha256 = SHA256.hex(bytes)
    }

    init(path: String, label: String, size: Int, sha256: String) {
        self.path = path
        self.label = label
        self.size = size
        self.sha256 = sha256
    }

    /// Whether `bytes` are still what was planned.
    func matches(_ bytes: [UInt8]) -> Bool {
        bytes.count == size && SHA256.hex(bytes) == sha256
    }
}

/// The file `DIR/plan.json` of a sharded run: the command and its arguments, where it was
/// planned, every input item with its SHA-256, the tile grid, and a fingerprint (the SHA-256 of
/// everything else) that every shard carries, so that a shard of another plan is refused.
struct Plan {
    static let version = 1

    enum Command: String {
        case matrix, classify
    }

    let command: Command
    /// The command's own arguments, without the planning options.
    let arguments: [String]
    /// Where the command was planned; relative paths are read from here.
    let workingDirectory: String
    let compressor: String
    let grid: TileGrid
    /// The item sets, in the order the command reads them: `rows` (and `columns`) for a matrix,
    /// `training` and `test` for classify.
    let sets: [(name: String, items: [PlanItem])]
    /// Pairs beyond the compressor's window and all pairs, where the tiles cannot count them.
    let beyondWindow: (count: Int, total: Int)?

    func items(_ name: String) -> [PlanItem]? {
        sets.first { $0.name == name }?.items
    }

    var tiles: Int { grid.count }

    /// The members before the items.
    private var body: [(String, JSON)] {
        var members: [(String, JSON)] = [
            ("kolmo_plan", .int(Self.version)),
            ("command", .string(command.rawValue)),
            ("arguments", .array(arguments.map(JSON.string))),
            ("working_directory", .string(workingDirectory)),
            ("compressor", .string(compressor)),
            ("tiles", .int(grid.count)),
            ("grid", .object([
                ("layout", .string(grid.layout.rawValue)),
                ("row_cuts", .array(grid.rowCuts.map(JSON.int))),
                ("column_cuts", .array(grid.columnCuts.map(JSON.int))),
            ])),
        ]
        if let beyondWindow {
            members.append(("pairs_beyond_window", .array([.int(beyondWindow.count), .int(beyondWindow.total)])))
        }
        return members
    }

    /// Everything but the fingerprint, as the file holds it: the members, then the items, each
    /// on one line as [path, label, size, SHA-256], so that a plan of many items stays compact.
    private var bodyText: String {
        let head = JSON.object(body).rendered()
        let sets = sets.map { set in
            "    " + JSON.string(set.name).line + ": [\n" + set.items.map {
                "      " + JSON.array([.string($0.path), .string($0.label), .int($0.size), .string($0.sha256)]).line
            }.joined(separator: ",\n") + "\n    ]"
        }
        return String(head.dropLast(2)) + ",\n  \"inputs\": {\n" + sets.joined(separator: ",\n") + "\n  }\n}"
    }

    var fingerprint: String {
        SHA256.hex(Array(bodyText.utf8))
    }

    static func path(in directory: String) -> String {
        (directory as NSString).appendingPathComponent("plan.json")
    }

    func rendered() -> String {
        String(bodyText.dropLast(2)) + ",\n  \"fingerprint\": " + JSON.string(fingerprint).line + "\n}\n"
    }

    /// Reads and checks `DIR/plan.json`: its version, its shape, and that its fingerprint is
    /// still that of its contents.
    static func read(directory: String) throws -> Plan {
        let path = path(in: directory)
        func fail(_ problem: String) -> FileProblem { FileProblem(path: path, problem: problem) }
        guard FileManager.default.fileExists(atPath: path) else {
            throw fail("no plan here; make one with `kolmo matrix ... --plan \(directory) --tiles N`")
        }
        let bytes = try InputReader(allowsBinary: true).readFile(path)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw fail("not a JSON object")
        }
        guard let version = object["kolmo_plan"] as? Int else { throw fail("not a Kolmo plan (no 'kolmo_plan')") }
        guard version == Self.version else { throw fail("plan format \(version); this kolmo reads format \(Self.version)") }
        guard let commandName = object["command"] as? String, let command = Command(rawValue: commandName),
              let arguments = object["arguments"] as? [String], let workingDirectory = object["working_directory"] as? String,
              let compressor = object["compressor"] as? String, let tiles = object["tiles"] as? Int,
              let grid = object["grid"] as? [String: Any], let layoutName = grid["layout"] as? String,
              let layout = TileGrid.Layout(rawValue: layoutName),
              let rowCuts = grid["row_cuts"] as? [Int], let columnCuts = grid["column_cuts"] as? [Int],
              let inputs = object["inputs"] as? [String: Any], let fingerprint = object["fingerprint"] as? String
        else { throw fail("a member is missing or of the wrong type") }
        let tileGrid: TileGrid
        do { tileGrid = try TileGrid(layout: layout, rowCuts: rowCuts, columnCuts: columnCuts) } catch { throw fail("\(error)") }
        guard tileGrid.count == tiles else { throw fail("'tiles' says \(tiles) but the grid has \(tileGrid.count)") }
        var beyondWindow: (Int, Int)?
        if let pair = object["pairs_beyond_window"] as? [Int], pair.count == 2 { beyondWindow = (pair[0], pair[1]) }
        let setNames: [String] = command == .matrix ? ["rows", "columns"] : ["training", "test"]
        var sets: [(String, [PlanItem])] = []
        for name in setNames {
            guard let list = inputs[name] else { continue }
            guard let rows = list as? [[Any]] else { throw fail("'inputs.\(name)' is not a list of items") }
            sets.append((name, try rows.map { row in
                guard row.count == 4, let path = row[0] as? String, let label = row[1] as? String,
                      let size = row[2] as? Int, let sha = row[3] as? String else {
                    throw fail("an item of 'inputs.\(name)' is not [path, label, size, sha256]")
                }
                return PlanItem(path: path, label: label, size: size, sha256: sha)
            }))
        }
        let plan = Plan(
            command: command, arguments: arguments, workingDirectory: workingDirectory, compressor: compressor,
            grid: tileGrid, sets: sets, beyondWindow: beyondWindow)
        guard plan.fingerprint == fingerprint else {
            throw fail("its contents do not match its fingerprint (edited or damaged after planning); plan again")
        }
        return plan
    }

    /// Writes the plan into `directory` (created if needed). A plan that is already there is
    /// kept if it is the same plan, and refused if it differs: its shards would not fit.
    /// - Returns: whether the plan was there already.
    func write(directory: String) throws -> Bool {
        let path = Self.path(in: directory)
        if FileManager.default.fileExists(atPath: path) {
            if let existing = try? Self.read(directory: directory), existing.fingerprint == fingerprint { return true }
            throw FileProblem(path: path, problem: "a different plan is already here; remove the folder or choose another")
        }
        do {
            try FileManager.default.createDirectory(atPath: ShardFile.folder(in: directory), withIntermediateDirectories: true)
        } catch {
            throw FileProblem(path: directory, problem: "cannot create this folder")
        }
        try OutputFile.write(rendered(), to: path)
        return false
    }
}
