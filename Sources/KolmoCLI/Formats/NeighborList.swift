import Complexity

/// Streams each row's nearest items as they are found: TSV and CSV one line per neighbour
/// (item, rank, neighbour, distance), JSON one object per row.
struct NeighborList {
    let format: MatrixFormat
    let rows: [String]
    let columns: [String]
    let context: MatrixFile.Context
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
            let cell = format == .tsv ? MatrixFile.tsvCell : MatrixFile.csvCell
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
