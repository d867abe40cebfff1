/// The scalar state of the model between bytes: the history that the contexts are made from.
/// Copied whole at a checkpoint.
struct CMHistory {
    /// The bits of the current byte seen so far, after a leading 1 (1...255).
    var c0 = 1
    /// The last four bytes, the most recent in the low byte, the four before them, and the four
    /// before those.
    var c4: UInt32 = 0
    var c8: UInt32 = 0
    var c12: UInt32 = 0
    /// Hash of the current word (letters case-folded, bytes >= 128 count as letters), 0 between words.
    var word: UInt32 = 0
    /// Hashes of the word before it and the one before that.
    var previousWord: UInt32 = 0
    var wordBefore: UInt32 = 0
    /// Bytes seen.
    var position = 0
    /// Where the current line started and where the previous one did.
    var lineStart = 0
    var previousLineStart = 0
    /// The match model: where the predicted byte is in the history, and how many bytes matched.
    var matchPointer = 0
    var matchLength = 0
}

/// The context-mixing predictor of `cm`, with its tables. See ``ContextMixingCodec`` for the model.
struct CMModel: ~Copyable {
    // MARK: Shape

    /// Contexts with bit histories: orders 0 and 1 in the direct table, the others hashed.
    let contextCount: Int
    /// Mixer inputs: one per context, two from the match model, one constant; padded to lanes of 4.
    let inputCount: Int
    let selectorCount: Int
    let contextKinds: UnsafeMutablePointer<UInt8>
    let selectorKinds: UnsafeMutablePointer<UInt8>
    /// Where each selector's weight sets start, in weights.
    let selectorBase: UnsafeMutablePointer<Int>

    /// Each context maps bit histories to probabilities with one table, or (positional maps)
    /// with 17: one for each partial first nibble (1...15; 0 unused) and one shared by the
    /// whole second nibble.
    let stateMapStride: Int
    let positionalMaps: Bool
    /// Whether a second APM, on a hash of the last two bytes, refines the first.
    let orderTwoAPM: Bool
    static let apmStride = 33
    /// APM rows, 256 per context (one per partial byte): order 1 (the last byte), order 2 (an
    /// 8-bit hash of the last two bytes), order 0.
    static let apm1Base = 0
    static let apm2Base = 65536
    static let apm0Base = 2 << 16
    static let apmRows = (2 << 16) + 256

    // MARK: Tables

    let hashTable: UnsafeMutablePointer<UInt8>
    let bucketMask: Int
    /// Orders 0 and 1: 257 contexts (256 for the previous byte, 1 for order 0) x 17 buckets.
    let directTable: UnsafeMutablePointer<UInt8>
    static let directBytes = 257 * 17 * 16
    let history: UnsafeMutablePointer<UInt8>
    let historyMask: Int
    let matchIndex: UnsafeMutablePointer<UInt32>
    let matchIndexMask: Int
    let apm: UnsafeMutablePointer<UInt16>

    /// The small tables, copied whole at a checkpoint: bit-history maps, the match map, mixer
    /// weights and the contexts' hashes.
    let small: UnsafeMutableRawPointer
    let smallBytes: Int
    let smallSaved: UnsafeMutableRawPointer
    let smallInitial: UnsafeMutableRawPointer
    let stateMaps: UnsafeMutablePointer<UInt32>
    let matchMap: UnsafeMutablePointer<UInt32>
    let weights: UnsafeMutableRawPointer
    let finalWeights: UnsafeMutablePointer<Int32>
    let hashes: UnsafeMutablePointer<UInt32>

    /// The bucket each context is in for the current nibble, and their copy at a checkpoint.
    let buckets: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>
    let bucketsSaved: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>
    /// Buckets claimed, match index entries and APM rows written since the last reset.
    var touchedBuckets: CMTouchList
    var touchedIndex: CMTouchList
    var touchedApmGroups: CMTouchList
    let dirtyApmGroups: UnsafeMutablePointer<UInt8>

