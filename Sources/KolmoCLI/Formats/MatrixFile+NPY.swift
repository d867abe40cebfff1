import Complexity
import Foundation

extension MatrixFile {
    /// The first six bytes of every .npy file.
    static let npyMagic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// A NumPy .npy file (format version 1.0) holding the matrix as little-endian float64.
    static func npy(_ matrix: DistanceMatrix) -> [UInt8] {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(matrix.rows), \(matrix.columns)), }"
        // Magic (6) + version (2) + header length (2) + header, padded with spaces and ended by
        // a newline to a multiple of 64 bytes, as numpy writes it.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = npyMagic + [1, 0]
        let length = UInt16(header.utf8.count)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + matrix.values.count * 8)
        for value in matrix.values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// A NumPy version 1 or 2 array of little-endian float64.
    static func readNPY(_ path: String, _ bytes: [UInt8]) throws -> (labels: [String], rows: [[Double]]) {
        func fail(_ problem: String) -> FileProblem { FileProblem(path: path, line: nil, problem: problem) }
        guard bytes.count >= 12, bytes.starts(with: npyMagic) else { throw fail("not a NumPy .npy file") }
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
}
