public import Compressors

/// A matrix of distances, row-major: `values[row * columns + column]`.
public struct DistanceMatrix: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    public let values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "a \(rows) x \(columns) matrix needs \(rows * columns) values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public subscript(row: Int, column: Int) -> Double {
        values[row * columns + column]
    }

    /// The values of one row.
    public func row(_ row: Int) -> ArraySlice<Double> {
        values[row * columns ..< (row + 1) * columns]
    }
}

/// One of a row's nearest items: its column and its distance.
public struct Neighbor: Hashable, Sendable {
    public let column: Int
    public let distance: Double

    public init(column: Int, distance: Double) {
        self.column = column
        self.distance = distance
    }
}

/// What went into a matrix besides its values.
public struct MatrixSummary: Hashable, Sendable {
    /// C(x) of each row item.
    public let rowComplexities: [CodeLength]
    /// C(y) of each column item (the row complexities for a square matrix).
    public let columnComplexities: [CodeLength]
    /// How many concatenations were compressed.
    public let concatenations: Int
    /// How many pairs were compared: entries of the matrix (one triangle when symmetric), or for
    /// nearest neighbours every row against every column but itself.
    public let pairs: Int
    /// How many of those pairs joined two inputs longer, together, than the compressor's window
    /// (for a learning codec, than its model holds: ``CompressorSpec/window``).
    public let pairsBeyondWindow: Int
    /// The compressor's window in bytes.
    public let window: Int
}

/// Why a matrix cannot be computed with the settings given.
public enum MatrixError: Error, Equatable, CustomStringConvertible {
    /// `symmetric` with separate `columns`: only a square matrix can be mirrored.
    case symmetricCross
    /// `jobs` below 1.
    case invalidJobs(Int)
    /// `k` below 1 for ``DistanceMatrixBuilder/nearest(rows:columns:k:emit:)``.
    case invalidK(Int)

    public var description: String {
        switch self {
        case .symmetricCross: "a symmetric matrix must be square: it cannot have columns of its own"
        case .invalidJobs(let jobs): "the number of threads (jobs) must be at least 1, not \(jobs)"
        case .invalidK(let k): "the number of nearest neighbours (k) must be at least 1, not \(k)"
        }
    }
}
