/// The order and memory of a PPM model.
///
/// The default memory is 192 MiB. The model of all 379 UDHR texts (5.7 MB) takes 35 MiB at order 6
/// and 129 MiB at order 16, and that of the collection twice over 51 MiB at order 6: so for any
/// x + y Kolmo draws from such corpora the model never restarts, and no code length depends on
/// where a restart happened to fall. The arena is committed only as it is written, so a small
/// input touches little of it, and ``PPMCodec/reset()`` does not rewrite it.
struct PPMParameters: Hashable, Sendable, CustomStringConvertible {
    /// Orders the model supports: below 2 PPM is no longer a context model; above 16 the gain on
    /// text is nil and the model only grows.
    static let orders = 2...16
    static let defaultOrder = 6
    static let defaultMemory = 192 << 20
    /// Bytes of model memory (text and statistics) the allocator may use.
    static let memoryRange = PPMModel.minimumMemory...PPMModel.maximumMemory

    /// The longest context, in bytes.
    let order: Int
    /// Bytes of model memory; when full the model restarts from scratch (as PPMd does).
    let memory: Int

    /// Order 6 and 192 MiB.
    static let standard = PPMParameters(validOrder: defaultOrder, memory: defaultMemory)

    private init(validOrder: Int, memory: Int) {
        order = validOrder
        self.memory = memory
    }

    init(order: Int = defaultOrder, memory: Int = defaultMemory) throws(PPMError) {
        guard Self.orders.contains(order) else { throw .orderOutOfRange(order) }
        guard Self.memoryRange.contains(memory) else { throw .memoryOutOfRange(bytes: memory) }
        self.order = order
        self.memory = memory
    }

    /// How many bytes of input the model holds before its memory fills and it restarts: the
    /// learning codec's counterpart of a window (``CompressorSpec/window``). Measured on a
    /// 1 MiB of seeded random bytes, the model takes 14.1 bytes of memory per input byte at
    /// order 2 and 15.6 from order 3 up; on all 379 UDHR texts (5.7 MB), 0.10, 0.53, 1.77, 6.6,
    /// 11.4, 18.8 and 23.9 at orders 2, 3, 4, 6, 8, 12 and 16. So max(16, 1.5 × order) bytes
    /// per input byte bounds both: 12.6 MB of any input at the default order and memory.
    static func capacity(order: Int, memory: Int) -> Int {
        memory / max(16, 3 * order / 2)
    }

    /// Parses `ppm`, `ppm:ORDER` or `ppm:ORDER:MEGABYTESm` (`ppm:8:64m`).
    init(parsing text: String) throws(PPMError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.first == "ppm", parts.count <= 3 else { throw .malformedSpecification(text) }
        var order = Self.defaultOrder
        var memory = Self.defaultMemory
        if parts.count >= 2 {
            guard let value = Int(parts[1]) else { throw .malformedSpecification(text) }
            order = value
        }
        if parts.count == 3 {
            guard parts[2].last == "m", let megabytes = Int(parts[2].dropLast()), megabytes >= 0,
                megabytes <= Self.memoryRange.upperBound >> 20
            else { throw .malformedSpecification(text) }
            memory = megabytes << 20
        }
        try self.init(order: order, memory: memory)
    }

    /// `ppm:ORDER:MEGABYTESm`, or with the memory in bytes when it is not whole megabytes.
    var description: String {
        memory & ((1 << 20) - 1) == 0 ? "ppm:\(order):\(memory >> 20)m" : "ppm:\(order) (\(memory) bytes)"
    }
}
