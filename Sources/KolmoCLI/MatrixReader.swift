import Foundation

/// Why an input file (a matrix, a labels or truth table) cannot be used: the file, the line where it applies, and the problem.
struct FileProblem: Error, CustomStringConvertible, Equatable {
    let path: String
    let line: Int?
    let problem: String

    init(path: String, line: Int? = nil, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    var description: String { line.map { "\(path): line \($0): \(problem)" } ?? "\(path): \(problem)" }
}

/// Reads the square matrices that `kolmo matrix` writes: TSV, CSV, JSON, PHYLIP and NPY (whose
/// labels come from FILE.labels beside it, or are the row numbers).
enum MatrixReader {
    static func read(_ path: String) throws -> (labels: [String], rows: [[Double]]) {
        let bytes = try InputReader(allowsBinary: true).readFile(path)
        guard !bytes.isEmpty else { throw FileProblem(path: path, line: nil, problem: "empty file") }
        let format = detect(path, bytes)
        if format == .npy { return try npy(path, bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileProblem(path: path, line: nil, problem: "not UTF-8 text, and not a NumPy .npy file")
        }
        let result: (labels: [String], rows: [[Double]])
        switch format {
        case .csv: result = try delimited(path, text, separator: ",")
        case .json: result = try json(path, text)
        case .phylip: result = try phylip(path, text)
        default: result = try delimited(path, text, separator: "\t")
        }
        return result
    }

    static func detect(_ path: String, _ bytes: [UInt8]) -> MatrixFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "tsv", "tab", "txt": return .tsv
        case "csv": return .csv
        case "json": return .json
        case "npy": return .npy
        case "phy", "phylip", "dist": return .phylip
        default: break
        }
        if bytes.starts(with: [0x93] + Array("NUMPY".utf8)) { return .npy }
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if firstLine.hasPrefix("{") { return .json }
        if Int(firstLine) != nil { return .phylip }
        return firstLine.contains("\t") ? .tsv : .csv
    }

    static func number(_ text: Substring, _ path: String, _ line: Int) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw FileProblem(path: path, line: line, problem: "'\(text)' is not a number")
        }
        return value
    }

    /// A header of column labels (first cell ignored), then a label and the values on each row.
    static func delimited(_ path: String, _ text: String, separator: Character) throws -> (labels: [String], rows: [[Double]]) {
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

    /// The count, then for each item a name and its values (which may run over several lines).
    static func phylip(_ path: String, _ text: String) throws -> (labels: [String], rows: [[Double]]) {
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

    /// `rows`, `columns` and `matrix`, as `kolmo matrix --format json` writes them. The numbers are
    /// read with Swift's exact parser (Foundation's JSON reader rounds some doubles).
    static func json(_ path: String, _ text: String) throws -> (labels: [String], rows: [[Double]]) {
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

    /// A NumPy version 1 or 2 array of little-endian float64.
    static func npy(_ path: String, _ bytes: [UInt8]) throws -> (labels: [String], rows: [[Double]]) {
        func fail(_ problem: String) -> FileProblem { FileProblem(path: path, line: nil, problem: problem) }
        guard bytes.count >= 12, bytes.starts(with: [0x93] + Array("NUMPY".utf8)) else { throw fail("not a NumPy .npy file") }
        let (headerStart, headerLength) = bytes[6] == 1
            ? (10, Int(bytes[8]) | Int(bytes[9]) << 8)
            : (12, Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24)
        guard bytes.count >= headerStart + headerLength else { throw fail("truncated header") }
        let header = String(decoding: bytes[headerStart ..< headerStart + headerLength], as: UTF8.self)
        guard header.contains("'descr': '<f8'") else { throw fail("expected little-endian float64 ('<f8')") }
        guard let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else { throw fail("no shape") }
        let shape = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard shape.count == 2, shape[0] == shape[1] else { throw fail("not a square matrix (shape \(shape))") }
        let n = shape[0]
        let data = bytes[(headerStart + headerLength)...]
        guard data.count == n * n * 8 else { throw fail("expected \(n * n * 8) bytes of data, found \(data.count)") }
        let values = stride(from: data.startIndex, to: data.endIndex, by: 8).map { start in
            Double(bitPattern: data[start ..< start + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
        let fortran = header.contains("'fortran_order': True")
        let rows = (0..<n).map { r in (0..<n).map { c in fortran ? values[c * n + r] : values[r * n + c] } }
        var labels = (0..<n).map(String.init)
        if let text = try? String(contentsOfFile: path + ".labels", encoding: .utf8) {
            let read = text.split(separator: "\n").map(String.init)
            guard read.count == n else { throw FileProblem(path: path + ".labels", line: nil, problem: "expected \(n) labels, found \(read.count)") }
            labels = read
        }
        try check(path, labels: labels, columns: labels, count: n)
        return (labels, rows)
    }

    static func check(_ path: String, labels: [String], columns: [String], count: Int) throws {
        guard count > 0 else { throw FileProblem(path: path, line: nil, problem: "no rows") }
        guard labels.count == columns.count else {
            throw FileProblem(path: path, line: nil, problem: "not a square matrix (\(labels.count) rows, \(columns.count) columns)")
        }
        guard labels == columns else { throw FileProblem(path: path, line: nil, problem: "the row labels differ from the column labels") }
        var seen = Set<String>()
        for label in labels where !seen.insert(label).inserted {
            throw FileProblem(path: path, line: nil, problem: "the label '\(label)' appears twice")
        }
    }
}
