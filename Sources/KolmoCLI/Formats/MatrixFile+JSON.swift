import Complexity
import Foundation

extension MatrixFile {
    /// An object with the compressor, the order, whether the matrix is symmetric, the measure,
    /// the row and column labels, and `matrix`, one array per row.
    static func writeJSON(_ matrix: DistanceMatrix, rows: [String], columns: [String], context: Context, to out: OutputFile) throws {
        try out.write("{\n")
        try out.write("  \"compressor\": \(JSON.string(context.compressor).rendered()),\n")
        try out.write("  \"order\": \"\(context.order.rawValue)\",\n")
        try out.write("  \"symmetric\": \(context.symmetric),\n")
        try out.write("  \"measure\": \"ncd\",\n")
        try out.write("  \"rows\": [\(rows.map { JSON.string($0).rendered() }.joined(separator: ", "))],\n")
        try out.write("  \"columns\": [\(columns.map { JSON.string($0).rendered() }.joined(separator: ", "))],\n")
        try out.write("  \"matrix\": [\n")
        for r in 0..<matrix.rows {
            let values = matrix.row(r).map { "\($0)" }.joined(separator: ", ")
            try out.write("    [\(values)]\(r == matrix.rows - 1 ? "" : ",")\n")
        }
        try out.write("  ]\n}\n")
    }

    /// `rows`, `columns` and `matrix`, as `kolmo matrix --format json` writes them. The numbers are
    /// read with Swift's exact parser (Foundation's JSON reader rounds some doubles).
    static func readJSON(_ path: String, _ text: String) throws -> (labels: [String], rows: [[Double]]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FileProblem(path: path, line: nil, problem: "not a JSON object")
        }
        guard let labels = object["rows"] as? [String], let columns = object["columns"] as? [String] else {
            throw FileProblem(path: path, line: nil, problem: "expected string arrays 'rows' and 'columns'")
        }
        guard let start = text.range(of: "\"matrix\"") else { throw FileProblem(path: path, line: nil, problem: "no 'matrix'") }
        var rows: [[Double]] = []
        var row: [Double]? = nil
        var token = ""
        var depth = 0
        loop: for character in text[start.upperBound...] {
            switch character {
            case "[":
                depth += 1
                if depth == 2 { row = [] }
            case "]", ",":
                if !token.isEmpty {
                    row?.append(try number(Substring(token), path, 0))
                    token = ""
                }
                if character == "]" {
                    depth -= 1
                    if depth == 1, let finished = row { rows.append(finished); row = nil }
                    if depth == 0 { break loop }
                }
            case " ", "\n", "\t", "\r", ":":
                continue
            default:
                token.append(character)
            }
        }
        guard rows.allSatisfy({ $0.count == columns.count }) else {
            throw FileProblem(path: path, line: nil, problem: "every row of 'matrix' needs \(columns.count) values")
        }
        try check(path, labels: labels, columns: columns, count: rows.count)
        return (labels, rows)
    }
}
