/// Coding one symbol: the current context first, then shorter and shorter suffixes after each
/// escape, with the symbols of the contexts already tried excluded. The encoder side
/// (`code(_:into:)`) and the decoder side (`decode(_:)`) make the same events and the same model
/// updates, in the same order.
extension PPMModel {
    // MARK: Exclusion

    @inline(__always) mutating func beginExclusion() {
        maskStamp &+= 1
        if maskStamp == 0 {
            for i in 0..<UInt32(256) { scratch32(Self.maskOffset &+ 4 &* i, 0) }
            maskStamp = 1
        }
    }

    @inline(__always) func isExcluded(_ symbol: UInt32) -> Bool {
        u32(Self.maskOffset &+ 4 &* symbol) == maskStamp
    }

    @inline(__always) func exclude(_ symbol: UInt32) {
        scratch32(Self.maskOffset &+ 4 &* symbol, maskStamp)
    }

    @inline(__always) func excludeAll(_ context: ArenaRef, _ count: UInt32) {
        var s = stats(context)
        let end = s &+ count &* Self.stateSize
        while s != end {
            exclude(symbol(s))
            s &+= Self.stateSize
        }
    }

    /// A count of the unmasked frequency of state `s`.
    @inline(__always) func unmaskedFreq(_ s: ArenaRef) -> UInt32 {
        isExcluded(symbol(s)) ? 0 : freq(s)
    }

    // MARK: Estimators

    /// The probability cell of a one-symbol context (Shkarin's binary contexts): indexed by the
    /// symbol's count, whether the last symbol was predicted at once, the suffix's diversity,
    /// whether this and the last symbol are above 0x3F, and whether a run of hits is under way.
    @inline(__always) mutating func binaryCell(_ context: ArenaRef, _ s: ArenaRef) -> ArenaRef {
        hiBitsFlag = Self.hiBitsFlag3(symbol(foundState))
        let suffixCount = numStats(suffix(context))
        var column = prevSuccess &+ u8(Self.ns2BinIndexOffset &+ suffixCount &- 1)
        column &+= hiBitsFlag &+ Self.hiBitsFlag4(symbol(s))
        column &+= runLength < 0 ? 32 : 0
        return Self.binSummOffset &+ 2 &* ((freq(s) &- 1) &* 64 &+ column)
    }

    /// Mean of a binary probability cell, rounded: the amount it moves by on each update.
    @inline(__always) static func binaryStep(_ p: UInt32) -> UInt32 {
        (p &+ (1 &<< (periodBits &- 2))) &>> periodBits
    }

    /// Secondary escape estimation (SEE, Shkarin): after an escape the escape count of a context
    /// is not its own but an adaptive estimate shared by contexts alike in number of unmasked
    /// symbols, diversity relative to their suffix, mean count, share masked and the last symbol.
    /// Returns the SEE cell (0 for a context with all 256 symbols, which never escapes) and the count.
    @inline(__always)
    mutating func escapeEstimate(_ context: ArenaRef, _ count: UInt32, _ masked: UInt32) -> (ArenaRef, UInt32) {
        if count == 256 { return (0, 1) }
        let unmasked = count &- masked
        var column = hiBitsFlag
        if unmasked < numStats(suffix(context)) &- count { column &+= 1 }
        if summFreq(context) < 11 &* count { column &+= 2 }
        if masked > unmasked { column &+= 4 }
        let row = u8(Self.ns2IndexOffset &+ unmasked &- 1)
        let cell = Self.seeOffset &+ 4 &* (row &* 16 &+ column)
        let sum = u16(cell)
        let estimate = sum &>> u8(cell &+ 2)
        store16(cell, sum &- estimate)
        return (cell, estimate == 0 ? 1 : estimate)
    }

    /// After a symbol is found with a SEE estimate, the estimate slows down (up to 2^-7) as its cell is used.
    @inline(__always) mutating func seeFound(_ cell: ArenaRef) {
        guard cell != 0 else { return }
        let shift = u8(cell &+ 2)
        guard shift < Self.periodBits else { return }
        let count = u8(cell &+ 3) &- 1
        if count == 0 {
            store16(cell, u16(cell) &<< 1)
            store16(cell &+ 2, (shift &+ 1) | (3 &<< shift) << 8)
        } else {
            store8(cell &+ 3, count)
        }
    }

    @inline(__always) mutating func seeEscaped(_ cell: ArenaRef, _ total: UInt32) {
        guard cell != 0 else { return }
        store16(cell, u16(cell) &+ total)
    }

