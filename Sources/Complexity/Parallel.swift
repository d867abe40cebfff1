import Compressors
import Foundation
import Synchronization

/// Runs tasks `0..<count` on `jobs` threads, each owning one ``Compressor``.
///
/// Threads take the next task from a shared counter. A task's result depends only on its
/// index, never on the thread that ran it, so any number of jobs gives the same numbers.
/// The first error thrown stops the other threads and is rethrown.
package enum Parallel {
    package static func run(
        count: Int, jobs: Int, spec: CompressorSpec, verify: Bool,
        _ task: @escaping @Sendable (Int, borrowing Compressor) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let state = WorkState()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    let compressor = try Compressor(spec, verify: verify)
                    while !state.failed.load(ordering: .relaxed) {
                        let index = state.next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard index < count else { return }
                        try task(index, compressor)
                    }
                } catch {
                    state.fail(error)
                }
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        group.wait()
        if let error = state.error.withLock({ $0 }) { throw error }
    }
}

private final class WorkState: Sendable {
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    let error = Mutex<(any Error)?>(nil)

    func fail(_ error: any Error) {
        self.error.withLock { if $0 == nil { $0 = error } }
        failed.store(true, ordering: .relaxed)
    }
}

/// A buffer that threads write at distinct indices: each index is written by one task only.
package struct SharedBuffer<Element>: @unchecked Sendable {
    package let base: UnsafeMutableBufferPointer<Element>

    package init(repeating value: Element, count: Int) {
        base = .allocate(capacity: count)
        base.initialize(repeating: value)
    }

    package subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// The contents as an array; the buffer is freed.
    package func finish() -> [Element] {
        defer { base.deallocate() }
        return Array(base)
    }
}
