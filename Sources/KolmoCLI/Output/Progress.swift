import Complexity
import Foundation
import Synchronization

/// Progress on standard error, when it is a terminal: rows done, pairs per second, time left,
/// against the ``Workload`` the library says a run will do.
final class Progress: Sendable {
    private let total: Int
    private let rows: Int
    private let start = Date()
    private let state = Mutex<(pairs: Int, rows: Int, printed: Date)>((0, 0, .distantPast))

    init(_ workload: Workload) {
        total = workload.units
        rows = workload.steps
    }

    /// Whether progress should be shown: standard error is a terminal and --quiet was not given.
    static func wanted(quiet: Bool) -> Bool {
        !quiet && isatty(STDERR_FILENO) == 1
    }

    /// A progress line for `builder`'s `workload`, where it is wanted (nil otherwise, and
    /// `builder` reports to nobody).
    static func attach(to builder: inout DistanceMatrixBuilder, quiet: Bool, workload: Workload) -> Progress? {
        let progress = wanted(quiet: quiet) && workload.units > 0 ? Progress(workload) : nil
        builder.progress = nil
        if let progress { builder.progress = { progress.advance($0) } }
        return progress
    }

    func advance(_ pairs: Int) {
        state.withLock { state in
            state.pairs += pairs
            state.rows += 1
            let now = Date()
            guard now.timeIntervalSince(state.printed) >= 0.25 || state.pairs == total else { return }
            state.printed = now
            let elapsed = now.timeIntervalSince(start)
            let rate = Double(state.pairs) / max(elapsed, 1e-9)
            let left = rate > 0 ? Double(total - state.pairs) / rate : 0
            let line = String(format: "\r%d/%d rows  %d/%d pairs  %.0f pairs/s  %@ left  ",
                              min(state.rows, rows), rows, state.pairs, total, rate, Self.clock(left))
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
