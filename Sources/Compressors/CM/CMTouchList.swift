/// The slots of a large table written since the last reset, so that resetting after a short
/// input clears only those. Past `capacity` it stops recording and the reset clears the whole
/// table, which then costs no more than the input did to code.
struct CMTouchList: ~Copyable {
    private let items: UnsafeMutablePointer<UInt32>
    let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        items = .allocate(capacity: self.capacity)
    }

    deinit { items.deallocate() }

    var overflowed: Bool { count > capacity }

    @inline(__always)
    mutating func note(_ slot: Int) {
        if count < capacity { items[count] = UInt32(truncatingIfNeeded: slot) }
        count &+= 1
    }

    /// Calls `body` with every slot recorded (when not overflowed) and empties the list.
    mutating func drain(_ body: (Int) -> Void) {
        if !overflowed {
            for i in 0..<count { body(Int(items[i])) }
        }
        count = 0
    }
}
