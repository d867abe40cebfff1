/// Bit histories: what a context has seen, summarised in one byte, as in PAQ and lpaq
/// (Mahoney's nonstationary counter states). The table is generated here, not copied.
///
/// A state stands for a pair of counts (n0, n1) and, when both are nonzero, the last bit seen.
/// On a bit y, n_y grows by one and the opposite count, when above 2, is cut to (n + 2) / 2, so
/// old evidence fades when the context changes its mind. Pairs are kept within `bounds`: the
/// larger count may be at most `bounds[smaller]`; a pair outside is brought back by lowering
/// the larger count (the one just seen first when they tie). States are numbered by total
/// count, so a state's number also says how much its context has been seen (state 0: never),
/// which the hash tables use to choose what to evict.
struct CMBitHistory: Sendable {
    /// `next[2 * state + y]`: the state after bit y.
    let next: [UInt8]
    /// The counts (n0, n1) each state stands for.
    let zeros: [UInt8]
    let ones: [UInt8]
    let stateCount: Int

    static let shared = CMBitHistory()

    /// The largest count allowed beside a smaller count of 0, 1, 2, ...
    static let bounds = [24, 20, 16, 12, 9, 7]

    private struct Key: Hashable, Comparable {
        var n0: Int, n1: Int, last: Int
        static func < (a: Key, b: Key) -> Bool {
            (a.n0 + a.n1, a.n1, a.n0, a.last) < (b.n0 + b.n1, b.n1, b.n0, b.last)
        }
    }

    private static func allowed(_ n0: Int, _ n1: Int) -> Bool {
        let small = min(n0, n1), large = max(n0, n1)
        return small < bounds.count && large <= bounds[small]
    }

    private static func key(_ n0: Int, _ n1: Int, last: Int) -> Key {
        Key(n0: n0, n1: n1, last: n0 > 0 && n1 > 0 ? last : (n1 > 0 ? 1 : 0))
    }

    private static func successor(_ k: Key, _ y: Int) -> Key {
        var seen = y == 1 ? k.n1 : k.n0
        var other = y == 1 ? k.n0 : k.n1
        seen += 1
        if other > 2 { other = (other + 2) / 2 }
        while !(y == 1 ? allowed(other, seen) : allowed(seen, other)) {
            if seen >= other { seen -= 1 } else { other -= 1 }
        }
        return y == 1 ? key(other, seen, last: 1) : key(seen, other, last: 0)
    }

    init() {
        var keys: [Key] = []
        for n0 in 0...Self.bounds[0] {
            for n1 in 0...Self.bounds[0] where Self.allowed(n0, n1) {
                if n0 > 0 && n1 > 0 {
                    keys.append(Key(n0: n0, n1: n1, last: 0))
                    keys.append(Key(n0: n0, n1: n1, last: 1))
                } else {
                    keys.append(Self.key(n0, n1, last: 0))
                }
            }
        }
        keys.sort()
        precondition(keys.count <= 256 && keys[0] == Key(n0: 0, n1: 0, last: 0))
        var number: [Key: Int] = [:]
        for (i, k) in keys.enumerated() { number[k] = i }
        var next = [UInt8](repeating: 0, count: 2 * keys.count)
        for (i, k) in keys.enumerated() {
            for y in 0...1 { next[2 * i + y] = UInt8(number[Self.successor(k, y)]!) }
        }
        self.next = next
        self.zeros = keys.map { UInt8($0.n0) }
        self.ones = keys.map { UInt8($0.n1) }
        self.stateCount = keys.count
    }
}
