/// Kolmo's PPM codec: prediction by partial matching with PPMd-class escape estimation
/// (information inheritance, secondary escape estimation, binary contexts, exclusion) in a flat
/// arena of fixed size, with a range coder and exact integer code lengths.
///
/// The codec is a model that every operation continues: `learn`, `encode` and `decode` all start
/// from the current state and leave the model after the bytes they saw. So C(y|x) is
/// `learn(x)` then `learn(y)`, and a stream of y given x is `learn(x)` then `encode(y)`, decoded by
/// `learn(x)` then `decode(stream, count: y.count)`.
///
/// Code lengths are sums of -log2 p over every coded event (escapes included, exclusions applied
/// as the coder applies them) in fixed point: 1 unit = 2^-24 bit (see ``fractionalBits``). They
/// are computed with integers only, so they are identical on every machine, and they obey the
/// chain rule exactly: `learn(x) + learn(y)` on one model equals `learn(x + y)` on a fresh one.
///
/// Conditioning many y on one x: `learn(x)`, `checkpoint()`, then for each y `learn(y)` and
/// `rollback()`. The rollback undoes a journal of the arena bytes y wrote (including a restart
/// when the memory fills up), never a copy of the whole arena.
///
/// ```swift
/// var ppm = try PPMCodec(PPMParameters(order: 6))
/// let cx = ppm.learn(x)                 // C(x), units of 2^-24 bit
/// ppm.checkpoint()
/// for y in ys {
///     let cyGivenX = ppm.learn(y)       // C(y|x)
///     try ppm.rollback()
/// }
/// ppm.commit()
/// ```
struct PPMCodec: ~Copyable {
    /// Code lengths are in units of 2^-fractionalBits bit.
    static let fractionalBits = FixedPointLog2.fractionalBits

    let parameters: PPMParameters
    private let arena: UnsafeMutableRawPointer
    private var model: PPMModel
    private var saved: PPMModel?

    /// A fresh model. Its arena is allocated once and reused by ``reset()``.
    init(_ parameters: PPMParameters = .standard) {
        self.parameters = parameters
        let bytes = PPMModel.arenaBytes(memory: parameters.memory)
        arena = .allocate(byteCount: bytes, alignment: 16)
        model = PPMModel(base: arena, memory: parameters.memory, maxOrder: parameters.order)
    }

    /// A fresh model of `order` and `memory` bytes.
    init(order: Int = PPMParameters.defaultOrder, memory: Int = PPMParameters.defaultMemory) throws(PPMError) {
        self.init(try PPMParameters(order: order, memory: memory))
    }

    deinit {
        var journal = model.journal
        journal.deallocate()
        arena.deallocate()
    }

    // MARK: Learning and coding

    /// Feeds `bytes` to the model and returns their code length in units of 2^-24 bit.
    @discardableResult
    mutating func learn(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        // The model works on a local copy (kept in registers), written back at the end.
        var working = model
        let length = FixedPointLog2.table.withUnsafeBufferPointer { table in
            var sink = CodeLengthSink(table: table.baseAddress.unsafelyUnwrapped)
            for byte in bytes { working.code(UInt32(byte), into: &sink) }
            return sink.length
        }
        model = working
        return length
    }

    /// Feeds `bytes` to the model and returns their code length in units of 2^-24 bit.
    @discardableResult
    mutating func learn(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { learn($0) }
    }

    /// The range-coded stream of `bytes`, coded from the current state (which then has learnt them).
    /// The stream does not carry its length: ``decode(_:count:)`` takes it.
    mutating func encode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var encoder = RangeEncoder(capacity: bytes.count / 3 + 16)
        var working = model
        for byte in bytes { working.code(UInt32(byte), into: &encoder) }
        model = working
        return encoder.finish()
    }

    mutating func encode(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { encode($0) }
    }

    /// Decodes `count` bytes of `stream`, starting from the current state: the state the encoder
    /// started from. A damaged stream decodes to some bytes; it never traps.
    mutating func decode(_ stream: UnsafeRawBufferPointer, count: Int) throws(PPMError) -> [UInt8] {
        guard count >= 0 else { throw .negativeCount(count) }
        return decodeBytes(stream, count: count)
    }

    mutating func decode(_ stream: [UInt8], count: Int) throws(PPMError) -> [UInt8] {
        guard count >= 0 else { throw .negativeCount(count) }
        return stream.withUnsafeBytes { decodeBytes($0, count: count) }
    }

    private mutating func decodeBytes(_ stream: UnsafeRawBufferPointer, count: Int) -> [UInt8] {
        var decoder = RangeDecoder(stream)
        var working = model
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                buffer[i] = UInt8(truncatingIfNeeded: working.decode(&decoder))
            }
            initialized = count
        }
        model = working
        return bytes
    }

    // MARK: State

    /// Returns to a fresh model without touching most of the arena (the allocator's pointers are
    /// reset). Ends any checkpoint.
    mutating func reset() {
        commit()
        model.restart()
        model.restarts = 0
    }

    /// Starts recording every change, so that ``rollback()`` can return here. A checkpoint
    /// already set is replaced (its changes are kept).
    mutating func checkpoint() {
        model.journal.start(gap: model.loUnit..<model.hiUnit, freeText: model.text..<model.unitsStart)
        saved = model
    }

    /// Returns exactly to the state of the last ``checkpoint()``, which stays set: roll back as
    /// often as you like.
    /// - Complexity: O(number of arena writes since the checkpoint).
    mutating func rollback() throws(PPMError) {
        guard let saved else { throw .noCheckpoint }
        restore(saved)
    }

    private mutating func restore(_ saved: PPMModel) {
        model.journal.undo(into: arena)
        let journal = model.journal
        let stamp = model.maskStamp
        model = saved
        model.journal = journal
        // Exclusion stamps only move forward, so no stale mark can ever match a new stamp.
        model.maskStamp = stamp
    }

    /// Keeps the current state and stops recording: the checkpoint is gone.
    mutating func commit() {
        model.journal.stop()
        saved = nil
    }

    /// Whether a checkpoint is set.
    var isCheckpointed: Bool { saved != nil }

    /// Arena writes recorded since the checkpoint.
    var journalCount: Int { model.journal.count }

    /// Times the memory filled up and the model restarted since it was created or reset.
    var restartCount: Int { model.restarts }

    /// Bytes of model memory taken so far (raw text and units, freed blocks included).
    var memoryInUse: Int {
        Int(model.size) - Int(model.hiUnit &- model.loUnit) - Int(model.unitsStart &- model.text)
    }

    // MARK: Conditioning many inputs on one

    /// C(y|x) for each y: the code length of y after learning x, each from the same state, in
    /// units of 2^-24 bit. Resets the model first and leaves it after x.
    mutating func conditionalCodeLengths<Inputs: Sequence<[UInt8]>>(of inputs: Inputs, given x: [UInt8]) -> [UInt64] {
        reset()
        learn(x)
        checkpoint()
        let saved = model
        var lengths: [UInt64] = []
        for y in inputs {
            lengths.append(learn(y))
            restore(saved)
        }
        commit()
        return lengths
    }
}
