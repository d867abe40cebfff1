import Foundation

/// What a finished process printed and returned.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
}

/// Runs `executable` with `arguments`, feeding `input` to its standard input.
public func run(_ executable: URL, _ arguments: [String], input: [UInt8] = [], environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Read both pipes while the process runs, so that a large output cannot block it.
    let group = DispatchGroup()
    nonisolated(unsafe) var output = Data(), errors = Data()
    group.enter()
    DispatchQueue.global().async { output = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errors = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    try stdin.fileHandleForWriting.write(contentsOf: Data(input))
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    group.wait()
    return ProcessResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: output, as: UTF8.self),
        standardError: String(decoding: errors, as: UTF8.self))
}

/// The `kolmo` executable built beside the test bundle ($KOLMO_BINARY overrides it).
public var kolmoExecutable: URL {
    if let path = ProcessInfo.processInfo.environment["KOLMO_BINARY"] { return URL(fileURLWithPath: path) }
    let candidates = [
        Bundle.main.bundleURL,
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    for folder in candidates {
        let url = folder.appendingPathComponent("kolmo")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return Corpus.packageRoot.appendingPathComponent(".build/debug/kolmo")
}

/// A fresh temporary folder, removed by the caller.
public func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kolmo-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
