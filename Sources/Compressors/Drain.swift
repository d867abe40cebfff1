/// Calls `step` with an output area until it reports the end of the stream, and returns all
/// it wrote. `step` returns how many bytes it wrote and whether the stream has ended.
///
/// The first area is the result's own storage, `capacity` bytes: a stream whose size is known
/// is written in place, with no copy and no second buffer to fault in. Output beyond it goes
/// through 64 KiB chunks.
func drain(
    capacity: Int, _ step: (UnsafeMutableRawBufferPointer) throws -> (written: Int, ended: Bool)
) rethrows -> [UInt8] {
    var ended = false
    var result = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        (count, ended) = try step(UnsafeMutableRawBufferPointer(buffer))
    }
    if ended { return result }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    defer { chunk.deallocate() }
    while !ended {
        let written: Int
        (written, ended) = try step(chunk)
        result.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk.prefix(written)))
    }
    return result
}

/// The first output area for decompressing `input`: the expected size and one byte more (so
/// that the decoder can see the end of the stream), or a guess when the size is unknown.
func outputCapacity(expectedBytes: Int?, input: UnsafeRawBufferPointer) -> Int {
    if let expectedBytes, expectedBytes < 1 << 30 { return expectedBytes + 1 }
    return max(64 * 1024, input.count * 4)
}

/// Calls `body` with `input` in slices of at most `maximum` bytes, for libraries that keep
/// lengths in 32 bits, and whether each slice is the last of a finishing call. An empty input
/// still gets one call when it finishes the stream.
func forEachSlice(
    of input: UnsafeRawBufferPointer, atMost maximum: Int, finish: Bool, _ body: (UnsafeRawBufferPointer, Bool) throws -> Void
) rethrows {
    var remaining = input
    repeat {
        let slice = UnsafeRawBufferPointer(rebasing: remaining.prefix(maximum))
        remaining = UnsafeRawBufferPointer(rebasing: remaining.dropFirst(slice.count))
        let last = finish && remaining.isEmpty
        if slice.isEmpty && !last { continue }
        try body(slice, last)
    } while !remaining.isEmpty
}
