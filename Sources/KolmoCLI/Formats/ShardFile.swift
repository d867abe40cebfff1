import Classification
import Complexity
import Foundation
import Sharding

/// What a tile computed, as its shard holds it: a matrix tile's values or neighbour lists, or
/// a kNN classification tile's predictions for its test items.
enum ShardContent: Equatable {
    case tile(TileResult)
    case predictions([Prediction])

    var kind: String {
        switch self {
        case .tile(let result):
            if case .values = result.content { return "values" }
            return "nearest"
        case .predictions: return "predictions"
        }
    }

    /// Values, or rows.
    var count: Int {
        switch self {
        case .tile(let result):
            switch result.content {
            case .values(let values): return values.count
            case .nearest(let lists): return lists.count
            }
        case .predictions(let predictions): return predictions.count
        }
    }
}

/// One tile's result in `DIR/shards/tile-NNNNNN.shard`: the line `KOLMO-SHARD 1`, a one-line JSON
/// header (the plan's fingerprint, the tile, its row and column ranges, the compressor, what the
/// payload holds and how many, its length and SHA-256), then the payload, little-endian:
///
/// - `values`: one float64 per cell of the tile, in its order (row by row);
/// - `nearest`: per row, a uint32 count, then per neighbour its global column (uint64) and distance (float64);
/// - `predictions`: per test item, the class (uint32), the score (float64), the count of tied classes
///   (uint32) and those classes (uint32 each).
///
/// Distances are the doubles' bit patterns, so a merge gives back exactly the numbers computed.
/// A shard is written under a temporary name, flushed and renamed, so it exists whole or not at all.
struct ShardFile {
    static let magic = "KOLMO-SHARD 1\n"

    let fingerprint: String
    let tile: Tile
    let compressor: String
    let content: ShardContent

    static func folder(in directory: String) -> String {
        (directory as NSString).appendingPathComponent("shards")
    }

    static func path(in directory: String, tile: Int) -> String {
        let number = String(tile)
        return (folder(in: directory) as NSString)
            .appendingPathComponent("tile-" + String(repeating: "0", count: max(0, 6 - number.count)) + number + ".shard")
    }

    var payload: [UInt8] {
        var bytes: [UInt8] = []
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        switch content {
        case .tile(let result):
            switch result.content {
            case .values(let values):
                bytes.reserveCapacity(values.count * 8)
                for value in values { append(value.bitPattern) }
            case .nearest(let lists):
                for list in lists {
                    append(UInt32(list.count))
                    for neighbor in list {
                        append(UInt64(neighbor.column))
                        append(neighbor.distance.bitPattern)
                    }
                }
            }
        case .predictions(let predictions):
            for prediction in predictions {
                append(UInt32(prediction.predicted))
                append(prediction.score.bitPattern)
                append(UInt32(prediction.tied.count))
                for tied in prediction.tied { append(UInt32(tied)) }
            }
        }
        return bytes
    }

    var pairsBeyondWindow: Int {
        if case .tile(let result) = content { return result.pairsBeyondWindow }
        return 0
    }

    /// The whole file.
    var bytes: [UInt8] {
        let payload = self.payload
        let header = Self.header(
            fingerprint: fingerprint, tile: tile, compressor: compressor, kind: content.kind, count: content.count,
            pairsBeyondWindow: pairsBeyondWindow, payloadBytes: payload.count, checksum: SHA256.hex(payload))
        return Array(header.utf8) + payload
    }

    /// The magic line and the header line.
    static func header(
        fingerprint: String, tile: Tile, compressor: String, kind: String, count: Int, pairsBeyondWindow: Int, payloadBytes: Int, checksum: String
    ) -> String {
        let members: [(String, JSON)] = [
            ("fingerprint", .string(fingerprint)),
            ("tile", .int(tile.index)),
            ("rows", .array([.int(tile.rows.lowerBound), .int(tile.rows.upperBound)])),
            ("columns", .array([.int(tile.columns.lowerBound), .int(tile.columns.upperBound)])),
            ("compressor", .string(compressor)),
            ("content", .string(kind)),
            ("count", .int(count)),
            ("pairs_beyond_window", .int(pairsBeyondWindow)),
            ("payload_bytes", .int(payloadBytes)),
            ("sha256", .string(checksum)),
        ]
        return magic + JSON.object(members).line + "\n"
    }

    /// Writes the shard: complete under its final name, or not at all.
    func write(directory: String) throws {
        let folder = Self.folder(in: directory)
        if !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let file = try OutputFile(path: Self.path(in: directory, tile: tile.index))
        try file.write(bytes: bytes)
        try file.commit()
    }

    /// What was expected of a shard and what a shard may hold.
    struct Expectation {
        let fingerprint: String
        let tile: Tile
        let compressor: String
        /// `values`, `nearest` or `predictions`.
        let kind: String
        /// Classes a prediction may name (predictions only).
        var classes = 0
    }

