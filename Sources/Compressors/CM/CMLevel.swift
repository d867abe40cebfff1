/// A level of `cm`: how much memory its tables get. Every level runs the same model; a larger
/// level only has fewer hash collisions and a longer match history.
struct CMLevel: Sendable, Equatable, CustomStringConvertible {
    let number: Int

    static let range = 1...9
    static let `default` = CMLevel(uncheckedNumber: 5)

    /// `level` must be in 1...9.
    init(_ level: Int) throws(CMError) {
        guard Self.range.contains(level) else { throw CMError.invalidLevel(level) }
        self.number = level
    }

    private init(uncheckedNumber: Int) { self.number = uncheckedNumber }

    var shape: CMShape { CMShape.forLevel(number) }

    /// The bytes of the level's large tables: context hash table, match history and index, APMs.
    var tableBytes: Int {
        let shape = shape
        return (1 << shape.contextTableBits) + (1 << shape.historyBits) + (4 << shape.matchIndexBits)
            + 2 * (CMModel.apmRows + 256) * CMModel.apmStride
    }

    var description: String { "cm:\(number)" }
}

/// What can go wrong with `cm`.
enum CMError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A level outside 1...9.
    case invalidLevel(Int)

    var description: String {
        switch self {
        case .invalidLevel(let level):
            "cm: level \(level) is not one of 1...9 (5 is the default)"
        }
    }
}
