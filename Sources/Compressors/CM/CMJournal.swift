/// The undo log behind checkpoint and rollback: the old contents of every slot of a large table
/// that was written since the checkpoint, so a rollback costs in proportion to what was coded
/// after it, never to the size of the tables.
///
/// Two kinds of record, each in its own stack (they touch disjoint memory, so only the order
/// within a stack matters, and undoing each stack from the top restores the oldest value):
/// - buckets: 16 bytes of a hash table saved whole when a context first lands on them in a
///   nibble, as three words (table and offset, low half, high half);
/// - words: one 32-bit slot of a table, as one word (table in bits 60..63, index in 32..59,
///   old value in 0..31).
struct CMJournal: ~Copyable {
    private(set) var buckets: UnsafeMutablePointer<UInt64>
    private(set) var bucketCount = 0
    private var bucketCapacity: Int
    private(set) var words: UnsafeMutablePointer<UInt64>
    private(set) var wordCount = 0
    private var wordCapacity: Int

    init() {
        bucketCapacity = 3 << 12
        wordCapacity = 1 << 12
        buckets = .allocate(capacity: bucketCapacity)
        words = .allocate(capacity: wordCapacity)
    }

    deinit {
        buckets.deallocate()
        words.deallocate()
    }

    /// Makes room for `bucketRecords` more buckets and `wordRecords` more words, so the
    /// appends of one byte need no check.
    @inline(__always)
    mutating func reserve(bucketRecords: Int, wordRecords: Int) {
        if bucketCount + 3 * bucketRecords > bucketCapacity { growBuckets(3 * bucketRecords) }
        if wordCount + wordRecords > wordCapacity { growWords(wordRecords) }
    }

    private mutating func growBuckets(_ extra: Int) {
        let capacity = max(2 * bucketCapacity, bucketCount + extra)
        let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        grown.update(from: buckets, count: bucketCount)
        buckets.deallocate()
        buckets = grown
        bucketCapacity = capacity
    }

    private mutating func growWords(_ extra: Int) {
        let capacity = max(2 * wordCapacity, wordCount + extra)
        let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        grown.update(from: words, count: wordCount)
        words.deallocate()
        words = grown
        wordCapacity = capacity
    }

    @inline(__always)
    mutating func saveBucket(table: Int, offset: Int, _ bucket: UnsafeMutablePointer<UInt8>) {
        let raw = UnsafeRawPointer(bucket)
        buckets[bucketCount] = UInt64(truncatingIfNeeded: table << 48 | offset)
        buckets[bucketCount + 1] = raw.loadUnaligned(as: UInt64.self)
        buckets[bucketCount + 2] = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        bucketCount += 3
    }

    @inline(__always)
    mutating func saveWord(table: Int, index: Int, _ old: UInt32) {
        words[wordCount] = UInt64(truncatingIfNeeded: table << 60 | index << 32) | UInt64(old)
        wordCount += 1
    }

    /// Undoes every record, newest first: `bucket(table, offset)` gives the memory of a saved
    /// bucket, `word(table, index, old)` writes an old value back.
    mutating func undo(
        bucket bucketAt: (Int, Int) -> UnsafeMutablePointer<UInt8>, word restore: (Int, Int, UInt32) -> Void
    ) {
        var i = bucketCount
        while i > 0 {
            i -= 3
            let header = Int(truncatingIfNeeded: buckets[i])
            let bucket = UnsafeMutableRawPointer(bucketAt(header >> 48, header & 0xFFFF_FFFF_FFFF))
            bucket.storeBytes(of: buckets[i + 1], as: UInt64.self)
            bucket.storeBytes(of: buckets[i + 2], toByteOffset: 8, as: UInt64.self)
        }
        i = wordCount
        while i > 0 {
            i -= 1
            let record = words[i]
            let table = Int(truncatingIfNeeded: record >> 60)
            let index = Int(truncatingIfNeeded: (record >> 32) & 0x0FFF_FFFF)
            restore(table, index, UInt32(truncatingIfNeeded: record))
        }
        clear()
    }

    mutating func clear() {
        bucketCount = 0
        wordCount = 0
    }
}
