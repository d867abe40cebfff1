/// A symmetric matrix of distances between n items, with zeros on the diagonal: what every
/// tree-building method reads.
public struct Distances: Hashable, Sendable {
    public let count: Int
    private let values: [Double]

    /// Symmetrizes `rows`: d(i, j) = (rows[i][j] + rows[j][i]) / 2, and d(i, i) = 0. An ordered
    /// NCD matrix differs slightly between the two orders; the mean keeps both.
    public init(_ rows: [[Double]]) {
        let n = rows.count
        precondition(rows.allSatisfy { $0.count == n }, "distances need a square matrix")
        var values = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                values[i * n + j] = (rows[i][j] + rows[j][i]) / 2
            }
        }
        self.count = n
        self.values = values
    }

    public subscript(i: Int, j: Int) -> Double {
        values[i * count + j]
    }
}
