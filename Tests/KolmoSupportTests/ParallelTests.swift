import KolmoSupport
import Synchronization
import Testing

/// A worker that counts how many were made: each thread makes one.
private final class Made: Sendable {
    let count = Atomic<Int>(0)
}

private struct Failure: Error, Equatable {
    let index: Int
}

@Suite struct ParallelTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInIndexOrderWhateverTheJobs(jobs: Int) throws {
        let made = Made()
        var consumed: [Int] = []
        try Parallel.stream(count: 200, jobs: jobs, worker: { made.count.add(1, ordering: .relaxed) }) { index, _ in
            index * index
        } consume: { index, square in
            #expect(square == index * index)
            consumed.append(index)
        }
        #expect(consumed == Array(0..<200))
        #expect((1...jobs).contains(made.count.load(ordering: .relaxed)))
    }

    /// Each thread owns its noncopyable worker for all its tasks, and mutates it.
    @Test func workersAreOwnedAndMutatedByTheirThread() throws {
        struct Counter: ~Copyable { var tasks = 0 }
        let totals = try Parallel.map(count: 50, jobs: 3, worker: { Counter() }) { _, counter in
            counter.tasks += 1
            return counter.tasks
        }
        #expect(totals.count == 50 && totals.allSatisfy { $0 >= 1 })
        #expect(totals.filter { $0 == 1 }.count <= 3)
    }

    @Test func aTaskErrorStopsTheRunAndIsRethrown() {
        let ran = Made()
        #expect(throws: Failure(index: 7)) {
            _ = try Parallel.map(count: 10_000, jobs: 2, worker: {}) { index, _ in
                ran.count.add(1, ordering: .relaxed)
                if index == 7 { throw Failure(index: 7) }
                return index
            }
        }
        #expect(ran.count.load(ordering: .relaxed) < 10_000)
    }

    @Test func aConsumerErrorStopsTheRunAndIsRethrown() {
        #expect(throws: Failure(index: 3)) {
            try Parallel.stream(count: 1_000, jobs: 2, worker: {}) { index, _ in index } consume: { index, _ in
                if index == 3 { throw Failure(index: 3) }
            }
        }
    }

    @Test func aWorkerThatCannotBeMadeIsAnError() {
        #expect(throws: Failure(index: -1)) {
            _ = try Parallel.map(count: 5, jobs: 2, worker: { () throws -> Int in throw Failure(index: -1) }) { index, _ in index }
        }
    }

    @Test func noTasksNeedNoThreads() throws {
        #expect(try Parallel.map(count: 0, jobs: 4, worker: { () }) { index, _ in index } == [])
        #expect(Parallel.map(count: 3, jobs: 100) { $0 + 1 } == [1, 2, 3])
    }
}
