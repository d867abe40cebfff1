/// Where a bit goes once the model has predicted it: to an arithmetic encoder, from a decoder,
/// or nowhere (learning only measures the code length).
protocol CMBitCoder: ~Copyable {
    /// Codes one bit whose probability of being 1 is `p1`/65536; returns the bit (an encoder
    /// returns `bit`, a decoder ignores it and returns what it read).
    mutating func code(_ bit: Int, _ p1: UInt32) -> Int
}

struct CMNoCoder: CMBitCoder {
    @inline(__always) func code(_ bit: Int, _ p1: UInt32) -> Int { bit }
}

extension CMEncoder: CMBitCoder {
    @inline(__always) mutating func code(_ bit: Int, _ p1: UInt32) -> Int {
        encode(bit, p1)
        return bit
    }
}

extension CMDecoder: CMBitCoder {
    @inline(__always) mutating func code(_ bit: Int, _ p1: UInt32) -> Int { decode(p1) }
}

