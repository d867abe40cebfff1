/// Why a corpus cannot be read: the file or folder, the line where it applies, and the problem.
public struct CorpusError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let problem: String

    public init(path: String, line: Int? = nil, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var description: String { line.map { "\(path): line \($0): \(problem)" } ?? "\(path): \(problem)" }
}
