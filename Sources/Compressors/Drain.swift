/// Calls `step` with an output area until it reports the end of the stream, and returns all
/// it wrote. `step` returns how many bytes it wrote and whether the stream has ended.
func drain(
    capacity: Int, _ step: (UnsafeMutableRawBufferPointer) throws -> (written: Int, ended: Bool)
) rethrows -> [UInt8] {
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    defer { chunk.deallocate() }
    var result: [UInt8] = []
    while true {
        let (written, ended) = try step(chunk)
        result.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk.prefix(written)))
        if ended { return result }
    }
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