    /// Reads the shard at `path` and checks it against `expected`.
    /// - Throws: a ``FileProblem`` naming the file: missing, not a shard, truncated, of another
    ///   plan or tile, or damaged.
    static func read(_ path: String, expecting expected: Expectation) throws -> ShardFile {
        func fail(_ problem: String) -> FileProblem { FileProblem(path: path, problem: problem) }
        let bytes: [UInt8]
        do { bytes = try InputReader(allowsBinary: true).readFile(path) } catch { throw fail("cannot read this shard") }
        let magic = Array(Self.magic.utf8)
        guard bytes.starts(with: magic) else {
            throw fail(bytes.starts(with: Array("KOLMO-SHARD ".utf8)) ? "a shard format this kolmo does not read" : "not a Kolmo shard")
        }
        guard let newline = bytes[magic.count...].firstIndex(of: 0x0A),
              let header = try? JSONSerialization.jsonObject(with: Data(bytes[magic.count..<newline])) as? [String: Any],
              let fingerprint = header["fingerprint"] as? String, let tile = header["tile"] as? Int,
              let rows = header["rows"] as? [Int], rows.count == 2, let columns = header["columns"] as? [Int], columns.count == 2,
              let compressor = header["compressor"] as? String, let kind = header["content"] as? String,
              let count = header["count"] as? Int, let beyond = header["pairs_beyond_window"] as? Int,
              let payloadBytes = header["payload_bytes"] as? Int, let checksum = header["sha256"] as? String
        else { throw fail("truncated or damaged header") }
        guard fingerprint == expected.fingerprint else {
            throw fail("belongs to another plan (fingerprint \(fingerprint.prefix(12))…, this plan's \(expected.fingerprint.prefix(12))…)")
        }
        let want = expected.tile
        guard tile == want.index else { throw fail("holds tile \(tile), not tile \(want.index)") }
        guard rows == [want.rows.lowerBound, want.rows.upperBound], columns == [want.columns.lowerBound, want.columns.upperBound] else {
            throw fail("covers rows \(rows[0])..<\(rows[1]) and columns \(columns[0])..<\(columns[1]); tile \(want.index) is rows \(want.rows) and columns \(want.columns)")
        }
        guard compressor == expected.compressor else { throw fail("computed with \(compressor), the plan says \(expected.compressor)") }
        guard kind == expected.kind else { throw fail("holds \(kind), the plan needs \(expected.kind)") }
        let payload = bytes[(newline + 1)...]
        guard payload.count >= payloadBytes else { throw fail("truncated: \(payload.count) of \(payloadBytes) payload bytes") }
        guard payload.count == payloadBytes else { throw fail("\(payload.count - payloadBytes) bytes after the payload's end") }
        guard SHA256.hex(payload) == checksum else { throw fail("damaged: the payload's SHA-256 differs from the header's") }
        var reader = PayloadReader(bytes: Array(payload))
        let content: ShardContent
        switch kind {
        case "values":
            guard count == want.cellCount, payloadBytes == 8 * count else { throw fail("\(count) values for a tile of \(want.cellCount) cells") }
            content = .tile(TileResult(.values((0..<count).map { _ in Double(bitPattern: reader.next()!) }), pairsBeyondWindow: beyond))
        case "nearest":
            guard count == want.rows.count else { throw fail("\(count) rows for a tile of \(want.rows.count) rows") }
            var lists: [[Neighbor]] = []
            for _ in 0..<count {
                guard let length: UInt32 = reader.next() else { throw fail("the payload ends inside row \(lists.count)") }
                var list: [Neighbor] = []
                for _ in 0..<length {
                    guard let column: UInt64 = reader.next(), let bits: UInt64 = reader.next(), column < Int.max else {
                        throw fail("the payload ends inside row \(lists.count)")
                    }
                    list.append(Neighbor(column: Int(column), distance: Double(bitPattern: bits)))
                }
                lists.append(list)
            }
            content = .tile(TileResult(.nearest(lists), pairsBeyondWindow: beyond))
        default:
            guard count == want.rows.count else { throw fail("\(count) predictions for a tile of \(want.rows.count) test items") }
            var predictions: [Prediction] = []
            for _ in 0..<count {
                guard let predicted: UInt32 = reader.next(), let bits: UInt64 = reader.next(), let tiedCount: UInt32 = reader.next() else {
                    throw fail("the payload ends inside prediction \(predictions.count)")
                }
                var classes: [Int] = []
                for _ in 0..<tiedCount {
                    guard let tied: UInt32 = reader.next() else { throw fail("the payload ends inside prediction \(predictions.count)") }
                    classes.append(Int(tied))
                }
                guard Int(predicted) < expected.classes, classes.allSatisfy({ $0 < expected.classes }), classes.contains(Int(predicted)) else {
                    throw fail("prediction \(predictions.count) names a class the training set does not have")
                }
                predictions.append(Prediction(predicted: Int(predicted), tied: classes, score: Double(bitPattern: bits)))
            }
            content = .predictions(predictions)
        }
        guard reader.isAtEnd else { throw fail("bytes after the last \(kind == "values" ? "value" : "row")") }
        return ShardFile(fingerprint: fingerprint, tile: want, compressor: compressor, content: content)
    }
}

/// Little-endian integers read one after another.
private struct PayloadReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func next<T: FixedWidthInteger>() -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        var value = T.zero
        for index in (0..<size).reversed() { value = value << 8 | T(bytes[offset + index]) }
        offset += size
        return value
    }
}
