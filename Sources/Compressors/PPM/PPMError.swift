/// What can go wrong when setting up or driving a ``PPMCodec``; never a trap.
enum PPMError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The order is outside ``PPMParameters/orders``.
    case orderOutOfRange(Int)
    /// The memory is outside ``PPMParameters/memoryRange``.
    case memoryOutOfRange(bytes: Int)
    /// A specification that is not `ppm[:ORDER[:MEGABYTESm]]`.
    case malformedSpecification(String)
    /// ``PPMCodec/rollback()`` without a ``PPMCodec/checkpoint()``.
    case noCheckpoint
    /// ``PPMCodec/decode(_:count:)`` asked for a negative number of bytes.
    case negativeCount(Int)

    var description: String {
        switch self {
        case .orderOutOfRange(let order):
            "PPM order \(order) is out of range: the order must be in \(PPMParameters.orders.lowerBound)...\(PPMParameters.orders.upperBound)"
        case .memoryOutOfRange(let bytes):
            "PPM memory of \(bytes) bytes is out of range: it must be in \(PPMParameters.memoryRange.lowerBound)...\(PPMParameters.memoryRange.upperBound) bytes"
        case .malformedSpecification(let text):
            "'\(text)' is not a PPM specification: expected ppm, ppm:ORDER or ppm:ORDER:MEGABYTESm (for example ppm:6:192m)"
        case .noCheckpoint:
            "rollback() needs a checkpoint(): there is none to return to"
        case .negativeCount(let count):
            "cannot decode \(count) bytes: the count must be 0 or more"
        }
    }
}
