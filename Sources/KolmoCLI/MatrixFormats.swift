import ArgumentParser
import Complexity

enum MatrixFormat: String, ExpressibleByArgument, CaseIterable {
    case tsv, csv, json, phylip, npy
}

/// Writes distance matrices and nearest-neighbour lists. Every distance is printed in the
/// shortest form that reads back to the same double.
enum MatrixWriter {
    struct Context {
        let compressor: String
        let order: ConcatenationOrder
        let symmetric: Bool
    }

    static func write(
        _ matrix: DistanceMatrix, rows: [String], columns: [String], format: MatrixFormat, context: Context, to out: OutputFile
    ) throws {
        switch format {
        case .tsv, .csv:
            let separator = format == .tsv ? "\t" : ","
            let cell = format == .tsv ? tsvCell : csvCell
            try out.write(([""] + columns).map(cell).joined(separator: separator) + "\n")
            for r in 0..<matrix.rows {
                try out.write(([cell(rows[r])] + matrix.row(r).map { "\($0)" }).joined(separator: separator) + "\n")
            }
        case .phylip:
            // PHYLIP's square distance format: the count, then each name padded to 10 characters
            // and a space (strict PHYLIP reads 10 characters; relaxed readers split at white space).
            try out.write("\(matrix.rows)\n")
            for r in 0..<matrix.rows {
                try out.write(phylipName(rows[r]) + " " + matrix.row(r).map { "\($0)" }.joined(separator: " ") + "\n")
            }
        case .json:
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
        case .npy:
            try out.write(bytes: npy(matrix))
        }
    }

    /// A NumPy .npy file (format version 1.0) holding the matrix as little-endian float64.
    static func npy(_ matrix: DistanceMatrix) -> [UInt8] {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(matrix.rows), \(matrix.columns)), }"
        // Magic (6) + version (2) + header length (2) + header, padded with spaces and ended by
        // a newline to a multiple of 64 bytes, as numpy writes it.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let length = UInt16(header.utf8.count)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + matrix.values.count * 8)
        for value in matrix.values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    static func tsvCell(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func phylipName(_ text: String) -> String {
        let name = String(text.map { $0.isWhitespace ? "_" : $0 })
        return name.count >= 10 ? name : name + String(repeating: " ", count: 10 - name.count)
    }
}

/// Streams each row's nearest items as they are found: TSV and CSV one line per neighbour
/// (item, rank, neighbour, distance), JSON one object per row.
struct NeighborWriter {
    let format: MatrixFormat
    let rows: [String]
    let columns: [String]
    let context: MatrixWriter.Context
    let k: Int
    let out: OutputFile

    func begin() throws {
        switch format {
        case .tsv: try out.write("item\trank\tneighbor\tdistance\n")
        case .csv: try out.write("item,rank,neighbor,distance\n")
        default:
            try out.write("{\n  \"compressor\": \(JSON.string(context.compressor).rendered()),\n")
            try out.write("  \"order\": \"\(context.order.rawValue)\",\n  \"measure\": \"ncd\",\n  \"k\": \(k),\n  \"nearest\": [\n")
        }
    }

    func row(_ r: Int, _ neighbors: [Neighbor]) throws {
        switch format {
        case .tsv, .csv:
            let separator = format == .tsv ? "\t" : ","
            let cell = format == .tsv ? MatrixWriter.tsvCell : MatrixWriter.csvCell
            for (rank, neighbor) in neighbors.enumerated() {
                try out.write([cell(rows[r]), "\(rank + 1)", cell(columns[neighbor.column]), "\(neighbor.distance)"].joined(separator: separator) + "\n")
            }
        default:
            let list = neighbors.map { "{\"label\": \(JSON.string(columns[$0.column]).rendered()), \"distance\": \($0.distance)}" }
            try out.write("    {\"item\": \(JSON.string(rows[r]).rendered()), \"neighbors\": [\(list.joined(separator: ", "))]}\(r == rows.count - 1 ? "" : ",")\n")
        }
    }

    func end() throws {
        if format == .json { try out.write("  ]\n}\n") }
    }
}
