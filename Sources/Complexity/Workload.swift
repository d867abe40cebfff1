/// How much work a run will do, said by the code that plans it, so that a progress display
/// never recomputes the plan: `units` (concatenations or compressions) reported over `steps`
/// calls of the run's `progress` closure.
public struct Workload: Hashable, Sendable {
    /// What the run compresses, in the units its `progress` closure reports.
    public var units: Int
    /// How many times the run calls its `progress` closure.
    public var steps: Int

    public init(units: Int, steps: Int) {
        self.units = units
        self.steps = steps
    }

    /// No work.
    public static let none = Workload(units: 0, steps: 0)

    public static func + (a: Workload, b: Workload) -> Workload {
        Workload(units: a.units + b.units, steps: a.steps + b.steps)
    }

    public static func * (count: Int, workload: Workload) -> Workload {
        Workload(units: count * workload.units, steps: count * workload.steps)
    }
}
