/// A C library that answers with `Int32` return codes (zlib, libbz2). Each names its codes; the
/// funnel that turns a code into a ``CompressorError``, keeping the library's own code, is
/// written once here.
protocol ReturnCodes {
    /// The library's name in errors, e.g. "zlib".
    static var library: String { get }
    /// The code a call returns when it succeeds.
    static var success: Int32 { get }
    /// The code's name as the library's header spells it.
    static func name(of code: Int32) -> String
}

extension ReturnCodes {
    static func error(_ function: String, _ code: Int32) -> CompressorError {
        .library(library: library, function: function, code: code, name: name(of: code))
    }

    /// Calls a function of the library and throws unless it returned one of `accepted`
    /// (by default, success alone).
    @discardableResult
    static func call(_ function: String, accepting accepted: [Int32]? = nil, _ body: () -> Int32) throws -> Int32 {
        let code = body()
        if let accepted {
            guard accepted.contains(code) else { throw error(function, code) }
        } else {
            guard code == success else { throw error(function, code) }
        }
        return code
    }
}
