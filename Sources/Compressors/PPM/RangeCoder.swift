/// Where the model sends each coded event: a range encoder, or a sum of ideal code lengths.
///
/// A symbol is coded as a run of events: `low..<low + size` out of `total` for a frequency context,
/// or a binary choice whose probability is `probability / 2^14` for a one-symbol context.
protocol CodingSink {
    mutating func code(low: UInt32, size: UInt32, total: UInt32)
    mutating func codeBinary(probability: UInt32, hit: Bool)
}

/// Probabilities of binary contexts are scaled by 2^14.
let binaryScaleBits: UInt32 = 14

/// Sums -log2 p over coded events, in units of 2^-24 bit (see ``FixedPointLog2`` for the error).
struct CodeLengthSink: CodingSink {
    let table: UnsafePointer<UInt32>
    var length: UInt64 = 0

    init(table: UnsafePointer<UInt32>) {
        self.table = table
    }

    @inline(__always)
    mutating func code(low: UInt32, size: UInt32, total: UInt32) {
        length &+= UInt64(FixedPointLog2.log2(total, table) &- FixedPointLog2.log2(size, table))
    }

    @inline(__always)
    mutating func codeBinary(probability: UInt32, hit: Bool) {
        let p = hit ? probability : (1 &<< binaryScaleBits) &- probability
        length &+= UInt64((binaryScaleBits &<< 24) &- FixedPointLog2.log2(p, table))
    }
}

/// A growable byte buffer over manually managed memory: no array uniqueness checks per byte.
struct ByteSink {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        bytes = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow() }
        bytes[count] = byte
        count &+= 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = larger
        capacity *= 2
    }

    /// The bytes written, without trailing zeros (the decoder reads zeros past the end), and frees the buffer.
    mutating func finish() -> [UInt8] {
        var end = count
        while end > 0 && bytes[end - 1] == 0 { end -= 1 }
        let result = Array(UnsafeBufferPointer(start: bytes, count: end))
        bytes.deallocate()
        count = 0
        capacity = 0
        return result
    }
}

/// A 32-bit range encoder with carry propagation (the low end is kept with one carry bit above
/// 32; a byte that could still receive a carry waits in `cache`, followed by `pendingFF` bytes 0xFF).
///
/// Unlike LZMA's encoder it writes no leading zero byte (the first byte can never take a carry,
/// as the interval starts inside [0, 2^32)), and it ends with the shortest tail that still
/// decodes when the decoder reads zeros past the end.
struct RangeEncoder: CodingSink {
    private var low: UInt64 = 0
    private var range: UInt32 = 0xFFFF_FFFF
    private var cache: UInt8 = 0
    private var hasCache = false
    private var pendingFF = 0
    var output: ByteSink

    init(capacity: Int) {
        output = ByteSink(capacity: capacity)
    }

    @inline(__always)
    mutating func code(low start: UInt32, size: UInt32, total: UInt32) {
        let r = range / total
        low &+= UInt64(start &* r)
        range = size &* r
        normalize()
    }

    @inline(__always)
    mutating func codeBinary(probability: UInt32, hit: Bool) {
        let bound = (range &>> binaryScaleBits) &* probability
        if hit {
            range = bound
        } else {
            low &+= UInt64(bound)
            range &-= bound
        }
        normalize()
    }

    @inline(__always)
    private mutating func normalize() {
        while range < 1 << 24 {
            range &<<= 8
            shiftLow()
        }
    }

    private mutating func shiftLow() {
        if low < 0xFF00_0000 || low >= 1 << 32 {
            let carry = UInt8(truncatingIfNeeded: low &>> 32)
            if hasCache { output.append(cache &+ carry) }
            while pendingFF > 0 {
                output.append(0xFF &+ carry)
                pendingFF -= 1
            }
            cache = UInt8(truncatingIfNeeded: low &>> 24)
            hasCache = true
        } else {
            pendingFF += 1
        }
        low = (low & 0x00FF_FFFF) &<< 8
    }

    /// Picks the value in [low, low + range) with the most trailing zero bits, writes it and
    /// returns the stream.
    mutating func finish() -> [UInt8] {
        var bit: UInt64 = 1 << 32
        while bit > 1 {
            let v = (low &+ bit &- 1) & ~(bit &- 1)
            if v < low &+ UInt64(range) {
                low = v
                break
            }
            bit >>= 1
        }
        for _ in 0..<5 { shiftLow() }
        return output.finish()
    }
}

/// The decoder of ``RangeEncoder``: it reads zeros past the end of the stream and never traps on
/// a damaged stream (it decodes some bytes instead).
struct RangeDecoder {
    private let stream: UnsafeRawBufferPointer
    private var position = 0
    private var code: UInt32 = 0
    private var range: UInt32 = 0xFFFF_FFFF
    private var scale: UInt32 = 1

    init(_ stream: UnsafeRawBufferPointer) {
        self.stream = stream
        for _ in 0..<4 { code = code &<< 8 | UInt32(nextByte()) }
    }

    @inline(__always)
    private mutating func nextByte() -> UInt8 {
        guard position < stream.count else { return 0 }
        defer { position &+= 1 }
        return stream[position]
    }

    /// The cumulative count the next event falls on, in 0..<total.
    @inline(__always)
    mutating func threshold(total: UInt32) -> UInt32 {
        scale = range / total
        return min(code / scale, total &- 1)
    }

    /// Removes the event `low..<low + size` found with ``threshold(total:)``.
    @inline(__always)
    mutating func consume(low: UInt32, size: UInt32) {
        code &-= low &* scale
        range = size &* scale
        normalize()
    }

    /// Decodes a binary event with probability `probability / 2^14` of a hit.
    @inline(__always)
    mutating func decodeBinary(probability: UInt32) -> Bool {
        let bound = (range &>> binaryScaleBits) &* probability
        let hit = code < bound
        if hit {
            range = bound
        } else {
            code &-= bound
            range &-= bound
        }
        normalize()
        return hit
    }

    @inline(__always)
    private mutating func normalize() {
        while range < 1 << 24 {
            range &<<= 8
            code = code &<< 8 | UInt32(nextByte())
        }
    }
}
