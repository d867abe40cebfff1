/// What a `cm` model is made of: which contexts feed the mixer, how the mixer's weights are
/// chosen, and the memory of its tables. A level picks a shape.
struct CMShape: Sendable {
    /// A context with bit histories: orders 0 and 1 in a direct table, the others in the hash
    /// table, hashed once per byte.
    enum Context: UInt8, Sendable {
        case order0 = 0, order1, order2, order3, order4, order5, order6, order7
        /// The last 12 bytes.
        case order12
        /// The current word (letters case-folded, UTF-8 bytes >= 128 count as letters), or the
        /// last byte between words.
        case word
        /// The current word and the word before it.
        case wordPair
        /// The current word and the two words before it.
        case wordTriple
        /// The current word and the word two back, skipping the one between.
        case wordSkip
        /// The word before the current one and the last byte.
        case wordAndPreviousByte
        /// Bytes 2 and 3 back (skipping the last byte).
        case sparse23
        /// Bytes 2 and 4 back.
        case sparse24
        /// The column (bytes since the last newline, up to 255), the byte above it in the previous
        /// line, and the last byte.
        case column
    }

    /// How one of the first-layer mixers picks its weight set, per bit.
    enum Selector: UInt8, Sendable {
        /// The bits of the current byte so far (256 sets).
        case partialByte
        /// How many contexts have been seen before, and the match length (64 sets).
        case orderAndMatch
        /// The previous byte (256 sets).
        case previousByte
        /// The previous byte's top 3 bits and the match length bucket, with the bit position (256 sets).
        case bitAndPrevious
    }

    var contexts: [Context]
    var selectors: [Selector]
    /// Bit histories mapped by a table per position in the first nibble (see ``CMModel``).
    var positionalMaps = true
    /// A second APM, on a hash of the last two bytes (see ``CMModel``).
    var orderTwoAPM = true
    /// log2 of the bytes of the hash table, of the match history, and of the match index entries.
    var contextTableBits: Int
    var historyBits: Int
    var matchIndexBits: Int

    static func sets(_ selector: Selector) -> Int {
        switch selector {
        case .partialByte, .previousByte, .bitAndPrevious: 256
        case .orderAndMatch: 64
        }
    }

    /// The contexts and selectors of levels 1...5 (fast) and 6...9 (strong).
    static let fastContexts: [Context] = [.order0, .order1, .order2, .order3, .order4, .word, .wordPair, .column, .wordSkip]
    static let fastSelectors: [Selector] = [.partialByte, .orderAndMatch]
    static let strongContexts: [Context] = [.order0, .order1, .order2, .order3, .order4, .order6, .word, .wordPair, .column, .wordAndPreviousByte, .order5, .sparse23, .order7, .order12, .sparse24, .wordTriple, .wordSkip]
    static let strongSelectors: [Selector] = [.partialByte, .orderAndMatch, .bitAndPrevious, .previousByte]

    /// Level 1...9: the hash table has 2^(level + 19) bytes, the match history 2^(level + 18)
    /// and the match index 2^(level + 13) entries at levels 1...5 (small enough to stay in cache:
    /// a larger one gained 0.01 % and cost 5 % of time), 2^(level + 16) at 6...9. Levels 6...9 add
    /// contexts, two selectors and the order-2 APM.
    static func forLevel(_ level: Int) -> CMShape {
        let strong = level >= 6
        return CMShape(
            contexts: strong ? strongContexts : fastContexts,
            selectors: strong ? strongSelectors : fastSelectors,
            positionalMaps: true, orderTwoAPM: strong,
            contextTableBits: level + 19, historyBits: level + 18, matchIndexBits: level + (strong ? 16 : 13))
    }
}
