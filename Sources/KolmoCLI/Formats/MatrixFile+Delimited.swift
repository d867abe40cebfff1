import Complexity

extension MatrixFile {
    /// TSV or CSV: a header of column labels after an empty cell, then each row's label and values.
    static func writeDelimited(_ matrix: DistanceMatrix, rows: [String], columns: [String], separator: String, to out: OutputFile) throws {
        let cell = separator == "\t" ? tsvCell : csvCell
        try out.write(([""] + columns).map(cell).joined(separator: separator) + "\n")
        for r in 0..<matrix.rows {
            try out.write(([cell(rows[r])] + matrix.row(r).map { "\($0)" }).joined(separator: separator) + "\n")
        }
    }

    /// A header of column labels (first cell ignored), then a label and the values on each row.
    static func readDelimited(_ path: String, _ text: String, separator: Character) throws -> (labels: [String], rows: [[Double]]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let cells = lines.map { separator == "," ? csvCells($0) : $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let columns = Array(cells[0].dropFirst())
        var labels: [String] = []
        var rows: [[Double]] = []
        for (index, row) in cells.enumerated().dropFirst() {
            if row.count == 1 && row[0].isEmpty { continue }
            guard row.count == columns.count + 1 else {
                throw FileProblem(path: path, line: index + 1, problem: "expected \(columns.count) values after the label, found \(row.count - 1)")
            }
            labels.append(row[0])
            rows.append(try row.dropFirst().map { try number(Substring($0), path, index + 1) })
        }
        try check(path, labels: labels, columns: columns, count: rows.count)
        return (labels, rows)
    }

    /// A TSV cell: tabs and line breaks, which would end it, become spaces.
    static func tsvCell(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// An RFC 4180 cell: quoted when it holds a comma, a quote or a line break.
    static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// RFC 4180 cells: quoted cells may hold commas and doubled quotes.
    static func csvCells(_ line: Substring) -> [String] {
        var cells: [String] = [], current = "", quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; if next == "," { cells.append(current); current = "" } else { current.append(next) } }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" && current.isEmpty {
                quoted = true
            } else if character == "," {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return cells
    }
}
