import Foundation

/// The shared corpora of real text (../shared/corpora from the package root, or $KOLMO_CORPORA).
public enum Corpus {
    /// The folder the tests read, whether or not it exists.
    public static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["KOLMO_CORPORA"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora", isDirectory: true)
    }()

    /// The package's root folder, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("udhr/eng.txt").path)
    }

    /// Why corpus tests are skipped, and how to run them.
    public static var missingMessage: String {
        "corpora not found at \(root.path): these tests need ../shared/corpora beside the package "
            + "(set KOLMO_CORPORA to its path to run them)"
    }

    /// Whether this run must have the corpora: on CI, or when KOLMO_REQUIRE_CORPORA is set.
    public static var isRequired: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["CI"] != nil || environment["KOLMO_REQUIRE_CORPORA"] != nil
    }

    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The bytes of a corpus file, e.g. `udhr/eng.txt`.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: url(relativePath)))
    }

    /// UDHR texts in a spread of languages, families and scripts.
    public static let udhrSample = [
        "eng", "fra", "deu_1996", "deu_1901", "spa", "por_PT", "ita", "nld", "dan", "nob",
        "fin", "hun", "tur", "rus", "ukr", "ell_monotonic", "arb", "heb", "hin", "cmn_hans",
        "jpn", "kor", "vie", "swh", "yor", "qud",
    ].map { "udhr/\($0).txt" }
}

import Testing

extension Trait where Self == ConditionTrait {
    /// Runs the test only where the corpora are (see ``Corpus/missingMessage``).
    public static var needsCorpora: Self {
        .enabled(if: Corpus.isAvailable, Comment(rawValue: Corpus.missingMessage))
    }
}
