/// What can go wrong while compressing. C libraries' own return codes are kept, never collapsed.
public enum CompressorError: Error, Equatable, Sendable {
    /// A compressor specification that names no compressor Kolmo has.
    case invalidSpecification(String, reason: String)
    /// A C library call failed: the library, the function, its return code and that code's name.
    case library(library: String, function: String, code: Int32, name: String)
    /// The spec cannot do what was asked (e.g. priming through a gzip or xz container).
    case unsupported(compressor: String, reason: String)
    /// With verification on, the decompressed stream differed from the input.
    case roundTripMismatch(compressor: String, expectedBytes: Int, decompressedBytes: Int)
    /// Decompression found a stream that is corrupt or truncated.
    case corruptStream(compressor: String, detail: String)
}

extension CompressorError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .invalidSpecification(text, reason):
            "invalid compressor '\(text)': \(reason)"
        case let .library(library, function, code, name):
            "\(library): \(function) returned \(name) (\(code))"
        case let .unsupported(compressor, reason):
            "\(compressor): \(reason)"
        case let .roundTripMismatch(compressor, expected, decompressed):
            "\(compressor): round trip failed: \(expected) bytes in, \(decompressed) different bytes back"
        case let .corruptStream(compressor, detail):
            "\(compressor): corrupt or truncated stream: \(detail)"
        }
    }
}
