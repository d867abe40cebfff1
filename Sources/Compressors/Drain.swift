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