    // Read-only tables.
    let squash: UnsafeMutablePointer<UInt16>
    let stretch: UnsafeMutablePointer<Int16>
    let cost: UnsafeMutablePointer<UInt32>
    let next: UnsafeMutablePointer<UInt8>
    /// 65536 / (n + 1.5): the step of an adaptive probability seen n times.
    let reciprocal: UnsafeMutablePointer<Int32>

    // Per-bit scratch.
    let x: UnsafeMutableRawPointer
    let slots: UnsafeMutablePointer<Int>
    let mixerLogits: UnsafeMutablePointer<Int>
    let mixerWeights: UnsafeMutablePointer<UnsafeMutableRawPointer>

    // MARK: State

    var h = CMHistory()
    var saved = CMHistory()
    var journal = CMJournal()
    private(set) var journaling = false
    /// The code length of everything coded since the last reset, in units of 2^-24 bit.
    var codeLength: UInt64 = 0
    var savedCodeLength: UInt64 = 0

    init(shape: CMShape) {
        contextCount = shape.contexts.count
        inputCount = (contextCount + 3 + 3) & ~3
        selectorCount = shape.selectors.count
        contextKinds = Self.allocateCopy(shape.contexts.map(\.rawValue))
        selectorKinds = Self.allocateCopy(shape.selectors.map(\.rawValue))
        selectorBase = Self.allocateZeroed(Int.self, selectorCount)
        positionalMaps = shape.positionalMaps
        orderTwoAPM = shape.orderTwoAPM
        stateMapStride = shape.positionalMaps ? 17 * 256 : 256

        let tableBytes = 1 << shape.contextTableBits
        hashTable = Self.allocateZeroed(UInt8.self, tableBytes)
        bucketMask = (tableBytes >> 4) - 1
        directTable = Self.allocateZeroed(UInt8.self, Self.directBytes)
        history = Self.allocateZeroed(UInt8.self, 1 << shape.historyBits)
        historyMask = (1 << shape.historyBits) - 1
        matchIndex = Self.allocateZeroed(UInt32.self, 1 << shape.matchIndexBits)
        matchIndexMask = (1 << shape.matchIndexBits) - 1
        apm = Self.allocateZeroed(UInt16.self, (Self.apmRows + 256) * Self.apmStride)

        // The small block, each region aligned to 64 bytes.
        var offset = 0
        func region(_ bytes: Int) -> Int {
            defer { offset += (bytes + 63) & ~63 }
            return offset
        }
        let stateMapsAt = region(contextCount * stateMapStride * 4)
        let matchMapAt = region(256 * 4)
        var setCount = 0
        for (k, selector) in shape.selectors.enumerated() {
            selectorBase[k] = setCount * inputCount * 4
            setCount += CMShape.sets(selector)
        }
        let weightsAt = region(setCount * inputCount * 4)
        let finalWeightsAt = region(8 * selectorCount * 4)
        let hashesAt = region(contextCount * 4)
        smallBytes = offset
        small = .allocate(byteCount: smallBytes, alignment: 64)
        Self.zero(small, smallBytes)
        smallSaved = .allocate(byteCount: smallBytes, alignment: 64)
        Self.zero(smallSaved, smallBytes)
        smallInitial = .allocate(byteCount: smallBytes, alignment: 64)
        Self.zero(smallInitial, smallBytes)
        stateMaps = (small + stateMapsAt).bindMemory(to: UInt32.self, capacity: contextCount * stateMapStride)
        matchMap = (small + matchMapAt).bindMemory(to: UInt32.self, capacity: 256)
        weights = small + weightsAt
        finalWeights = (small + finalWeightsAt).bindMemory(to: Int32.self, capacity: 8 * selectorCount)
        hashes = (small + hashesAt).bindMemory(to: UInt32.self, capacity: contextCount)

        buckets = .allocate(capacity: contextCount)
        bucketsSaved = .allocate(capacity: contextCount)
        touchedBuckets = CMTouchList(capacity: (tableBytes >> 4) / 16)
        touchedIndex = CMTouchList(capacity: (1 << shape.matchIndexBits) / 16)
        touchedApmGroups = CMTouchList(capacity: Self.apmRows >> 8)
        dirtyApmGroups = Self.allocateZeroed(UInt8.self, Self.apmRows >> 8)

        let logistic = CMLogistic.shared
        squash = Self.allocateCopy(logistic.squash)
        stretch = Self.allocateCopy(logistic.stretch)
        cost = Self.allocateCopy(logistic.cost)
        let states = CMBitHistory.shared
        next = Self.allocateCopy(states.next + [UInt8](repeating: 0, count: 512 - states.next.count))
        reciprocal = Self.allocateCopy((0..<1024).map { Int32(131_072 / (2 * $0 + 3)) })
        x = .allocate(byteCount: inputCount * 4, alignment: 64)
        x.initializeMemory(as: Int32.self, repeating: 0, count: inputCount)
        slots = Self.allocateZeroed(Int.self, contextCount)
        mixerLogits = Self.allocateZeroed(Int.self, selectorCount)
        mixerWeights = .allocate(capacity: selectorCount)
        mixerWeights.initialize(repeating: small, count: selectorCount)

        // The fresh small block: bit-history probabilities from each state's counts, weights.
        for i in 0..<contextCount * stateMapStride / 256 {
            for s in 0..<256 {
                var p22 = 1 << 21
                if s < states.stateCount {
                    let n0 = Int(states.zeros[s]), n1 = Int(states.ones[s])
                    p22 = ((2 * n1 + 1) << 22) / (2 * (n0 + n1) + 2)
                }
                stateMaps[i * 256 + s] = UInt32(p22 << 10)
            }
        }
        for s in 0..<256 { matchMap[s] = UInt32((1 << 21) << 10) }
        let weightWords = weights.bindMemory(to: Int32.self, capacity: setCount * inputCount)
        for i in 0..<setCount * inputCount { weightWords[i] = 1 << 14 }
        for i in 0..<8 * selectorCount { finalWeights[i] = Int32((1 << 16) / selectorCount) }
        smallInitial.copyMemory(from: small, byteCount: smallBytes)
        // Fill the APM table by doubling copies of its first row; 256 rows past the end stay
        // as they start, the template a reset copies back.
        Self.initialiseApmRow(apm, squash)
        var filled = Self.apmStride
        let total = (Self.apmRows + 256) * Self.apmStride
        while filled < total {
            let count = min(filled, total - filled)
            (apm + filled).update(from: apm, count: count)
            filled += count
        }
        startByte()
    }

