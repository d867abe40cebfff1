import Foundation

/// Buffered output to standard output, or to a file that appears only when complete: it is
/// written under a temporary name in the same folder and renamed at the end, so an interrupted
/// run never leaves a truncated file behind.
final class OutputFile {
    private let descriptor: Int32
    /// The file being written, until it is committed.
    private var temporaryPath: String?
    private let finalPath: String?
    private var buffer: [UInt8] = []

    /// Standard output when `path` is nil.
    init(path: String?) throws {
        guard let path else {
            descriptor = STDOUT_FILENO
            temporaryPath = nil
            finalPath = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError.isDirectory(path)
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).kolmo-\(getpid())").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw InputError.cannotOpen(path, reason: "cannot write here: \(String(cString: strerror(errno)).lowercased())")
        }
        self.descriptor = descriptor
        temporaryPath = temporary
        finalPath = path
    }

    deinit {
        // Not committed: drop the partial file.
        if let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError.cannotOpen(finalPath ?? "standard output", reason: "write failed: \(String(cString: strerror(errno)).lowercased())")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and, for a file, gives it its final name.
    func commit() throws {
        try flush()
        guard let temporaryPath, let finalPath else { return }
        guard fsync(descriptor) == 0, rename(temporaryPath, finalPath) == 0 else {
            throw InputError.cannotOpen(finalPath, reason: "cannot write here: \(String(cString: strerror(errno)).lowercased())")
        }
        close(descriptor)
        self.temporaryPath = nil
    }

    /// Writes the whole of `text` to `path`, complete or not at all.
    static func write(_ text: String, to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(text)
        try file.commit()
    }
}
