import ArgumentParser
import Complexity
import Foundation

/// The formats `kolmo matrix` writes and `kolmo tree --matrix` reads back. Each has its reader
/// and writer in one file, `MatrixFile+FORMAT.swift`.
enum MatrixFormat: String, ExpressibleByArgument, CaseIterable {
    case tsv, csv, json, phylip, npy

    /// The format of the file at `path`: by its extension, else by its first bytes.
    static func detect(_ path: String, _ bytes: [UInt8]) -> MatrixFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "tsv", "tab", "txt": return .tsv
        case "csv": return .csv
        case "json": return .json
        case "npy": return .npy
        case "phy", "phylip", "dist": return .phylip
        default: break
        }
        if bytes.starts(with: MatrixFile.npyMagic) { return .npy }
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if firstLine.hasPrefix("{") { return .json }
        if Int(firstLine) != nil { return .phylip }
        return firstLine.contains("\t") ? .tsv : .csv
    }
}

/// Distance matrices as files. Every distance is written in the shortest form that reads back
/// to the same double; a matrix read back is square, with distinct labels and finite values.
enum MatrixFile {
    /// What a matrix file says besides its values (the JSON form carries it).
    struct Context {
        let compressor: String
        let order: ConcatenationOrder
        let symmetric: Bool
    }

    static func write(
        _ matrix: DistanceMatrix, rows: [String], columns: [String], format: MatrixFormat, context: Context, to out: OutputFile
    ) throws {
        switch format {
        case .tsv, .csv: try writeDelimited(matrix, rows: rows, columns: columns, separator: format == .tsv ? "\t" : ",", to: out)
        case .phylip: try writePHYLIP(matrix, rows: rows, to: out)
        case .json: try writeJSON(matrix, rows: rows, columns: columns, context: context, to: out)
        case .npy: try out.write(bytes: npy(matrix))
        }
    }

    /// The labels and rows of the square matrix in the file at `path`, in any of the formats.
    static func read(_ path: String) throws -> (labels: [String], rows: [[Double]]) {
        let bytes = try InputReader(allowsBinary: true).readFile(path)
        guard !bytes.isEmpty else { throw FileProblem(path: path, line: nil, problem: "empty file") }
        let format = MatrixFormat.detect(path, bytes)
        if format == .npy { return try readNPY(path, bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileProblem(path: path, line: nil, problem: "not UTF-8 text, and not a NumPy .npy file")
        }
        switch format {
        case .csv: return try readDelimited(path, text, separator: ",")
        case .json: return try readJSON(path, text)
        case .phylip: return try readPHYLIP(path, text)
        default: return try readDelimited(path, text, separator: "\t")
        }
    }

    static func number(_ text: Substring, _ path: String, _ line: Int) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw FileProblem(path: path, line: line, problem: "'\(text)' is not a number")
        }
        return value
    }

    /// Throws unless the matrix read is square, non-empty and labelled with distinct labels.
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