    deinit {
        contextKinds.deallocate()
        selectorKinds.deallocate()
        selectorBase.deallocate()
        hashTable.deallocate()
        directTable.deallocate()
        history.deallocate()
        matchIndex.deallocate()
        apm.deallocate()
        small.deallocate()
        smallSaved.deallocate()
        smallInitial.deallocate()
        buckets.deallocate()
        bucketsSaved.deallocate()
        dirtyApmGroups.deallocate()
        squash.deallocate()
        stretch.deallocate()
        cost.deallocate()
        next.deallocate()
        reciprocal.deallocate()
        x.deallocate()
        slots.deallocate()
        mixerLogits.deallocate()
        mixerWeights.deallocate()
    }

    private static func allocateZeroed<T: BinaryInteger>(_: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
        let bytes = count * MemoryLayout<T>.stride
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        zero(raw, bytes)
        return raw.bindMemory(to: T.self, capacity: count)
    }

    /// Zeroes `bytes` bytes: 64 by stores, the rest by doubling copies (memcpy, fast in debug
    /// builds too, where a typed fill goes element by element through generic code).
    static func zero(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        let head = min(bytes, 64)
        for i in 0..<head { p.storeBytes(of: 0, toByteOffset: i, as: UInt8.self) }
        var filled = head
        while filled < bytes {
            let count = min(filled, bytes - filled)
            (p + filled).copyMemory(from: p, byteCount: count)
            filled += count
        }
    }

