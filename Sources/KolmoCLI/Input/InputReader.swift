import Foundation

/// A file's bytes, with the name it is reported under.
struct Input {
    /// The path as given, or "standard input" for `-`.
    let name: String
    let bytes: [UInt8]
}

/// Why an input could not be used. Each message is one line that names the file.
enum InputError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(String, reason: String)
    case isDirectory(String)
    case binary(String, offset: Int)
    case tooLarge(String, bytes: UInt64, memory: UInt64)
    case standardInputTwice

    var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): \(reason)"
        case let .isDirectory(path): "\(path): is a directory, expected a file"
        case let .binary(path, offset):
            "\(path): binary input (NUL byte at offset \(offset)); pass --binary to compress raw bytes"
        case let .tooLarge(path, bytes, memory):
            "\(path): \(bytes) bytes do not fit in this machine's memory (\(memory) bytes)"
        case .standardInputTwice: "-: standard input can be read only once"
        }
    }
}

/// Reads whole files (or standard input for `-`), refusing what Kolmo cannot estimate.
struct InputReader {
    var allowsBinary: Bool
    private var usedStandardInput = false

    init(allowsBinary: Bool) {
        self.allowsBinary = allowsBinary
    }

    mutating func read(_ path: String) throws -> Input {
        let bytes: [UInt8]
        let name: String
        if path == "-" {
            guard !usedStandardInput else { throw InputError.standardInputTwice }
            usedStandardInput = true
            name = "standard input"
            bytes = try Self.readAll(descriptor: STDIN_FILENO, path: name, sizeHint: 0)
        } else {
            name = path
            bytes = try Self.readFile(path)
        }
        if !allowsBinary, let offset = bytes.firstIndex(of: 0) {
            throw InputError.binary(name, offset: offset)
        }
        return Input(name: name, bytes: bytes)
    }

    /// Whether `path` is a directory; an error naming it when it cannot be looked at.
    static func isDirectory(_ path: String) throws -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw InputError.cannotOpen(path, reason: errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno)).lowercased())
        }
        return (status.st_mode & S_IFMT) == S_IFDIR
    }

    func readFile(_ path: String) throws -> [UInt8] {
        try Self.readFile(path)
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError.cannotOpen(path, reason: reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError.cannotOpen(path, reason: reason(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw InputError.isDirectory(path) }
        let size = UInt64(max(0, status.st_size))
        let memory = ProcessInfo.processInfo.physicalMemory
        guard size < memory else { throw InputError.tooLarge(path, bytes: size, memory: memory) }
        return try readAll(descriptor: descriptor, path: path, sizeHint: Int(size))
    }

    private static func readAll(descriptor: Int32, path: String, sizeHint: Int) throws -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(sizeHint + 1)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = Glibc.read(descriptor, chunk.baseAddress, chunk.count)
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { throw InputError.isDirectory(path) }
                throw InputError.cannotOpen(path, reason: reason(errno))
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk.prefix(count)))
        }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case ENOTDIR: "a component of the path is not a directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