    // MARK: Encoding

    /// Codes `symbol` in the current context into `sink`, then updates the model.
    @inline(__always)
    mutating func code<Sink: CodingSink>(_ symbol: UInt32, into sink: inout Sink) {
        let context = minContext
        let count = numStats(context)
        if count != 1 {
            var s = stats(context)
            let total = summFreq(context)
            var f = freq(s)
            if self.symbol(s) == symbol {
                sink.code(low: 0, size: f, total: total)
                foundState = s
                foundFirst(s, f, total)
                return
            }
            prevSuccess = 0
            var low = f
            var left = count &- 1
            repeat {
                s &+= Self.stateSize
                f = freq(s)
                if self.symbol(s) == symbol {
                    sink.code(low: low, size: f, total: total)
                    foundState = s
                    foundLater(s, f)
                    return
                }
                low &+= f
                left &-= 1
            } while left != 0
            sink.code(low: low, size: total &- low, total: total)
            hiBitsFlag = Self.hiBitsFlag3(self.symbol(foundState))
            beginExclusion()
            excludeAll(context, count)
        } else {
            let s = oneState(context)
            let cell = binaryCell(context, s)
            let p = u16(cell)
            if self.symbol(s) == symbol {
                sink.codeBinary(probability: p, hit: true)
                foundBinary(s, cell, p)
                return
            }
            sink.codeBinary(probability: p, hit: false)
            escapedBinary(s, cell, p)
        }
        codeAfterEscape(symbol, into: &sink)
    }

    @inline(never)
    mutating func codeAfterEscape<Sink: CodingSink>(_ symbol: UInt32, into sink: inout Sink) {
        var masked = numStats(minContext)
        while true {
            var context = minContext
            var count: UInt32
            repeat {
                orderFall &+= 1
                context = suffix(context)
                // Only the order-0 context has no suffix, and it holds every byte.
                if context == 0 { return }
                count = numStats(context)
            } while count == masked
            minContext = context
            let (cell, escape) = escapeEstimate(context, count, masked)
            var s = stats(context)
            let end = s &+ count &* Self.stateSize
            var low: UInt32 = 0
            while s != end {
                let current = self.symbol(s)
                if current == symbol {
                    let f = freq(s)
                    var total = low &+ escape &+ f
                    var t = s &+ Self.stateSize
                    while t != end {
                        total &+= unmaskedFreq(t)
                        t &+= Self.stateSize
                    }
                    sink.code(low: low, size: f, total: total)
                    seeFound(cell)
                    foundState = s
                    foundAfterEscape(s, f)
                    return
                }
                if !isExcluded(current) { low &+= freq(s) }
                s &+= Self.stateSize
            }
            let total = low &+ escape
            seeEscaped(cell, total)
            sink.code(low: low, size: escape, total: total)
            excludeAll(context, count)
            masked = count
        }
    }

    // MARK: Decoding

    /// Decodes one symbol from `decoder` and updates the model exactly as `code(_:into:)` does.
    @inline(__always)
    mutating func decode(_ decoder: inout RangeDecoder) -> UInt32 {
        let context = minContext
        let count = numStats(context)
        if count != 1 {
            var s = stats(context)
            let total = summFreq(context)
            let target = decoder.threshold(total: total)
            var high = freq(s)
            if target < high {
                decoder.consume(low: 0, size: high)
                let found = symbol(s)
                foundState = s
                foundFirst(s, high, total)
                return found
            }
            prevSuccess = 0
            var left = count &- 1
            repeat {
                s &+= Self.stateSize
                let f = freq(s)
                let low = high
                high &+= f
                if target < high {
                    decoder.consume(low: low, size: f)
                    let found = symbol(s)
                    foundState = s
                    foundLater(s, f)
                    return found
                }
                left &-= 1
            } while left != 0
            if count == 256 {
                // Only a damaged stream escapes from a context holding every byte: take its last
                // symbol, so that the model stays consistent.
                let f = freq(s)
                decoder.consume(low: high &- f, size: f)
                let found = symbol(s)
                foundState = s
                foundLater(s, f)
                return found
            }
            decoder.consume(low: high, size: total &- high)
            hiBitsFlag = Self.hiBitsFlag3(symbol(foundState))
            beginExclusion()
            excludeAll(context, count)
        } else {
            let s = oneState(context)
            let cell = binaryCell(context, s)
            let p = u16(cell)
            if decoder.decodeBinary(probability: p) {
                let found = symbol(s)
                foundBinary(s, cell, p)
                return found
            }
            escapedBinary(s, cell, p)
        }
        return decodeAfterEscape(&decoder)
    }

