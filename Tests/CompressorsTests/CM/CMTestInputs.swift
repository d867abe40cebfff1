import TestSupport

/// Inputs of the context-mixing codec's tests, from the shared corpora.
enum CMTestInputs {
    /// Genesis in the King James Version.
    static var genesis: [UInt8] { (try? Corpus.bytes("genesis/english-kjv.txt")) ?? [] }

    /// A corpus file, nil where it cannot be read.
    static func read(_ relative: String) -> [UInt8]? { try? Corpus.bytes(relative) }
}
