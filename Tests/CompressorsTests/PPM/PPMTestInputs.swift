/// Inputs of the PPM codec's tests.
enum PPMTestInputs {
    /// UDHR texts in several scripts: Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Han, Hangul, Thai.
    static let udhrScripts = ["eng", "rus", "ell_monotonic", "arb", "heb", "hin", "cmn_hans", "kor", "tha"]
        .map { "udhr/\($0).txt" }
}

/// Code lengths are in units of 2^-24 bit; this is whole bytes, rounded up.
func wholeBytes(_ length: UInt64) -> Int {
    Int((length + (8 << 24) - 1) / (8 << 24))
}
