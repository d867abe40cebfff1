import Foundation

/// A TSV of labels (such as ../shared/corpora/udhr/languages.tsv): a header row, the key in
/// the first column. An item matches the row whose key is its label, or its label plus an
/// extension (`eng` matches `eng.txt`).
struct LabelTable {
    let groups: [String: String]
    /// The file it was read from, for error messages.
    let path: String

    init(path: String, column: String) throws {
        self.path = path
        var reader = InputReader(allowsBinary: false)
        let bytes = try reader.read(path).bytes
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, header.count >= 2 else {
            throw FileProblem(path: path, line: 1, problem: "expected a tab-separated header row with a key column and at least one label column")
        }
        guard let index = header.firstIndex(of: column) else {
            throw FileProblem(path: path, line: 1, problem: "no column '\(column)'; the columns are \(header.joined(separator: ", "))")
        }
        var groups: [String: String] = [:]
        for (number, row) in lines.enumerated().dropFirst() where !row.allSatisfy(\.isEmpty) {
            guard row.count > index else { throw FileProblem(path: path, line: number + 1, problem: "expected at least \(index + 1) columns") }
            groups[row[0]] = row[index]
            let stem = ItemCollector.withoutExtension(row[0])
            if groups[stem] == nil { groups[stem] = row[index] }
        }
        self.groups = groups
    }

    func group(of label: String) -> String? {
        groups[label]
    }

    /// The group of each item, read from the table at `path`.
    /// - Throws: a one-line error naming the file and the first items it has no row for.
    static func groups(of names: [String], path: String, column: String) throws -> [String] {
        try LabelTable(path: path, column: column).groups(of: names)
    }

    /// The group of every name, or an error naming the table and the first names it lacks.
    func groups(of names: [String]) throws -> [String] {
        let missing = names.filter { group(of: $0) == nil }
        guard missing.isEmpty else {
            throw FileProblem(path: path, line: nil, problem: "no row for \(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? " and \(missing.count - 5) more" : "")")
        }
        return names.map { group(of: $0)! }
    }
}
