/// Growing the model after a symbol: the new symbol is added to every context from the longest
/// one down to the one that predicted it, with a count inherited from that context
/// (Shkarin's information inheritance), and the next longest context is created lazily from the
/// raw text the first time it is needed.
///
/// The update rules and their thresholds (the suffix's gentler +2 below maxFreq / 4, a binary
/// context's count capped at 32 there, the escape bonus of a context much less diverse than the
/// predicting one) follow the design of PPMd var. H as Shkarin published it; the quantizers that
/// turn an inherited share into a starting count are our own.
extension PPMModel {
    /// The memory is full: start again from an empty model.
    @inline(never)
    mutating func restartWhenFull() {
        restart()
        restarts &+= 1
    }

    mutating func updateModel() {
        let found = foundState
        let foundSymbol = symbol(found)
        let foundFreq = freq(found)

        // The suffix of the predicting context also learns the symbol, more gently.
        if foundFreq < Self.maxFreq / 4 && suffix(minContext) != 0 {
            let context = suffix(minContext)
            if numStats(context) == 1 {
                let s = oneState(context)
                if freq(s) < 32 { setFreq(s, freq(s) &+ 1) }
            } else {
                var s = stats(context)
                if symbol(s) != foundSymbol {
                    repeat { s &+= Self.stateSize } while symbol(s) != foundSymbol
                    if freq(s) >= freq(s &- Self.stateSize) {
                        swapStates(s, s &- Self.stateSize)
                        s &-= Self.stateSize
                    }
                }
                if freq(s) < Self.maxFreq &- 9 {
                    setFreq(s, freq(s) &+ 2)
                    setSummFreq(context, summFreq(context) &+ 2)
                }
            }
        }

        if orderFall == 0 {
            let next = createSuccessors()
            guard next != 0 else { return restartWhenFull() }
            minContext = next
            maxContext = next
            setSuccessor(foundState, next)
            return
        }

        store8(text, foundSymbol)
        text &+= 1
        guard text < unitsStart else { return restartWhenFull() }
        var maxSuccessor = text
        var minSuccessor = successor(found)
        if minSuccessor != 0 {
            if minSuccessor <= maxSuccessor {
                let created = createSuccessors()
                guard created != 0 else { return restartWhenFull() }
                minSuccessor = created
            }
            orderFall &-= 1
            if orderFall == 0 {
                maxSuccessor = minSuccessor
                if maxContext != minContext { text &-= 1 }
            }
        } else {
            setSuccessor(found, maxSuccessor)
            minSuccessor = minContext
        }

        let predicting = minContext
        var context = maxContext
        minContext = minSuccessor
        maxContext = minSuccessor
        if context == predicting { return }

        let predictingCount = numStats(predicting)
        // The predicting context's total less one per symbol and the found symbol's own share.
        let rest = summFreq(predicting) &- predictingCount &- (foundFreq &- 1)
        repeat {
            let count = numStats(context)
            var sum: UInt32
            if count != 1 {
                if count & 1 == 0 {
                    // The statistics fill whole units: take one more.
                    let units = count &>> 1
                    let index = units2Index(units)
                    if index != units2Index(units &+ 1) {
                        let fresh = allocUnits(index &+ 1)
                        guard fresh != 0 else { return restartWhenFull() }
                        let old = stats(context)
                        moveUnits(from: old, units: units, to: fresh)
                        insertNode(old, index)
                        setStats(context, fresh)
                    }
                }
                sum = summFreq(context)
                // A context with far fewer symbols than the predicting one escapes more often.
                if 2 &* count < predictingCount { sum &+= 1 }
                if 4 &* count <= predictingCount && sum <= 8 &* count { sum &+= 2 }
            } else {
                let s = allocUnits(0)
                guard s != 0 else { return restartWhenFull() }
                let one = oneState(context)
                var f = freq(one)
                store16(s, symbol(one))
                setSuccessor(s, successor(one))
                setStats(context, s)
                f = f < Self.maxFreq / 4 &- 1 ? f &* 2 : Self.maxFreq &- 4
                setFreq(s, f)
                sum = f &+ initEscape &+ (predictingCount > 3 ? 1 : 0)
            }

            // Inherit: the new symbol's share here follows its share in the predicting context.
            let scaled = 2 &* (sum &+ 6) &* foundFreq
            let ratio = scaled / (rest &+ sum)
            var f: UInt32
            if ratio < 6 {
                f = 1 &+ (ratio >= 1 ? 1 : 0) &+ (ratio >= 4 ? 1 : 0)
                sum &+= 3
            } else {
                f = min(4 &+ (ratio &- 6) / 3, 7)
                sum &+= f
            }
            let s = stats(context) &+ count &* Self.stateSize
            setState(s, symbolAndFreq: foundSymbol | f << 8, successor: maxSuccessor)
            setNumStats(context, count &+ 1)
            setSummFreq(context, sum)
            context = suffix(context)
        } while context != predicting
    }

