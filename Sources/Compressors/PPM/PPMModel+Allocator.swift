/// The sub-allocator: blocks of 1 to 128 units of 12 bytes, in 38 size classes with a free list
/// each (PPMd's design). Statistics are taken from the free lists or from the gap between
/// `loUnit` and `hiUnit` (growing up), context records from the top of that gap (growing down);
/// when both fail, free blocks are glued together and split, and last the top of the raw text area
/// is taken. When nothing is left the model restarts.
///
/// A free block begins with the next block in its list (u32). While gluing, every free block is
/// rewritten as a node: stamp 0 (u16), size in units (u16), next node (u32); a block in use starts
/// with a context's `numStats` or a state's symbol and nonzero freq, so its first u16 is never 0.
extension PPMModel {
    @inline(__always) func freeListHead(_ index: UInt32) -> ArenaRef {
        u32(Self.freeListOffset &+ 4 &* index)
    }

    @inline(__always) mutating func setFreeListHead(_ index: UInt32, _ block: ArenaRef) {
        store32(Self.freeListOffset &+ 4 &* index, block)
    }

    @inline(__always) mutating func insertNode(_ block: ArenaRef, _ index: UInt32) {
        store32(block, freeListHead(index))
        setFreeListHead(index, block)
    }

    @inline(__always) mutating func removeNode(_ index: UInt32) -> ArenaRef {
        let block = freeListHead(index)
        setFreeListHead(index, u32(block))
        return block
    }

    /// Frees the tail of a block of class `oldIndex` beyond its first `index2Units(newIndex)` units.
    mutating func splitBlock(_ block: ArenaRef, _ oldIndex: UInt32, _ newIndex: UInt32) {
        let rest = index2Units(oldIndex) &- index2Units(newIndex)
        freeUnits(block &+ index2Units(newIndex) &* Self.unitSize, rest)
    }

    /// Puts `units` (1...128) units starting at `block` on the free lists, as one block when a
    /// class of that size exists, else as the largest class below it and a small remainder.
    mutating func freeUnits(_ block: ArenaRef, _ units: UInt32) {
        var index = units2Index(units)
        if index2Units(index) != units {
            index &-= 1
            let head = index2Units(index)
            insertNode(block &+ head &* Self.unitSize, units &- head &- 1)
        }
        insertNode(block, index)
    }

    @inline(__always) mutating func allocUnits(_ index: UInt32) -> ArenaRef {
        if freeListHead(index) != 0 { return removeNode(index) }
        let bytes = index2Units(index) &* Self.unitSize
        if hiUnit &- loUnit >= bytes {
            let block = loUnit
            loUnit &+= bytes
            return block
        }
        return allocUnitsRare(index)
    }

    /// One unit for a context record: from the top of the gap first.
    @inline(__always) mutating func allocContext() -> ArenaRef {
        if hiUnit != loUnit {
            hiUnit &-= Self.unitSize
            return hiUnit
        }
        if freeListHead(0) != 0 { return removeNode(0) }
        return allocUnitsRare(0)
    }

    /// Returns 0 when the memory is exhausted.
    @inline(never)
    mutating func allocUnitsRare(_ index: UInt32) -> ArenaRef {
        if glueCount == 0 {
            glueFreeBlocks()
            if freeListHead(index) != 0 { return removeNode(index) }
        }
        var larger = index
        repeat {
            larger &+= 1
            if larger == Self.indexCount {
                let bytes = index2Units(index) &* Self.unitSize
                glueCount &-= 1
                guard unitsStart &- text > bytes else { return 0 }
                unitsStart &-= bytes
                return unitsStart
            }
        } while freeListHead(larger) == 0
        let block = removeNode(larger)
        splitBlock(block, larger, index)
        return block
    }

    /// Copies the first `units` units of `block` to `fresh`.
    mutating func moveUnits(from block: ArenaRef, units: UInt32, to fresh: ArenaRef) {
        var i: UInt32 = 0
        let words = units &* 3
        while i < words {
            store32(fresh &+ 4 &* i, u32(block &+ 4 &* i))
            i &+= 1
        }
    }

    /// Merges adjacent free blocks and refiles them by size. Called when an allocation fails,
    /// at most once per 255 fallbacks to the raw text area.
    @inline(never)
    mutating func glueFreeBlocks() {
        glueCount = 255
        // A guard node with stamp 1 at the gap stops merging into it.
        if loUnit != hiUnit { store16(loUnit, 1) }

        var head: ArenaRef = 0
        for index in 0..<Self.indexCount {
            let units = index2Units(index)
            var next = freeListHead(index)
            setFreeListHead(index, 0)
            while next != 0 {
                let node = next
                next = u32(node)
                store16(node, 0)
                store16(node &+ 2, units)
                store32(node &+ 4, head)
                head = node
            }
        }

        var node = head
        while node != 0 {
            var units = u16(node &+ 2)
            if units != 0 {
                while true {
                    let neighbour = node &+ units &* Self.unitSize
                    let more = u16(neighbour &+ 2)
                    guard u16(neighbour) == 0, more != 0, units &+ more < 0x10000 else { break }
                    units &+= more
                    store16(neighbour &+ 2, 0)
                }
                store16(node &+ 2, units)
            }
            node = u32(node &+ 4)
        }

        node = head
        while node != 0 {
            let next = u32(node &+ 4)
            var units = u16(node &+ 2)
            var block = node
            if units != 0 {
                while units > 128 {
                    insertNode(block, Self.indexCount &- 1)
                    units &-= 128
                    block &+= 128 &* Self.unitSize
                }
                freeUnits(block, units)
            }
            node = next
        }
    }
}
