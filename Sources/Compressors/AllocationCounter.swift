import Glibc

/// The bytes a C library holds, counted through its allocator hooks (zlib's zalloc/zfree,
/// liblzma's `lzma_allocator`, libbz2's bzalloc/bzfree, zstd's `ZSTD_customMem`): measured,
/// not estimated from the library's documentation.
///
/// Every block the library asks for is allocated with a 16-byte header that records its size,
/// so that a free can be subtracted. Only the library's own memory is counted, not Kolmo's
/// output buffers. One counter serves one thread.
public final class AllocationCounter {
    /// The bytes the library holds now.
    public private(set) var liveBytes = 0
    /// The most bytes the library held at once since the counter was made or ``resetPeak()``.
    public private(set) var peakBytes = 0
    /// How many blocks the library holds now.
    public private(set) var liveBlocks = 0

    public init() {}

    /// Starts a new peak from the bytes held now.
    public func resetPeak() {
        peakBytes = liveBytes
    }

    /// malloc's alignment, kept by the header.
    static let header = 16

    func allocate(_ bytes: Int) -> UnsafeMutableRawPointer? {
        guard let block = malloc(bytes + Self.header) else { return nil }
        block.storeBytes(of: bytes, as: Int.self)
        noteAllocation(bytes)
        return block + Self.header
    }

    func free(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return }
        let block = pointer - Self.header
        noteRelease(block.load(as: Int.self))
        Glibc.free(block)
    }

    /// Records a block handed to the library by an allocator of its own (deflate's, which keeps
    /// freed blocks for reuse).
    func noteAllocation(_ bytes: Int) {
        liveBytes += bytes
        liveBlocks += 1
        peakBytes = max(peakBytes, liveBytes)
    }

    /// Records that one of Kolmo's own codecs holds `bytes` of model memory now: the part of
    /// its arena or tables it has written, as one block.
    func noteHolding(_ bytes: Int) {
        liveBytes = bytes
        liveBlocks = bytes > 0 ? 1 : 0
        peakBytes = max(peakBytes, liveBytes)
    }

    /// Records a block the library gave back.
    func noteRelease(_ bytes: Int) {
        liveBytes -= bytes
        liveBlocks -= 1
    }

    /// The pointer the C library hands back to the hooks.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeMutableRawPointer?) -> AllocationCounter {
        Unmanaged<AllocationCounter>.fromOpaque(opaque!).takeUnretainedValue()
    }
}
