import KolmoSupport

/// `count` random bytes from a generator seeded with `seed`.
public func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
    var generator = SplitMix(seed: seed)
    return generator.bytes(count)
}