    @inline(never)
    mutating func decodeAfterEscape(_ decoder: inout RangeDecoder) -> UInt32 {
        var masked = numStats(minContext)
        while true {
            var context = minContext
            var count: UInt32
            repeat {
                orderFall &+= 1
                context = suffix(context)
                if context == 0 { return 0 }
                count = numStats(context)
            } while count == masked
            minContext = context
            let (cell, escape) = escapeEstimate(context, count, masked)
            let first = stats(context)
            let end = first &+ count &* Self.stateSize
            var sum: UInt32 = 0
            var s = first
            while s != end {
                sum &+= unmaskedFreq(s)
                s &+= Self.stateSize
            }
            let total = sum &+ escape
            var target = decoder.threshold(total: total)
            // As above: a context holding every byte never escapes in a sound stream.
            if count == 256 && target >= sum { target = sum &- 1 }
            if target < sum {
                var high: UInt32 = 0
                s = first
                while true {
                    let f = unmaskedFreq(s)
                    high &+= f
                    if target < high { break }
                    s &+= Self.stateSize
                }
                let f = freq(s)
                decoder.consume(low: high &- f, size: f)
                seeFound(cell)
                let found = symbol(s)
                foundState = s
                foundAfterEscape(s, f)
                return found
            }
            decoder.consume(low: sum, size: escape)
            seeEscaped(cell, total)
            excludeAll(context, count)
            masked = count
        }
    }

    // MARK: Updates after a symbol

    /// The first (most probable) symbol of a frequency context was coded.
    @inline(__always) mutating func foundFirst(_ s: ArenaRef, _ f: UInt32, _ total: UInt32) {
        prevSuccess = 2 &* f > total ? 1 : 0
        runLength &+= Int32(bitPattern: prevSuccess)
        setSummFreq(minContext, total &+ 4)
        setFreq(s, f &+ 4)
        if f &+ 4 > Self.maxFreq { rescale() }
        nextContext()
    }

    /// Another symbol of the first context was coded: it moves up past a less frequent neighbour.
    @inline(__always) mutating func foundLater(_ s: ArenaRef, _ f: UInt32) {
        let raised = f &+ 4
        setFreq(s, raised)
        setSummFreq(minContext, summFreq(minContext) &+ 4)
        if raised > freq(s &- Self.stateSize) {
            swapStates(s, s &- Self.stateSize)
            foundState = s &- Self.stateSize
            if raised > Self.maxFreq { rescale() }
        }
        nextContext()
    }

    /// The symbol of a binary context was coded.
    @inline(__always) mutating func foundBinary(_ s: ArenaRef, _ cell: ArenaRef, _ p: UInt32) {
        store16(cell, p &+ Self.binaryHitStep &- Self.binaryStep(p))
        foundState = s
        prevSuccess = 1
        runLength &+= 1
        let f = freq(s)
        if f < 128 { setFreq(s, f &+ 1) }
        nextContext()
    }

    /// A binary context escaped; a context it turns into later starts with an escape count
    /// that reflects how sure it was.
    @inline(__always) mutating func escapedBinary(_ s: ArenaRef, _ cell: ArenaRef, _ p: UInt32) {
        let lowered = p &- Self.binaryStep(p)
        store16(cell, lowered)
        initEscape = u8(Self.escapeByProbabilityOffset &+ (lowered &>> 10))
        beginExclusion()
        exclude(symbol(s))
        prevSuccess = 0
    }

    /// A symbol was found after escapes.
    @inline(__always) mutating func foundAfterEscape(_ s: ArenaRef, _ f: UInt32) {
        let raised = f &+ 4
        setFreq(s, raised)
        runLength = initRunLength
        setSummFreq(minContext, summFreq(minContext) &+ 4)
        if raised > Self.maxFreq { rescale() }
        updateModel()
    }

    @inline(__always) mutating func nextContext() {
        let next = successor(foundState)
        if orderFall == 0 && next > text {
            minContext = next
            maxContext = next
        } else {
            updateModel()
        }
    }

    /// A hit moves a binary probability up by 2^14 / 2^7, less its step.
    static let binaryHitStep: UInt32 = 1 << (binaryScaleBits - periodBits)
}