    /// Creates the one-symbol contexts that lie between the current context and the raw-text
    /// successor of the found symbol, and returns the longest of them (or an existing context
    /// that already follows). Returns 0 when the memory is full.
    @inline(never)
    mutating func createSuccessors() -> ArenaRef {
        var context = minContext
        let upBranch = successor(foundState)
        let foundSymbol = symbol(foundState)
        var pending = 0
        if orderFall != 0 {
            scratch32(Self.stackOffset, foundState)
            pending = 1
        }
        while suffix(context) != 0 {
            context = suffix(context)
            var s: ArenaRef
            if numStats(context) != 1 {
                s = stats(context)
                while symbol(s) != foundSymbol { s &+= Self.stateSize }
            } else {
                s = oneState(context)
            }
            let next = successor(s)
            if next != upBranch {
                context = next
                if pending == 0 { return context }
                break
            }
            scratch32(Self.stackOffset &+ 4 &* UInt32(truncatingIfNeeded: pending), s)
            pending &+= 1
        }

        let newSymbol = u8(upBranch)
        let newSuccessor = upBranch &+ 1
        var newFreq: UInt32
        if numStats(context) == 1 {
            newFreq = freq(oneState(context))
        } else {
            var s = stats(context)
            while symbol(s) != newSymbol { s &+= Self.stateSize }
            // The symbol's count beyond its first, against the rest of the context's counts.
            let own = freq(s) &- 1
            let others = summFreq(context) &- numStats(context) &- own
            if 2 &* own <= others {
                newFreq = 5 &* own > others ? 2 : 1
            } else {
                newFreq = min(2 &+ (2 &* own &+ others) / (2 &* others), Self.maxFreq)
            }
        }

        repeat {
            let created = allocContext()
            guard created != 0 else { return 0 }
            setNumStats(created, 1)
            setState(oneState(created), symbolAndFreq: newSymbol | newFreq << 8, successor: newSuccessor)
            setSuffix(created, context)
            pending &-= 1
            setSuccessor(u32(Self.stackOffset &+ 4 &* UInt32(truncatingIfNeeded: pending)), created)
            context = created
        } while pending != 0
        return context
    }

    /// Halves the counts of the current context when one passes `maxFreq`, keeps them sorted,
    /// drops symbols whose count reaches 0 (only in longest contexts) and halves the escape count.
    @inline(never)
    mutating func rescale() {
        let context = minContext
        let first = stats(context)
        var s = foundState
        if s != first {
            let head = u16(s), successor = self.successor(s)
            repeat {
                copyState(to: s, from: s &- Self.stateSize)
                s &-= Self.stateSize
            } while s != first
            setState(first, symbolAndFreq: head, successor: successor)
        }
        let count = numStats(context)
        var escape = summFreq(context) &- freq(first)
        let adder: UInt32 = orderFall != 0 ? 1 : 0
        var sum = (freq(first) &+ 4 &+ adder) &>> 1
        setFreq(first, sum)
        var left = count &- 1
        repeat {
            s &+= Self.stateSize
            var f = freq(s)
            escape &-= f
            f = (f &+ adder) &>> 1
            sum &+= f
            setFreq(s, f)
            if f > freq(s &- Self.stateSize) {
                let head = u16(s), successor = self.successor(s)
                var t = s
                repeat {
                    copyState(to: t, from: t &- Self.stateSize)
                    t &-= Self.stateSize
                } while t != first && f > freq(t &- Self.stateSize)
                setState(t, symbolAndFreq: head, successor: successor)
            }
            left &-= 1
        } while left != 0

        if freq(s) == 0 {
            var removed: UInt32 = 0
            repeat {
                removed &+= 1
                s &-= Self.stateSize
            } while freq(s) == 0
            escape &+= removed
            let kept = count &- removed
            setNumStats(context, kept)
            let oldUnits = (count &+ 1) &>> 1
            if kept == 1 {
                var f = freq(first)
                repeat {
                    escape &>>= 1
                    f = (f &+ 1) &>> 1
                } while escape > 1
                let one = oneState(context)
                let successor = self.successor(first)
                store16(one, symbol(first) | f << 8)
                setSuccessor(one, successor)
                foundState = one
                insertNode(first, units2Index(oldUnits))
                return
            }
            let newUnits = (kept &+ 1) &>> 1
            let oldIndex = units2Index(oldUnits), newIndex = units2Index(newUnits)
            if oldIndex != newIndex {
                if freeListHead(newIndex) != 0 {
                    let fresh = removeNode(newIndex)
                    moveUnits(from: first, units: newUnits, to: fresh)
                    insertNode(first, oldIndex)
                    setStats(context, fresh)
                } else {
                    splitBlock(first, oldIndex, newIndex)
                }
            }
        }
        setSummFreq(context, sum &+ escape &- (escape &>> 1))
        foundState = stats(context)
    }
}
