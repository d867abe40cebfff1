import Complexity
import Compressors
import Foundation

/// Writing results: standard output for results, standard error for warnings.
enum Output {
    static func warn(_ warnings: [WindowWarning]) {
        for warning in warnings { warn(String(describing: warning)) }
    }

    /// The one warning for a matrix whose pairs outgrew the compressor's window.
    static func warnBeyondWindow(_ summary: MatrixSummary, _ compressor: CompressorSpec) {
        warnBeyondWindow(summary.pairsBeyondWindow, of: summary.pairs, window: summary.window, compressor)
    }

    static func warnBeyondWindow(_ beyond: Int, of pairs: Int, window: Int, _ compressor: CompressorSpec) {
        guard beyond > 0 else { return }
        warn("\(beyond) of \(pairs) pairs total more than \(compressor) sees "
            + "(\(window) bytes back), so their NCD misses what they share beyond that; use lzma for long inputs")
    }

    /// The one warning for primed compressions that could not reach all of their dictionary
    /// (`what` names it: "x", "their dictionary").
    static func warnTruncated(_ truncated: Int, of total: Int, what: String, window: Int, _ compressor: CompressorSpec) {
        guard truncated > 0 else { return }
        warn("\(truncated) of \(total) primed compressions could reach only part of \(what) "
            + "(\(compressor) primes with at most \(window) bytes); use lzma for long documents")
    }

    /// A line of progress or news on standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// An error line on standard error, as ArgumentParser prints a thrown error, for a command
    /// that then exits with its own status.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    /// Left-aligned columns separated by two spaces.
    static func table(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        let widths = (0..<width).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A size in the chosen unit, as text: an integer when it is one.
    static func size(_ bytes: Double, _ unit: InformationUnit) -> String {
        JSON.size(unit.amount(ofBytes: bytes)).rendered()
    }

    /// A code length in the chosen unit, as text: an integer when it is one.
    static func size(_ length: CodeLength, _ unit: InformationUnit) -> String {
        JSON.size(unit.amount(of: length)).rendered()
    }

    /// The members that end the JSON of a pair result: the inputs, the compressor, `settings`
    /// (such as the order), the unit and the warnings.
    static func pairMembers(
        _ x: Input, _ y: Input, _ options: EstimationOptions, settings: [(String, JSON)] = [], warnings: [WindowWarning]
    ) -> [(String, JSON)] {
        [
            ("x", .string(x.name)),
            ("y", .string(y.name)),
            ("x_bytes", .int(x.bytes.count)),
            ("y_bytes", .int(y.bytes.count)),
            ("compressor", .string(options.compressor.description)),
        ] + settings + [
            ("unit", .string(options.unit.rawValue)),
            ("warnings", .array(warnings.map { .string($0.description) })),
        ]
    }
}
