/// Minimum-cost assignment: the permutation that pairs each row with one column so that the
/// total cost is smallest.
public enum Assignment {
    /// The optimal assignment of a square cost matrix (row-major, `n` x `n`): for each row, its column.
    ///
    /// The Hungarian method in the shortest-augmenting-path form of Jonker and Volgenant (1987):
    /// rows are added one at a time, each by a Dijkstra-like search over reduced costs
    /// `cost - u[row] - v[column]`, which the dual potentials u and v keep non-negative. Ties go
    /// to the lower column index, so the result is deterministic.
    ///
    /// - Precondition: every cost is finite.
    /// - Complexity: O(n³) time, O(n) memory besides the matrix.
    public static func minimumCost(_ cost: [Double], size n: Int) -> [Int] {
        precondition(cost.count == n * n, "the cost matrix must be n x n")
        precondition(cost.allSatisfy(\.isFinite), "costs must be finite")
        guard n > 0 else { return [] }
        // Index 0 is a virtual column that holds the row being added.
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: n + 1)
        var rowOfColumn = [Int](repeating: 0, count: n + 1)
        var previous = [Int](repeating: 0, count: n + 1)
        for row in 1...n {
            rowOfColumn[0] = row
            var column = 0
            var slack = [Double](repeating: .infinity, count: n + 1)
            var used = [Bool](repeating: false, count: n + 1)
            repeat {
                used[column] = true
                let r = rowOfColumn[column]
                var delta = Double.infinity
                var next = 0
                for c in 1...n where !used[c] {
                    let reduced = cost[(r - 1) * n + c - 1] - u[r] - v[c]
                    if reduced < slack[c] {
                        slack[c] = reduced
                        previous[c] = column
                    }
                    if slack[c] < delta {
                        delta = slack[c]
                        next = c
                    }
                }
                for c in 0...n {
                    if used[c] {
                        u[rowOfColumn[c]] += delta
                        v[c] -= delta
                    } else {
                        slack[c] -= delta
                    }
                }
                column = next
            } while rowOfColumn[column] != 0
            // Augment along the path back to the virtual column.
            repeat {
                let before = previous[column]
                rowOfColumn[column] = rowOfColumn[before]
                column = before
            } while column != 0
        }
        var columnOfRow = [Int](repeating: 0, count: n)
        for c in 1...n { columnOfRow[rowOfColumn[c] - 1] = c - 1 }
        return columnOfRow
    }

    /// Greedy matching: repeatedly takes the cheapest pair whose row and column are both free
    /// (ties to the lower row, then column). Fast and often good, but not optimal.
    /// - Complexity: O(n² log n).
    public static func greedy(_ cost: [Double], size n: Int) -> [Int] {
        precondition(cost.count == n * n, "the cost matrix must be n x n")
        let order = cost.indices.sorted { (cost[$0], $0) < (cost[$1], $1) }
        var columnOfRow = [Int](repeating: -1, count: n)
        var columnTaken = [Bool](repeating: false, count: n)
        var matched = 0
        for index in order where matched < n {
            let (row, column) = index.quotientAndRemainder(dividingBy: n)
            if columnOfRow[row] < 0 && !columnTaken[column] {
                columnOfRow[row] = column
                columnTaken[column] = true
                matched += 1
            }
        }
        return columnOfRow
    }

    /// The total cost of an assignment.
    public static func totalCost(_ cost: [Double], size n: Int, of assignment: [Int]) -> Double {
        assignment.enumerated().reduce(0) { $0 + cost[$1.offset * n + $1.element] }
    }
}
