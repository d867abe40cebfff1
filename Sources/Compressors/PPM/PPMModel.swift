/// A byte offset into the model's arena; 0 is null (offset 0 is in the header, never a record).
typealias ArenaRef = UInt32

/// The PPM model: contexts, their symbol statistics and the adaptive escape estimators, all in
/// one flat arena, in the manner of Dmitry Shkarin's PPMd var. H (2001).
///
/// The arena holds a header (allocator free lists, SEE contexts, binary-context probabilities,
/// scratch space and constant tables) and then the sub-allocated memory: raw text from the bottom
/// up, 12-byte units of symbol statistics above it, context records from the top down.
///
/// A context record (12 bytes): `numStats` (u16), then either `summFreq` (u16) and `stats` (u32),
/// or, when it has one symbol, that symbol's state in place, then `suffix` (u32).
/// A state (6 bytes): `symbol` (u8), `freq` (u8), `successor` (u32, 2-byte aligned).
/// A successor is null (only in the order-0 context), a position in the raw text just after the
/// symbol's first occurrence (below `unitsStart`), or the record of the context one order higher.
///
/// The model is a plain value over memory it does not own: ``PPMCodec`` owns the arena.
/// Every store into the arena goes through `store8/16/32`, which feed the undo journal.
struct PPMModel {
    let base: UnsafeMutableRawPointer
    /// Bytes of sub-allocated memory (text + units), a multiple of 4.
    let size: UInt32
    let maxOrder: UInt32

    var minContext: ArenaRef = 0
    var maxContext: ArenaRef = 0
    var foundState: ArenaRef = 0
    /// How many orders below the longest context the current one is.
    var orderFall: UInt32 = 0
    var initEscape: UInt32 = 0
    var prevSuccess: UInt32 = 0
    var hiBitsFlag: UInt32 = 0
    var runLength: Int32 = 0
    var initRunLength: Int32 = 0

    var text: ArenaRef = 0
    var unitsStart: ArenaRef = 0
    var loUnit: ArenaRef = 0
    var hiUnit: ArenaRef = 0
    var glueCount: UInt32 = 0

    /// Stamp of the current exclusion set: a symbol is excluded when its mask slot holds it.
    var maskStamp: UInt32 = 0
    var restarts = 0
    var journal = UndoJournal()

    // MARK: Constants

    static let unitSize: UInt32 = 12
    static let stateSize: UInt32 = 6
    static let indexCount: UInt32 = 38
    /// A symbol's count stays at most 124 (halved past it), so a full context of 256 symbols
    /// totals below 2^15 with room left for its escape count: the range coder's totals stay
    /// below 2^16, far under its 2^24 minimum range. The ceiling is Shkarin's.
    static let maxFreq: UInt32 = 124
    /// Binary-context probabilities move 1/2^7 of the way to each outcome.
    static let periodBits: UInt32 = 7

    // MARK: Header layout (byte offsets from `base`)

    static let freeListOffset: UInt32 = 0
    static let seeOffset: UInt32 = 160
    /// Room for the states awaiting a successor in `createSuccessors`: one per order, at most 17.
    static let stackOffset: UInt32 = 1760
    static let binSummOffset: UInt32 = 2048
    static let maskOffset: UInt32 = 18432
    static let units2IndexOffset: UInt32 = 19456
    static let index2UnitsOffset: UInt32 = 19584
    static let ns2IndexOffset: UInt32 = 19648
    static let ns2BinIndexOffset: UInt32 = 19904
    static let escapeByProbabilityOffset: UInt32 = 20160
    static let headerSize: UInt32 = 20480
    /// Slack after the arena for the journal's 4-byte reads at its last bytes.
    static let tailSlack: UInt32 = 8

    /// Smallest and largest sub-allocated memory: the smallest still holds the order-0 context
    /// with room to grow; the largest keeps every offset in 32 bits.
    static let minimumMemory = 1 << 12
    static let maximumMemory = 4000 << 20

    static func arenaBytes(memory: Int) -> Int {
        Int(headerSize) + (memory & ~3) + Int(tailSlack)
    }

