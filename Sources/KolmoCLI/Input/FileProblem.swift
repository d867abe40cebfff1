import Foundation

/// Why an input file (a matrix, a labels or truth table) cannot be used: the file, the line where it applies, and the problem.
struct FileProblem: Error, CustomStringConvertible, Equatable {
    let path: String
    let line: Int?
    let problem: String

    init(path: String, line: Int? = nil, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    var description: String { line.map { "\(path): line \($0): \(problem)" } ?? "\(path): \(problem)" }
}
