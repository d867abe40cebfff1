/// The arena writes made since a checkpoint, so that they can be undone.
///
/// Every store into the arena while the journal is active first records the 4 bytes at the
/// store's offset (offset in the high half of an entry, old bytes as a little-endian word in the
/// low half), whatever the store's own width. Undoing the entries newest first restores every byte: the oldest entry
/// covering a byte was made before any write to it, and it is undone last.
///
/// Stores into memory that was free at the checkpoint (the allocator's gap between its low and high
/// units, and the raw-text area above the text pointer) are not recorded: after a rollback that
/// memory is free again and nothing reads it before writing it. Most of what a new input adds to
/// the model lands there.
struct UndoJournal {
    private(set) var entries: UnsafeMutablePointer<UInt64>?
    private(set) var count = 0
    private var capacity = 0
    private(set) var isActive = false
    private var gapStart: UInt32 = 0
    private var gapSize: UInt32 = 0
    private var textStart: UInt32 = 0
    private var textSize: UInt32 = 0

    /// Starts recording, with the free memory of the checkpoint: `gap` between the low and high
    /// units, `freeText` above the text pointer.
    mutating func start(gap: Range<UInt32>, freeText: Range<UInt32>) {
        count = 0
        isActive = true
        gapStart = gap.lowerBound
        gapSize = UInt32(gap.count)
        textStart = freeText.lowerBound
        textSize = UInt32(freeText.count)
    }

    mutating func stop() {
        count = 0
        isActive = false
    }

    /// Whether a store at `offset` must be recorded.
    @inline(__always)
    func mustRecord(_ offset: UInt32) -> Bool {
        isActive && offset &- gapStart >= gapSize && offset &- textStart >= textSize
    }

    @inline(__always)
    mutating func record(offset: UInt32, old: UInt32) {
        if count == capacity { grow() }
        entries.unsafelyUnwrapped[count] = UInt64(offset) &<< 32 | UInt64(old)
        count &+= 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = max(capacity * 2, 1 << 16)
        let storage = UnsafeMutablePointer<UInt64>.allocate(capacity: larger)
        if let entries {
            storage.update(from: entries, count: count)
            entries.deallocate()
        }
        entries = storage
        capacity = larger
    }

    /// Writes back every recorded value, newest first, and empties the journal.
    mutating func undo(into base: UnsafeMutableRawPointer) {
        guard let entries else { return }
        var i = count
        while i > 0 {
            i -= 1
            let entry = entries[i]
            base.storeBytes(
                of: UInt32(truncatingIfNeeded: entry).littleEndian, toByteOffset: Int(entry &>> 32), as: UInt32.self)
        }
        count = 0
    }

    mutating func deallocate() {
        entries?.deallocate()
        entries = nil
        count = 0
        capacity = 0
    }
}
