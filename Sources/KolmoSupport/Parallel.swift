import Dispatch
import Foundation
import Synchronization

/// Kolmo's one parallel engine: tasks `0..<count` on up to `jobs` threads, each thread owning
/// one worker (a noncopyable compressor, a model) that it makes itself and never shares.
///
/// Threads take the next task from a shared counter; a task's result depends only on its
/// index, never on the thread that ran it, so any number of jobs gives the same numbers.
/// Results are handed back on the calling thread, in index order, so whatever consumes them
/// (a writer, a progress line, an array) needs no lock and no `Sendable` conformance. The first
/// error, thrown by a task or by the consumer, stops every thread and is rethrown once all have
/// ended; nothing the engine allocated outlives the call, on any path.
package enum Parallel {
    /// Computes `produce(i, &worker)` for every `i` in `0..<count` and passes each result to
    /// `consume` on the calling thread, in increasing `i`.
    ///
    /// - Parameters:
    ///   - jobs: the most threads; fewer when there are fewer tasks. At least one thread runs.
    ///   - makeWorker: called once on each thread, before its first task.
    /// - Complexity: results wait for `consume` only until every earlier one has arrived, so at
    ///   most the results of tasks running ahead of the slowest one are held at once.
    package static func stream<Worker: ~Copyable, Result: Sendable>(
        count: Int, jobs: Int,
        worker makeWorker: @escaping @Sendable () throws -> Worker,
        produce: @escaping @Sendable (Int, inout Worker) throws -> Result,
        consume: (Int, Result) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let state = StreamState<Result>()
        let threads = max(1, min(jobs, count))
        let finished = DispatchGroup()
        for _ in 0..<threads {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                do {
                    var worker = try makeWorker()
                    while !state.failed.load(ordering: .relaxed) {
                        let index = state.next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard index < count else { return }
                        state.deliver(index, try produce(index, &worker))
                    }
                } catch {
                    state.fail(error)
                }
            }
            // Some C libraries use more stack than a secondary thread's default 512 KiB.
            thread.stackSize = 4 << 20
            thread.start()
        }
        var consumed = 0
        do {
            while consumed < count {
                state.arrived.wait()
                if state.failed.load(ordering: .acquiring) { break }
                for result in state.take(from: consumed) {
                    try consume(consumed, result)
                    consumed += 1
                }
            }
        } catch {
            state.fail(error)
        }
        finished.wait()
        if let error = state.error.withLock({ $0 }) { throw error }
    }

    /// The results of `produce(i, &worker)` for every `i` in `0..<count`, in index order.
    package static func map<Worker: ~Copyable, Result: Sendable>(
        count: Int, jobs: Int,
        worker makeWorker: @escaping @Sendable () throws -> Worker,
        _ produce: @escaping @Sendable (Int, inout Worker) throws -> Result
    ) throws -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(count)
        try stream(count: count, jobs: jobs, worker: makeWorker, produce: produce) { _, result in results.append(result) }
        return results
    }

    /// `produce(i)` for every `i` in `0..<count`, in index order, for tasks that need no worker
    /// and cannot fail.
    package static func map<Result: Sendable>(count: Int, jobs: Int, _ produce: @escaping @Sendable (Int) -> Result) -> [Result] {
        do {
            return try map(count: count, jobs: jobs, worker: {}) { index, _ in produce(index) }
        } catch {
            // Neither the worker, nor the tasks, nor collecting the results can throw.
            preconditionFailure("a task that cannot fail failed: \(error)")
        }
    }
}

/// What the threads of one ``Parallel/stream(count:jobs:worker:produce:consume:)`` share.
private final class StreamState<Result: Sendable>: Sendable {
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    let error = Mutex<(any Error)?>(nil)
    /// Results that arrived and are not yet consumed, by index.
    let waiting = Mutex<[Int: Result]>([:])
    /// Signalled once for every result and every failure.
    let arrived = DispatchSemaphore(value: 0)

    func deliver(_ index: Int, _ result: Result) {
        waiting.withLock { $0[index] = result }
        arrived.signal()
    }

    /// The results from `index` on that have arrived without a gap, removed.
    func take(from index: Int) -> [Result] {
        waiting.withLock { waiting in
            var ready: [Result] = []
            while let result = waiting.removeValue(forKey: index + ready.count) { ready.append(result) }
            return ready
        }
    }

    func fail(_ error: any Error) {
        self.error.withLock { if $0 == nil { $0 = error } }
        failed.store(true, ordering: .releasing)
        arrived.signal()
    }
}
