/// `cm`: Kolmo's own context-mixing compressor, in the line of Mahoney's lpaq and zpaq, measured
/// to the bit.
///
/// Each bit is predicted from bit histories (``CMBitHistory``) in hashed contexts (orders 0-4, words,
/// word pairs, the text column; more at levels 6-9, see ``CMShape``), each mapped to a probability
/// by an adaptive table, and from a match model that follows the last occurrence of the recent
/// 6 bytes. The predictions are mixed in the logistic domain by gated mixers (weights chosen by the
/// partial byte, by how many contexts have been seen and the match state, ...), a final mixer, and
/// adaptive probability maps. Everything is integer arithmetic, so a code length is the same on
/// every machine.
///
/// Code lengths are `UInt64` in units of 2^-24 bit (``fractionBits``): the sum over the bits of
/// -log2 of the probability the arithmetic coder is given for the bit that occurred, each term from
/// a table exact to 2^-25 bit (see ``CMLogistic``).
///
/// ```swift
/// var cm = try ContextMixingCodec(level: 5)
/// let cx = cm.learn(x)                 // C(x), and the model now knows x
/// cm.checkpoint()
/// for y in ys {
///     let cyx = cm.learn(y)            // C(y|x) = C(xy) - C(x), exactly
///     cm.rollback()                    // back to "after x", in time proportional to |y|
/// }
/// cm.commit()
/// ```
///
/// The model is one value that owns its tables (``CMLevel/tableBytes`` plus under 1 MB); create one
/// per thread.
struct ContextMixingCodec: ~Copyable {
    /// Code lengths count units of 2^-24 bit.
    static let fractionBits = 24

    let level: CMLevel
    private var model: CMModel

    /// A fresh model at `level` (1...9; ``CMLevel/default`` is 5).
    init(level: Int = CMLevel.default.number) throws(CMError) {
        self.init(level: try CMLevel(level))
    }

    init(level: CMLevel) {
        self.init(level: level, shape: level.shape)
    }

    /// A model with a shape of its own (tests use tiny tables to reach wrap-around and overflow).
    init(level: CMLevel, shape: CMShape) {
        self.level = level
        self.model = CMModel(shape: shape)
    }

    /// The code length of everything coded since the model was fresh (or since the checkpoint's
    /// state, after a rollback), in units of 2^-24 bit.
    var totalCodeLength: UInt64 { model.codeLength }

    /// How many bytes the model has seen since it was fresh.
    var bytesSeen: Int { model.h.position }

    // MARK: Learning

    /// Learns `bytes` and returns their code length given everything learnt before, in units of
    /// 2^-24 bit: exactly what ``encode(_:)`` would be given as probabilities, without coding.
    @discardableResult
    mutating func learn(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { learn($0) }
    }

    @discardableResult
    mutating func learn(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let before = model.codeLength
        var coder = CMNoCoder()
        for byte in bytes { _ = model.code(Int(byte), &coder) }
        return model.codeLength &- before
    }

    /// C(y | the model's state) for each y: each is learnt from the current state and undone, so
    /// the model is left as it was. Uses ``checkpoint()``; ends any checkpoint taken before.
    mutating func codeLengths(ofEach inputs: [[UInt8]]) -> [UInt64] {
        checkpoint()
        defer { commit() }
        return inputs.map { y in
            defer { rollback() }
            return learn(y)
        }
    }

    // MARK: Coding

    /// Arithmetic-codes `bytes` from the model's current state (learning them as it goes) and
    /// returns the stream. Its length is within a few bytes of the code length / 8.
    mutating func encode(_ bytes: [UInt8]) -> [UInt8] {
        var encoder = CMEncoder()
        for byte in bytes { _ = model.code(Int(byte), &encoder) }
        return encoder.finish()
    }

    /// Decodes `count` bytes from `stream`, which ``encode(_:)`` made from a model in the state
    /// this one is in now; learns them as it goes.
    mutating func decode(_ stream: [UInt8], count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        stream.withUnsafeBytes { raw in
            var decoder = CMDecoder(raw)
            for i in 0..<count { out[i] = UInt8(truncatingIfNeeded: model.code(0, &decoder)) }
        }
        return out
    }

    // MARK: Checkpoint and rollback

    /// Remembers the current state and starts journaling: from now on the model records the old
    /// contents of every table slot it changes. Replaces any earlier checkpoint.
    mutating func checkpoint() { model.checkpoint() }

    /// Restores exactly the state at the last ``checkpoint()``: every table, weight, APM, the
    /// match history and the code length. Costs time in proportion to what was coded since. May
    /// be called any number of times against the same checkpoint.
    /// - Precondition: a checkpoint is active.
    mutating func rollback() { model.rollback() }

    /// Ends journaling and keeps the current state (what was learnt after the checkpoint stays).
    mutating func commit() { model.endJournal() }

    /// Whether a checkpoint is active.
    var isJournaling: Bool { model.journaling }

    /// Returns to a fresh model. Zeroes only the 4 KiB pages of the hash table and match index
    /// that were written, and the APM rows that were used, so resetting after a short input is cheap.
    mutating func reset() { model.reset() }
}