    /// A fresh model in `base`, which holds ``arenaBytes(memory:)`` bytes.
    init(base: UnsafeMutableRawPointer, memory: Int, maxOrder: Int) {
        self.base = base
        self.size = UInt32(memory & ~3)
        self.maxOrder = UInt32(maxOrder)
        writeConstantTables()
        base.storeBytes(of: 0, toByteOffset: Int(Self.headerSize + size), as: UInt64.self)
        for i in 0..<256 {
            base.storeBytes(of: 0, toByteOffset: Int(Self.maskOffset) + 4 * i, as: UInt32.self)
        }
        restart()
    }

    // MARK: Loads

    @inline(__always) func u8(_ at: ArenaRef) -> UInt32 {
        UInt32(base.load(fromByteOffset: Int(at), as: UInt8.self))
    }

    // Wider fields are little-endian on every machine: a state's symbol and freq are written
    // together as one 16-bit value and read back as bytes.
    @inline(__always) func u16(_ at: ArenaRef) -> UInt32 {
        UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: Int(at), as: UInt16.self)))
    }

    @inline(__always) func u32(_ at: ArenaRef) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: Int(at), as: UInt32.self))
    }

    // MARK: Journaled stores

    @inline(__always) mutating func remember(_ at: ArenaRef) {
        if journal.mustRecord(at) { journal.record(offset: at, old: u32(at)) }
    }

    @inline(__always) mutating func store8(_ at: ArenaRef, _ value: UInt32) {
        remember(at)
        base.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: Int(at), as: UInt8.self)
    }

    @inline(__always) mutating func store16(_ at: ArenaRef, _ value: UInt32) {
        remember(at)
        base.storeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian, toByteOffset: Int(at), as: UInt16.self)
    }

    @inline(__always) mutating func store32(_ at: ArenaRef, _ value: UInt32) {
        remember(at)
        base.storeBytes(of: value.littleEndian, toByteOffset: Int(at), as: UInt32.self)
    }

    /// Stores outside the model's state (scratch space): never journaled.
    @inline(__always) func scratch32(_ at: ArenaRef, _ value: UInt32) {
        base.storeBytes(of: value.littleEndian, toByteOffset: Int(at), as: UInt32.self)
    }

    // MARK: Records

    @inline(__always) func numStats(_ c: ArenaRef) -> UInt32 { u16(c) }
    @inline(__always) func summFreq(_ c: ArenaRef) -> UInt32 { u16(c &+ 2) }
    @inline(__always) func stats(_ c: ArenaRef) -> ArenaRef { u32(c &+ 4) }
    @inline(__always) func suffix(_ c: ArenaRef) -> ArenaRef { u32(c &+ 8) }
    /// The state of a one-symbol context, kept inside its record.
    @inline(__always) func oneState(_ c: ArenaRef) -> ArenaRef { c &+ 2 }

    @inline(__always) func symbol(_ s: ArenaRef) -> UInt32 { u8(s) }
    @inline(__always) func freq(_ s: ArenaRef) -> UInt32 { u8(s &+ 1) }
    @inline(__always) func successor(_ s: ArenaRef) -> ArenaRef { u32(s &+ 2) }

    @inline(__always) mutating func setNumStats(_ c: ArenaRef, _ v: UInt32) { store16(c, v) }
    @inline(__always) mutating func setSummFreq(_ c: ArenaRef, _ v: UInt32) { store16(c &+ 2, v) }
    @inline(__always) mutating func setStats(_ c: ArenaRef, _ v: ArenaRef) { store32(c &+ 4, v) }
    @inline(__always) mutating func setSuffix(_ c: ArenaRef, _ v: ArenaRef) { store32(c &+ 8, v) }
    @inline(__always) mutating func setFreq(_ s: ArenaRef, _ v: UInt32) { store8(s &+ 1, v) }
    @inline(__always) mutating func setSuccessor(_ s: ArenaRef, _ v: ArenaRef) { store32(s &+ 2, v) }

    /// Writes a whole state: symbol and freq in one 16-bit store, then the successor.
    @inline(__always) mutating func setState(_ s: ArenaRef, symbolAndFreq: UInt32, successor: ArenaRef) {
        store16(s, symbolAndFreq)
        store32(s &+ 2, successor)
    }

    @inline(__always) mutating func copyState(to dst: ArenaRef, from src: ArenaRef) {
        setState(dst, symbolAndFreq: u16(src), successor: u32(src &+ 2))
    }

    @inline(__always) mutating func swapStates(_ a: ArenaRef, _ b: ArenaRef) {
        let head = u16(a), successor = u32(a &+ 2)
        copyState(to: a, from: b)
        setState(b, symbolAndFreq: head, successor: successor)
    }

    // MARK: Tables

    @inline(__always) func units2Index(_ nu: UInt32) -> UInt32 { u8(Self.units2IndexOffset &+ nu &- 1) }
    @inline(__always) func index2Units(_ i: UInt32) -> UInt32 { u8(Self.index2UnitsOffset &+ i) }

    @inline(__always) static func hiBitsFlag3(_ symbol: UInt32) -> UInt32 { symbol >= 0x40 ? 8 : 0 }
    @inline(__always) static func hiBitsFlag4(_ symbol: UInt32) -> UInt32 { symbol >= 0x40 ? 16 : 0 }

    private func writeConstantTables() {
        let tables = PPMTables.shared
        for (i, v) in tables.units2Index.enumerated() {
            base.storeBytes(of: v, toByteOffset: Int(Self.units2IndexOffset) + i, as: UInt8.self)
        }
        for (i, v) in tables.index2Units.enumerated() {
            base.storeBytes(of: v, toByteOffset: Int(Self.index2UnitsOffset) + i, as: UInt8.self)
        }
        for (i, v) in tables.ns2Index.enumerated() {
            base.storeBytes(of: v, toByteOffset: Int(Self.ns2IndexOffset) + i, as: UInt8.self)
        }
        for (i, v) in tables.ns2BinIndex.enumerated() {
            base.storeBytes(of: v, toByteOffset: Int(Self.ns2BinIndexOffset) + i, as: UInt8.self)
        }
        for (i, v) in tables.escapeByProbability.enumerated() {
            base.storeBytes(of: v, toByteOffset: Int(Self.escapeByProbabilityOffset) + i, as: UInt8.self)
        }
    }

    // MARK: Restart

    /// Empties the model: only the order-0 context, every byte seen once. This is also what the
    /// model does when its memory is full (PPMd's "restart" policy), so it must be cheap: it
    /// resets the allocator's pointers and writes the tables, never the whole arena.
    mutating func restart() {
        for i in 0..<Self.indexCount { store32(Self.freeListOffset &+ 4 &* i, 0) }
        text = Self.headerSize
        hiUnit = Self.headerSize &+ size
        unitsStart = hiUnit &- size / 8 / Self.unitSize * 7 * Self.unitSize
        loUnit = unitsStart
        glueCount = 0

        orderFall = maxOrder
        initRunLength = -Int32(min(maxOrder, 12)) - 1
        runLength = initRunLength
        prevSuccess = 0
        hiBitsFlag = 0
        initEscape = 0

        hiUnit &-= Self.unitSize
        let root = hiUnit
        let rootStats = loUnit
        loUnit &+= 128 &* Self.unitSize
        minContext = root
        maxContext = root
        foundState = rootStats
        setNumStats(root, 256)
        setSummFreq(root, 257)
        setStats(root, rootStats)
        setSuffix(root, 0)
        for i in 0..<UInt32(256) {
            setState(rootStats &+ i &* Self.stateSize, symbolAndFreq: i | 1 << 8, successor: 0)
        }

        let tables = PPMTables.shared
        for row in 0..<UInt32(128) {
            for column in 0..<UInt32(64) {
                store16(
                    Self.binSummOffset &+ 2 &* (row &* 64 &+ column),
                    tables.initialBinaryProbability(freq: row &+ 1, column: column))
            }
        }
        for row in 0..<UInt32(25) {
            for column in 0..<UInt32(16) {
                let see = Self.seeOffset &+ 4 &* (row &* 16 &+ column)
                store16(see, tables.initialEscapeSum(row: row))
                store16(see &+ 2, PPMTables.initialSeeShift | PPMTables.initialSeeCount << 8)
            }
        }
    }
}
