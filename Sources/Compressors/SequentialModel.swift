/// What Kolmo's learning codecs (``PPMCodec``, and the context-mixing codec) have in common: a
/// model that predicts each symbol from what it has seen, learns as it goes, and knows the exact
/// code length of what it coded. Every operation continues from the current state, so C(y|x) is
/// the length of y after learning x, and the chain rule C(xy) = C(x) + C(y|x) holds to the bit.
protocol SequentialModel: ~Copyable {
    /// Feeds `bytes` to the model; returns their code length in units of 2^-24 bit.
    mutating func learn(_ bytes: UnsafeRawBufferPointer) -> UInt64
    /// The coded stream of `bytes` from the current state (which then has learnt them).
    mutating func encode(_ bytes: UnsafeRawBufferPointer) -> [UInt8]
    /// `count` bytes decoded from `stream`, starting from the state the encoder started from.
    mutating func decodeStream(_ stream: UnsafeRawBufferPointer, count: Int) -> [UInt8]
    /// A fresh model.
    mutating func reset()
    /// Starts an undo journal, so that ``rollbackToCheckpoint()`` can return here.
    mutating func checkpoint()
    /// Returns exactly to the checkpoint, which stays set.
    mutating func rollbackToCheckpoint()
    /// Keeps the state and ends the journal.
    mutating func commit()
    /// The bytes of model memory in use.
    var memoryInUse: Int { get }
}

/// What a ``Compressor`` asks of its learning codec's engine, whichever the model: one call per
/// input or row, never per byte.
protocol LearningEngine: AnyObject {
    func lengths(of parts: [UnsafeRawBufferPointer], after context: UnsafeRawBufferPointer) -> (context: UInt64, parts: [UInt64])
    func lengths<Inputs: Collection<[UInt8]>>(ofEach inputs: Inputs, after context: UnsafeRawBufferPointer) -> (context: UInt64, each: [UInt64])
    func stream(of input: UnsafeRawBufferPointer, after context: UnsafeRawBufferPointer) -> [UInt8]
    func decode(_ stream: UnsafeRawBufferPointer, count: Int, after context: UnsafeRawBufferPointer) -> [UInt8]
}

/// A learning codec's model owned by one ``Compressor``: a class, so that the compressor's
/// non-mutating methods can advance it, and so that it is entered once per call (no reference
/// counting in the per-byte loops, which run inside the model).
final class ModelEngine<Model: SequentialModel & ~Copyable>: LearningEngine {
    private var model: Model
    private let encoderCounter: AllocationCounter
    private let decoderCounter: AllocationCounter

    init(_ model: consuming Model, encoderCounter: AllocationCounter, decoderCounter: AllocationCounter) {
        self.model = model
        self.encoderCounter = encoderCounter
        self.decoderCounter = decoderCounter
    }

    /// The code length of each of `parts` in turn, after learning `context`, from a fresh model.
    func lengths(of parts: [UnsafeRawBufferPointer], after context: UnsafeRawBufferPointer) -> (context: UInt64, parts: [UInt64]) {
        model.reset()
        let contextLength = model.learn(context)
        let lengths = parts.map { model.learn($0) }
        encoderCounter.noteHolding(model.memoryInUse)
        return (contextLength, lengths)
    }

    /// The code length of `context` from a fresh model, then of each input after it, each from
    /// the state after `context`: learnt once, then each input coded and undone by the journal.
    func lengths<Inputs: Collection<[UInt8]>>(ofEach inputs: Inputs, after context: UnsafeRawBufferPointer) -> (context: UInt64, each: [UInt64]) {
        model.reset()
        let contextLength = model.learn(context)
        model.checkpoint()
        var lengths: [UInt64] = []
        lengths.reserveCapacity(inputs.count)
        var peak = model.memoryInUse
        for input in inputs {
            lengths.append(input.withUnsafeBytes { model.learn($0) })
            peak = max(peak, model.memoryInUse)
            model.rollbackToCheckpoint()
        }
        model.commit()
        encoderCounter.noteHolding(peak)
        return (contextLength, lengths)
    }

    /// The stream of `input` coded after learning `context`, from a fresh model.
    func stream(of input: UnsafeRawBufferPointer, after context: UnsafeRawBufferPointer) -> [UInt8] {
        model.reset()
        _ = model.learn(context)
        let stream = model.encode(input)
        encoderCounter.noteHolding(model.memoryInUse)
        return stream
    }

    /// `count` bytes decoded from `stream` after learning `context`, from a fresh model.
    func decode(_ stream: UnsafeRawBufferPointer, count: Int, after context: UnsafeRawBufferPointer) -> [UInt8] {
        model.reset()
        _ = model.learn(context)
        let bytes = model.decodeStream(stream, count: count)
        decoderCounter.noteHolding(model.memoryInUse)
        return bytes
    }
}

extension PPMCodec: SequentialModel {
    mutating func decodeStream(_ stream: UnsafeRawBufferPointer, count: Int) -> [UInt8] {
        // A count below zero cannot reach here: Kolmo passes the length of a real input.
        (try? decode(stream, count: max(0, count))) ?? []
    }

    mutating func rollbackToCheckpoint() {
        // ModelEngine rolls back only after its own checkpoint, so the journal is always set.
        try? rollback()
    }
}

extension ContextMixingCodec: SequentialModel {
    mutating func encode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        encode(Array(bytes))
    }

    mutating func decodeStream(_ stream: UnsafeRawBufferPointer, count: Int) -> [UInt8] {
        decode(Array(stream), count: max(0, count))
    }

    mutating func rollbackToCheckpoint() {
        rollback()
    }

    /// The bytes of its large tables (hash table, match history and index, APMs), allocated whole.
    var memoryInUse: Int { level.tableBytes }
}
