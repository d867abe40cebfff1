import Pairing
import TestSupport
import KolmoSupport
import Testing

struct AssignmentTests {
    /// Every permutation of 0..<n, by Heap's algorithm.
    static func permutations(_ n: Int) -> [[Int]] {
        var result: [[Int]] = []
        var items = Array(0..<n)
        func generate(_ k: Int) {
            if k <= 1 { result.append(items); return }
            for i in 0..<k {
                generate(k - 1)
                items.swapAt(k % 2 == 0 ? i : 0, k - 1)
            }
        }
        generate(n)
        return result
    }

    static func bruteForceMinimum(_ cost: [Double], size n: Int) -> Double {
        permutations(n).map { Assignment.totalCost(cost, size: n, of: $0) }.min() ?? 0
    }

    @Test(arguments: 1...7)
    func hungarianEqualsBruteForceOnIntegerCosts(n: Int) {
        var generator = SplitMix(seed: UInt64(100 + n))
        for _ in 0..<25 {
            let cost = (0..<(n * n)).map { _ in Double(generator.int(in: 0...9)) }
            let assignment = Assignment.minimumCost(cost, size: n)
            #expect(Set(assignment) == Set(0..<n))
            #expect(Assignment.totalCost(cost, size: n, of: assignment) == Self.bruteForceMinimum(cost, size: n))
        }
    }

    @Test(arguments: 2...7)
    func hungarianEqualsBruteForceOnRealCosts(n: Int) {
        var generator = SplitMix(seed: UInt64(200 + n))
        for _ in 0..<25 {
            // NCD-like costs: close values, so that many assignments nearly tie.
            let cost = (0..<(n * n)).map { _ in 0.8 + generator.double(in: 0..<0.2) }
            let total = Assignment.totalCost(cost, size: n, of: Assignment.minimumCost(cost, size: n))
            #expect(abs(total - Self.bruteForceMinimum(cost, size: n)) < 1e-12)
        }
    }

    @Test func hungarianBeatsGreedyWhereTheCheapestPairIsATrap() {
        // Greedy takes the 1 and is left with the 100; the optimum pays 2 + 3.
        let cost: [Double] = [1, 2,
                              3, 100]
        #expect(Assignment.greedy(cost, size: 2) == [0, 1])
        #expect(Assignment.totalCost(cost, size: 2, of: Assignment.greedy(cost, size: 2)) == 101)
        #expect(Assignment.minimumCost(cost, size: 2) == [1, 0])
        #expect(Assignment.totalCost(cost, size: 2, of: Assignment.minimumCost(cost, size: 2)) == 5)
    }

    @Test func tiesGoToTheLowerColumn() {
        #expect(Assignment.minimumCost([Double](repeating: 0.5, count: 16), size: 4) == [0, 1, 2, 3])
        #expect(Assignment.greedy([Double](repeating: 0.5, count: 16), size: 4) == [0, 1, 2, 3])
    }

    @Test func largeRandomAssignmentIsAPermutationNoWorseThanGreedy() {
        var generator = SplitMix(seed: 7)
        let n = 150
        let cost = (0..<(n * n)).map { _ in generator.double(in: 0..<1) }
        let optimal = Assignment.minimumCost(cost, size: n)
        #expect(Set(optimal).count == n)
        #expect(Assignment.totalCost(cost, size: n, of: optimal) <= Assignment.totalCost(cost, size: n, of: Assignment.greedy(cost, size: n)))
    }

    @Test func emptyMatrix() {
        #expect(Assignment.minimumCost([], size: 0) == [])
    }
}
