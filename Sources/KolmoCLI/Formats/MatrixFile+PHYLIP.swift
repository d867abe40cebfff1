import Complexity

extension MatrixFile {
    /// PHYLIP's square distance format: the count, then each name padded to 10 characters and a
    /// space (strict PHYLIP reads 10 characters; relaxed readers split at white space).
    static func writePHYLIP(_ matrix: DistanceMatrix, rows: [String], to out: OutputFile) throws {
        try out.write("\(matrix.rows)\n")
        for r in 0..<matrix.rows {
            try out.write(phylipName(rows[r]) + " " + matrix.row(r).map { "\($0)" }.joined(separator: " ") + "\n")
        }
    }

    /// The count, then for each item a name and its values (which may run over several lines).
    static func readPHYLIP(_ path: String, _ text: String) throws -> (labels: [String], rows: [[Double]]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let count = Int(lines[0].trimmingCharacters(in: .whitespaces)), count > 0 else {
            throw FileProblem(path: path, line: 1, problem: "expected the number of items")
        }
        var labels: [String] = [], rows: [[Double]] = []
        var current: [Double] = []
        for (index, line) in lines.enumerated().dropFirst() {
            var fields = line.split(whereSeparator: \.isWhitespace)[...]
            if fields.isEmpty { continue }
            if current.isEmpty && labels.count == rows.count {
                guard labels.count < count else { throw FileProblem(path: path, line: index + 1, problem: "more than \(count) rows") }
                labels.append(String(fields.removeFirst()))
            }
            current += try fields.map { try number($0, path, index + 1) }
            if current.count > count { throw FileProblem(path: path, line: index + 1, problem: "more than \(count) values in a row") }
            if current.count == count { rows.append(current); current = [] }
        }
        guard rows.count == count, current.isEmpty else {
            throw FileProblem(path: path, line: nil, problem: "expected \(count) rows of \(count) values, found \(rows.count) complete rows")
        }
        try check(path, labels: labels, columns: labels, count: count)
        return (labels, rows)
    }

    /// A name with white space made `_`, padded to PHYLIP's 10 characters.
    static func phylipName(_ text: String) -> String {
        let name = String(text.map { $0.isWhitespace ? "_" : $0 })
        return name.count >= 10 ? name : name + String(repeating: " ", count: 10 - name.count)
    }
}
