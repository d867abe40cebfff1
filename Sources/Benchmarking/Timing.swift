import Glibc

/// Times of repeated runs of one piece of work, in seconds: wall-clock and the running thread's CPU time.
public struct Timing: Hashable, Sendable {
    /// How many runs were timed, after one untimed warm-up run.
    public let runs: Int
    public let minimumWall: Double
    public let medianWall: Double
    public let minimumCPU: Double
    public let medianCPU: Double

    public init(runs: Int, minimumWall: Double, medianWall: Double, minimumCPU: Double, medianCPU: Double) {
        self.runs = runs
        self.minimumWall = minimumWall
        self.medianWall = medianWall
        self.minimumCPU = minimumCPU
        self.medianCPU = medianCPU
    }

    /// Runs `body` once to warm up, then times it until it has run at least `minimumRuns`
    /// times and for at least `minimumSeconds` of wall-clock time in all.
    public static func measure(minimumRuns: Int, minimumSeconds: Double, _ body: () throws -> Void) rethrows -> Timing {
        try body()
        var walls: [Double] = []
        var cpus: [Double] = []
        var total = 0.0
        while walls.count < max(1, minimumRuns) || total < minimumSeconds {
            let (wall0, cpu0) = (now(CLOCK_MONOTONIC), now(CLOCK_THREAD_CPUTIME_ID))
            try body()
            let (wall1, cpu1) = (now(CLOCK_MONOTONIC), now(CLOCK_THREAD_CPUTIME_ID))
            walls.append(wall1 - wall0)
            cpus.append(cpu1 - cpu0)
            total += wall1 - wall0
        }
        return Timing(
            runs: walls.count, minimumWall: walls.min()!, medianWall: median(walls),
            minimumCPU: cpus.min()!, medianCPU: median(cpus))
    }

    /// The median; the mean of the middle two for an even count.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Speeds in MB/s (10⁶ bytes of input per second) derived from a ``Timing``.
public struct Speed: Hashable, Sendable {
    /// From the fastest run.
    public let best: Double
    /// From the median run.
    public let median: Double
    /// From the fastest run's CPU time.
    public let bestCPU: Double
    /// From the median CPU time.
    public let medianCPU: Double
    public let runs: Int

    /// The speeds of processing `bytes` bytes of input per run.
    public init(bytes: Int, _ timing: Timing) {
        func rate(_ seconds: Double) -> Double { seconds > 0 ? Double(bytes) / seconds / 1e6 : .infinity }
        best = rate(timing.minimumWall)
        median = rate(timing.medianWall)
        bestCPU = rate(timing.minimumCPU)
        medianCPU = rate(timing.medianCPU)
        runs = timing.runs
    }
}
