/// A binary arithmetic coder (a range coder with carry propagation, in the manner of LZMA's)
/// driven by 16-bit probabilities: `p1` is P(bit = 1) in units of 2^-16, in 1...65535.
///
/// The interval is split exactly as range * p1 / 2^16 (64-bit product), with the range kept at
/// 2^24 or more, so a bit costs at most about 2^-8 relative more than -log2 of its probability
/// and on average far less. The stream carries no length; the decoder reads zeros past its end,
/// so the encoder drops trailing zero bytes and the leading byte, which is always zero.
struct CMEncoder: ~Copyable {
    private var low: UInt64 = 0
    private var range: UInt32 = 0xFFFF_FFFF
    private var cache: UInt8 = 0
    private var pending = 1
    private(set) var bytes: [UInt8] = []

    init() {}

    @inline(__always)
    mutating func encode(_ bit: Int, _ p1: UInt32) {
        let bound = UInt32(truncatingIfNeeded: (UInt64(range) &* UInt64(p1)) &>> 16)
        if bit != 0 {
            range = bound
        } else {
            low &+= UInt64(bound)
            range &-= bound
        }
        while range < 1 << 24 {
            range &<<= 8
            shiftLow()
        }
    }

    private mutating func shiftLow() {
        if low < 0xFF00_0000 || low > 0xFFFF_FFFF {
            let carry = UInt8(truncatingIfNeeded: low &>> 32)
            var byte = cache
            repeat {
                bytes.append(byte &+ carry)
                byte = 0xFF
                pending -= 1
            } while pending != 0
            cache = UInt8(truncatingIfNeeded: low &>> 24)
        }
        pending += 1
        low = (low & 0x00FF_FFFF) &<< 8
    }

    /// Ends the stream: picks the number in [low, low + range) with the most trailing zero
    /// bits, writes it, and drops what the decoder would read as zeros anyway.
    consuming func finish() -> [UInt8] {
        var shift: UInt64 = 32
        while shift > 0 {
            let mask = (UInt64(1) << shift) - 1
            let rounded = (low + mask) & ~mask
            if rounded < low + UInt64(range) {
                low = rounded
                break
            }
            shift -= 1
        }
        for _ in 0..<5 { shiftLow() }
        var out = bytes
        precondition(out.first == 0, "the first byte of a range coder's stream is always zero")
        out.removeFirst()
        while out.last == 0 { out.removeLast() }
        return out
    }
}

/// The decoder for ``CMEncoder``'s streams.
struct CMDecoder: ~Copyable {
    private var code: UInt32 = 0
    private var range: UInt32 = 0xFFFF_FFFF
    private let stream: UnsafeRawBufferPointer
    private var position = 0

    /// `stream` must outlive the decoder.
    init(_ stream: UnsafeRawBufferPointer) {
        self.stream = stream
        for _ in 0..<4 { code = (code &<< 8) | UInt32(nextByte()) }
    }

    @inline(__always)
    private mutating func nextByte() -> UInt8 {
        guard position < stream.count else { return 0 }
        defer { position += 1 }
        return stream[position]
    }

    @inline(__always)
    mutating func decode(_ p1: UInt32) -> Int {
        let bound = UInt32(truncatingIfNeeded: (UInt64(range) &* UInt64(p1)) &>> 16)
        let bit: Int
        if code < bound {
            range = bound
            bit = 1
        } else {
            code &-= bound
            range &-= bound
            bit = 0
        }
        while range < 1 << 24 {
            range &<<= 8
            code = (code &<< 8) | UInt32(nextByte())
        }
        return bit
    }
}
