import Foundation

/// A file to put in a matrix, with the label it is shown under.
struct Item {
    let label: String
    /// The path it was read from, as found ("-" for standard input).
    let path: String
    let bytes: [UInt8]
}

/// Why a set of paths gives no usable items.
enum CollectionError: Error, CustomStringConvertible, Equatable {
    case noFiles(String, include: String?)
    case givenTwice(String)

    var description: String {
        switch self {
        case let .noFiles(path, include?): "\(path): no files match --include '\(include)'"
        case let .noFiles(path, nil): "\(path): no files in this directory"
        case let .givenTwice(path): "\(path): given twice"
        }
    }
}

/// Gathers files from paths that are files or directories (walked recursively in name order,
/// skipping hidden entries), reads them, and labels each by its file name without extension.
/// Where labels collide, the colliding ones take the next longer form: the path relative to the
/// directory given without extension, then with it, then the path as given without and with it.
struct ItemCollector {
    var include: String?
    var reader: InputReader

    mutating func collect(_ paths: [String]) throws -> [Item] {
        var found: [(path: String, relative: String)] = []
        for path in paths {
            if path == "-" {
                found.append((path, "-"))
                continue
            }
            if try InputReader.isDirectory(path) {
                let before = found.count
                try walk(path, relative: "", into: &found)
                if found.count == before { throw CollectionError.noFiles(path, include: include) }
            } else {
                found.append((path, path))
            }
        }
        var seen = Set<String>()
        for entry in found where !seen.insert(entry.path).inserted { throw CollectionError.givenTwice(entry.path) }
        let labels = Self.labels(for: found)
        return try zip(found, labels).map { entry, label in Item(label: label, path: entry.path, bytes: try reader.read(entry.path).bytes) }
    }

    private func walk(_ directory: String, relative: String, into found: inout [(path: String, relative: String)]) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw InputError.cannotOpen(directory, reason: "cannot list this directory")
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { throw InputError.cannotOpen(path, reason: String(cString: strerror(errno)).lowercased()) }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                try walk(path, relative: child, into: &found)
            } else if matches(name: name, relative: child) {
                found.append((path, child))
            }
        }
    }

    /// `--include` matches the file name, or the relative path when the pattern has a '/'.
    private func matches(name: String, relative: String) -> Bool {
        guard let include else { return true }
        return include.contains("/") ? fnmatch(include, relative, FNM_PATHNAME) == 0 : fnmatch(include, name, 0) == 0
    }

    static func labels(for entries: [(path: String, relative: String)]) -> [String] {
        let candidates: [[String]] = entries.map { entry in
            let name = (entry.relative as NSString).lastPathComponent
            return [withoutExtension(name), withoutExtension(entry.relative), entry.relative, withoutExtension(entry.path), entry.path]
        }
        var level = [Int](repeating: 0, count: entries.count)
        // Raise the collided labels to their next, longer form until all are distinct.
        while true {
            var groups: [String: [Int]] = [:]
            for (index, candidate) in candidates.enumerated() { groups[candidate[level[index]], default: []].append(index) }
            let collided = groups.values.filter { $0.count > 1 }.flatMap { $0 }.filter { level[$0] < 4 }
            if collided.isEmpty { return candidates.indices.map { candidates[$0][level[$0]] } }
            for index in collided { level[index] += 1 }
        }
    }

    static func withoutExtension(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }
}