    private static func allocateCopy<T: BinaryInteger>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let p = allocateZeroed(T.self, max(1, values.count))
        p.update(from: values, count: values.count)
        return p
    }

    /// An APM row starts as the identity: entry j holds squash of the j-th of 33 points.
    private static func initialiseApmRow(_ row: UnsafeMutablePointer<UInt16>, _ squash: UnsafeMutablePointer<UInt16>) {
        for j in 0..<apmStride { row[j] = squash[min(j * 128, 4094)] }
    }

    // MARK: Coding

    /// Codes one byte (8 bits, high bit first) through `coder` and learns it; returns the byte.
    @inline(__always)
    mutating func code<C: CMBitCoder & ~Copyable>(_ byte: Int, _ coder: inout C) -> Int {
        if journaling { journal.reserve(bucketRecords: 2 * contextCount, wordRecords: 40) }
        for k in 0..<8 {
            codeBit((byte >> (7 - k)) & 1, &coder)
        }
        let c = h.c0 & 0xFF
        endByte(c)
        return c
    }

    @inline(__always)
    private mutating func codeBit<C: CMBitCoder & ~Copyable>(_ bit: Int, _ coder: inout C) {
        let c0 = h.c0
        let node = Self.nibbleNode(c0)
        let seen = Self.bitsSeen(c0)
        let inputs = x.assumingMemoryBound(to: Int32.self)

        // Bit histories to probabilities to logits.
        var order = 0
        let mapOffset = positionalMaps ? (c0 < 16 ? c0 : 16) &<< 8 : 0
        for i in 0..<contextCount {
            let s = Int(buckets[i][node])
            order &+= s != 0 ? 1 : 0
            let index = i &* stateMapStride &+ mapOffset | s
            slots[i] = index
            inputs[i] = Int32(stretch[Int(stateMaps[index] &>> 20)])
        }

        // The match model: the bit the longest recent match predicts, and how sure it is.
        var expected = -1
        var matchSlot = 0
        if h.matchLength > 0 {
            let predicted = Int(history[h.matchPointer & historyMask]) | 256
            if predicted &>> (8 &- seen) == c0 {
                expected = (predicted &>> (7 &- seen)) & 1
                matchSlot = (min(h.matchLength, 15) &<< 1 | expected) &+ 2
            }
        }
        let m = contextCount
        inputs[m] = Int32(stretch[Int(matchMap[matchSlot] &>> 20)])
        let strength = Int32(min(h.matchLength, 32) &<< 5)
        inputs[m &+ 1] = expected < 0 ? 0 : (expected == 1 ? strength : -strength)
        inputs[m &+ 2] = 256

        // First layer: one weight set per selector; the final mixer combines their logits.
        let matchBucket = expected < 0 ? 0 : (h.matchLength < 16 ? 1 : (h.matchLength < 32 ? 2 : 3))
        let c1 = Int(h.c4 & 0xFF)
        var finalDot = 0
        let finalSet = finalWeights + seen &* selectorCount
        for k in 0..<selectorCount {
            let set: Int
            switch selectorKinds[k] {
            case CMShape.Selector.partialByte.rawValue: set = c0
            case CMShape.Selector.orderAndMatch.rawValue: set = min(order, 15) &<< 2 | matchBucket
            case CMShape.Selector.previousByte.rawValue: set = c1
            default: set = (c1 &>> 5) &<< 5 | matchBucket &<< 3 | seen
            }
            let w = weights + (selectorBase[k] &+ set &* inputCount &* 4)
            mixerWeights[k] = w
            let logit = Self.clampLogit(CMMixer.dot(x, w, inputCount))
            mixerLogits[k] = logit
            finalDot &+= logit &* Int(finalSet[k])
        }
        let xm = Self.clampLogit(finalDot &>> 16)
        let pm = Int(squash[xm &+ 2047])

        // APM stages: order 1 on the mixer's logit, averaged with it; then (strong shape) a
        // hashed order 2 on that. Rows for one context are 256 in a row, by partial byte.
        let row1 = Self.apm1Base &+ (c0 | c1 &<< 8)
        let (p1, slot1) = Self.refine(apm + row1 &* Self.apmStride, xm)
        var pa = (pm &+ p1) &>> 1
        var row2 = 0, slot2 = 0, row0 = 0, slot0 = 0
        var pf = pa &<< 1
        if orderTwoAPM {
            row0 = Self.apm0Base &+ c0
            let (p0, slotIn0) = Self.refine(apm + row0 &* Self.apmStride, xm)
            slot0 = slotIn0
            pa = (2 &* pm &+ p0 &+ p1) &>> 2
            row2 = Self.apm2Base &+ (Self.apm2Group(h.c4) &<< 8 | c0)
            let (p2, slot) = Self.refine(apm + row2 &* Self.apmStride, Int(stretch[pa &>> 4]))
            slot2 = slot
            pf = pa &+ p2
        }
        // The coder is given 12 bits: finer probabilities gained nothing measurable on text.
        let p = min(max((pf &+ 16) &>> 5, 1), 4095)

        let y = coder.code(bit, UInt32(p &<< 4))
        codeLength &+= UInt64(cost[y != 0 ? p : 4096 &- p])

        // Learn.
        for i in 0..<contextCount {
            let slot = buckets[i] + node
            slot.pointee = next[Int(slot.pointee) &<< 1 | y]
            train(stateMaps + slots[i], y, limit: 1023)
        }
        train(matchMap + matchSlot, y, limit: 1023)
        if expected >= 0 && expected != y { h.matchLength = 0 }

        let errM = (y &<< 12) &- (pm &>> 4)
        let rate = 56 &+ (1 &<< 20) / (h.position &+ 8192)
        for k in 0..<selectorCount {
            let logit = mixerLogits[k]
            let pk = Int(squash[logit &+ 2047]) &>> 4
            let err = (y &<< 12) &- pk
            if err > 120 || err < -120 {
                CMMixer.train(x, mixerWeights[k], inputCount, (err &* rate) &>> 4)
            }
            finalSet[k] = Int32(truncatingIfNeeded: Int(finalSet[k]) &+ ((logit &* errM &+ (1 << 15)) &>> 16))
        }

        trainApm(row1 &* Self.apmStride &+ slot1, y)
        if orderTwoAPM {
            trainApm(row2 &* Self.apmStride &+ slot2, y)
            trainApm(row0 &* Self.apmStride &+ slot0, y)
        }

        h.c0 = c0 &<< 1 | y
        if h.c0 &>> 4 == 1 { startNibble() }
    }

    /// How many bits of the current byte `c0` holds.
    @inline(__always)
    private static func bitsSeen(_ c0: Int) -> Int { Int.bitWidth &- 1 &- c0.leadingZeroBitCount }

    /// The byte in a bucket holding the bit history for partial byte `c0`: the bits of the
    /// current nibble after a leading 1 (1...15); byte 0 is the bucket's check.
    @inline(__always)
    private static func nibbleNode(_ c0: Int) -> Int {
        if c0 < 16 { return c0 }
        let k = bitsSeen(c0) &- 4
        return 1 &<< k | c0 & (1 &<< k &- 1)
    }

    @inline(__always)
    private static func clampLogit(_ v: Int) -> Int { min(max(v, -2047), 2047) }

    /// An APM (adaptive probability map, SSE, after Mahoney): interpolates between the two
    /// entries of `row` around logit `xv`; returns P(1) in 16 bits and the entry nearer `xv`,
    /// the one to train.
    @inline(__always)
    private static func refine(_ row: UnsafeMutablePointer<UInt16>, _ xv: Int) -> (Int, Int) {
        let position = xv &+ 2047
        let j = position &>> 7, w = position & 127
        let a = Int(row[j]), b = Int(row[j &+ 1])
        return ((a &* (128 &- w) &+ b &* w) &>> 7, j &+ (w &>> 6))
    }

    /// Moves an APM entry 1/64 of the way toward bit y.
    @inline(__always)
    private mutating func trainApm(_ index: Int, _ y: Int) {
        let old = Int(apm[index])
        if journaling { journal.saveWord(table: 0, index: index, UInt32(old)) }
        apm[index] = UInt16(truncatingIfNeeded: old &+ ((((y &<< 16) &- y) &- old &+ 32) &>> 6))
    }

    /// The order-2 APM's context: 8 bits of a hash of the last two bytes.
    @inline(__always)
    private static func apm2Group(_ c4: UInt32) -> Int { Int(((c4 & 0xFFFF) &* 0x2F0F_3A57) &>> 24) }

    /// Notes the APM rows the next byte will use (256 per context) for the next reset.
    @inline(__always)
    private mutating func markApmGroup(_ group: Int) {
        if dirtyApmGroups[group] == 0 {
            dirtyApmGroups[group] = 1
            touchedApmGroups.note(group)
        }
    }

    /// Moves an adaptive probability (22 bits, with a count in the low 10) toward bit y by
    /// 1/(n + 1.5), n the count so far, at most `limit`.
    @inline(__always)
    private func train(_ entry: UnsafeMutablePointer<UInt32>, _ y: Int, limit: Int) {
        let t = entry.pointee
        let n = Int(t & 1023)
        let p22 = Int(t &>> 10)
        let target = (y &<< 22) &- y
        let updated = p22 &+ (((target &- p22) &* Int(reciprocal[n])) &>> 16)
        entry.pointee = UInt32(truncatingIfNeeded: updated &<< 10 | (n < limit ? n &+ 1 : limit))
    }

    // MARK: Contexts

    @inline(__always)
    private static func hash(_ a: UInt32, _ b: UInt32) -> UInt32 {
        var v = a &* 0x9E37_79B1 ^ (b &+ 0x7F4A_7C15) &* 0x85EB_CA77
        v ^= v &>> 16
        v = v &* 0x7FEB_352D
        v ^= v &>> 15
        v = v &* 0x846C_A68B
        v ^= v &>> 16
        return v
    }

    /// Finds (or makes) the bucket for hash `v`: one of three adjacent buckets in a 64-byte line,
    /// matched by an 8-bit check; a miss evicts the least used of the three.
    @inline(__always)
    private mutating func lookup(_ v: UInt32) -> UnsafeMutablePointer<UInt8> {
        // Never 0, so a bucket never claimed since the last reset never matches.
        let check = max(UInt8(truncatingIfNeeded: v &>> 24), 1)
        let first = Int(truncatingIfNeeded: v) & bucketMask
        var chosen = -1
        var victim = first
        var victimPriority = 256
        for k in 0..<3 {
            let b = first ^ k
            let bucket = hashTable + b &<< 4
            if bucket[0] == check { chosen = b; break }
            let priority = Int(bucket[1])
            if priority < victimPriority { victimPriority = priority; victim = b }
        }
        let b = chosen >= 0 ? chosen : victim
        let bucket = hashTable + b &<< 4
        if journaling { journal.saveBucket(table: 0, offset: b &<< 4, bucket) }
        if chosen < 0 {
            touchedBuckets.note(b)
            let raw = UnsafeMutableRawPointer(bucket)
            raw.storeBytes(of: 0, as: UInt64.self)
            raw.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
            bucket[0] = check
        }
        return bucket
    }

    @inline(__always)
    private mutating func directBucket(_ context: Int) -> UnsafeMutablePointer<UInt8> {
        let c0 = h.c0
        let index = context &* 17 &+ (c0 == 1 ? 0 : c0 & 15 &+ 1)
        let bucket = directTable + index &<< 4
        if journaling { journal.saveBucket(table: 1, offset: index &<< 4, bucket) }
        return bucket
    }

    /// Looks up every context's bucket for the nibble that starts now.
    @inline(__always)
    private mutating func startNibble() {
        let c0 = UInt32(truncatingIfNeeded: h.c0)
        for i in 0..<contextCount {
            switch contextKinds[i] {
            case CMShape.Context.order0.rawValue: buckets[i] = directBucket(256)
            case CMShape.Context.order1.rawValue: buckets[i] = directBucket(Int(h.c4 & 0xFF))
            default: buckets[i] = lookup(hashes[i] &+ c0 &* 0x9E37_79B1)
            }
        }
    }

    /// Updates the history after byte `c`, then the contexts for the next byte.
    @inline(__always)
    private mutating func endByte(_ c: Int) {
        let byte = UInt32(truncatingIfNeeded: c)
        h.c12 = h.c12 &<< 8 | h.c8 &>> 24
        h.c8 = h.c8 &<< 8 | h.c4 &>> 24
        h.c4 = h.c4 &<< 8 | byte
        h.c0 = 1

        // Words: letters folded to lower case; bytes of multi-byte UTF-8 characters count as letters.
        var folded = byte
        if folded >= 65 && folded <= 90 { folded &+= 32 }
        if (folded >= 97 && folded <= 122) || folded >= 128 {
            h.word = (h.word ^ folded) &* 0x0100_0193 | 1
        } else if h.word != 0 {
            h.wordBefore = h.previousWord
            h.previousWord = h.word
            h.word = 0
        }

        // Match model: extend the current match or look for a new one.
        if h.matchLength > 0 {
            if Int(history[h.matchPointer & historyMask]) == c {
                h.matchLength = min(h.matchLength &+ 1, 65535)
                h.matchPointer &+= 1
            } else {
                h.matchLength = 0
            }
        }
        let position = h.position
        let at = position & historyMask
        if journaling && position > historyMask {
            journal.saveWord(table: 1, index: at, UInt32(history[at]))
        }
        history[at] = UInt8(truncatingIfNeeded: c)
        let now = position &+ 1
        h.position = now
        if c == 10 {
            h.previousLineStart = h.lineStart
            h.lineStart = now
        }
        let key = Int(Self.hash(h.c4, h.c8 & 0xFFFF) &>> 8) & matchIndexMask
        if h.matchLength == 0 && now >= 6 {
            let candidate = Int(matchIndex[key])
            if candidate > 0 && now &- candidate <= historyMask {
                var length = 0
                let limit = min(candidate, 32)
                while length < limit
                    && history[(candidate &- 1 &- length) & historyMask] == history[(now &- 1 &- length) & historyMask] {
                    length &+= 1
                }
                if length >= 6 {
                    h.matchLength = length
                    h.matchPointer = candidate
                }
            }
        }
        if now >= 6 {
            if journaling { journal.saveWord(table: 2, index: key, matchIndex[key]) }
            matchIndex[key] = UInt32(truncatingIfNeeded: now)
            touchedIndex.note(key)
        }
        startByte()
    }

    /// Hashes the contexts for the byte that starts now and looks up their first buckets.
    @inline(__always)
    private mutating func startByte() {
        let c4 = h.c4
        markApmGroup(Self.apm1Base &>> 8 &+ Int(c4 & 0xFF))
        if orderTwoAPM {
            markApmGroup(Self.apm2Base &>> 8 &+ Self.apm2Group(c4))
            markApmGroup(Self.apm0Base &>> 8)
        }
        for i in 0..<contextCount {
            let kind = CMShape.Context(rawValue: contextKinds[i]).unsafelyUnwrapped
            let value: UInt32
            switch kind {
            case .order0, .order1: continue
            case .order2: value = c4 & 0xFFFF
            case .order3: value = c4 & 0xFF_FFFF
            case .order4: value = c4
            case .order5: value = Self.hash(c4, h.c8 & 0xFF)
            case .order6: value = Self.hash(c4, h.c8 & 0xFFFF)
            case .order7: value = Self.hash(c4, h.c8 & 0xFF_FFFF)
            case .order12: value = Self.hash(c4, Self.hash(h.c8, h.c12))
            case .word: value = Self.hash(h.word, h.word == 0 ? c4 & 0xFF : 0)
            case .wordPair: value = Self.hash(h.word, h.previousWord)
            case .wordTriple: value = Self.hash(h.word, Self.hash(h.previousWord, h.wordBefore))
            case .wordSkip: value = Self.hash(h.word, h.wordBefore &+ 0x51)
            case .wordAndPreviousByte: value = Self.hash(h.previousWord, c4 & 0xFF)
            case .sparse23: value = c4 & 0xFFFF00
            case .sparse24: value = c4 & 0xFF00FF00
            case .column:
                let column = min(h.position &- h.lineStart, 255)
                let above = h.previousLineStart &+ column < h.lineStart
                    ? UInt32(history[(h.previousLineStart &+ column) & historyMask]) : 0
                value = UInt32(column) | above &<< 8 | (c4 & 0xFF) &<< 16
            }
            hashes[i] = Self.hash(value, UInt32(kind.rawValue) &* 0x1000_0001)
        }
        startNibble()
    }

    // MARK: Checkpoint, rollback, reset

    mutating func checkpoint() {
        smallSaved.copyMemory(from: small, byteCount: smallBytes)
        bucketsSaved.update(from: buckets, count: contextCount)
        saved = h
        savedCodeLength = codeLength
        journal.clear()
        journaling = true
        saveCurrentBuckets()
    }

    /// The buckets of the nibble under way were found before the journal began (at the
    /// checkpoint, or again after a rollback emptied it); the next bits will write to them.
    private mutating func saveCurrentBuckets() {
        journal.reserve(bucketRecords: contextCount, wordRecords: 0)
        for i in 0..<contextCount {
            let bucket = buckets[i]
            if bucket >= directTable && bucket < directTable + Self.directBytes {
                journal.saveBucket(table: 1, offset: bucket - directTable, bucket)
            } else {
                journal.saveBucket(table: 0, offset: bucket - hashTable, bucket)
            }
        }
    }

    mutating func rollback() {
        precondition(journaling, "rollback() needs a checkpoint()")
        let hashTable = hashTable, directTable = directTable, apm = apm
        let history = history, matchIndex = matchIndex
        journal.undo { table, offset in
            table == 0 ? hashTable + offset : directTable + offset
        } word: { table, index, old in
            switch table {
            case 0: apm[index] = UInt16(truncatingIfNeeded: old)
            case 1: history[index] = UInt8(truncatingIfNeeded: old)
            default: matchIndex[index] = old
            }
        }
        small.copyMemory(from: smallSaved, byteCount: smallBytes)
        buckets.update(from: bucketsSaved, count: contextCount)
        h = saved
        codeLength = savedCodeLength
        saveCurrentBuckets()
    }

    mutating func endJournal() {
        journaling = false
        journal.clear()
    }

    mutating func reset() {
        journaling = false
        journal.clear()
        let hashTable = hashTable, matchIndex = matchIndex, apm = apm, squash = squash
        let dirtyApmGroups = dirtyApmGroups
        if touchedBuckets.overflowed {
            Self.zero(hashTable, (bucketMask + 1) << 4)
        }
        touchedBuckets.drain { b in
            let raw = UnsafeMutableRawPointer(hashTable + b << 4)
            raw.storeBytes(of: 0, as: UInt64.self)
            raw.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
        }
        if touchedIndex.overflowed {
            Self.zero(matchIndex, (matchIndexMask + 1) * 4)
        }
        touchedIndex.drain { key in matchIndex[key] = 0 }
        let group = 256 * Self.apmStride
        touchedApmGroups.drain { g in
            (apm + g * group).update(from: apm + Self.apmRows * Self.apmStride, count: group)
            dirtyApmGroups[g] = 0
        }
        Self.zero(directTable, Self.directBytes)
        small.copyMemory(from: smallInitial, byteCount: smallBytes)
        h = CMHistory()
        codeLength = 0
        startByte()
    }
}
