import Foundation
import TestSupport
import Testing

/// data/fetch's own unit tests (Python), run with the Swift suite so that CI runs them too.
struct DataFetchTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 is not installed"))
    func fetchScriptUnitTestsPass() throws {
        let data = Corpus.packageRoot.appendingPathComponent("data")
        let result = try run(URL(fileURLWithPath: "/usr/bin/python3"), ["-m", "unittest", "-q", data.appendingPathComponent("test_fetch.py").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("OK"))
    }
}
