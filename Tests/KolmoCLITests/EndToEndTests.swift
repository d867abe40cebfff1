import Complexity
import Compressors
import Foundation
import TestSupport
import Testing

func kolmo(_ arguments: String..., input: [UInt8] = []) throws -> ProcessResult {
    try run(kolmoExecutable, arguments, input: input)
}

/// The double printed for a top-level `key`, read with Swift's exact parser: Foundation's JSON
/// reader does not give back every double exactly (0.9365044730525857 comes back ...856).
func jsonDouble(_ text: String, _ key: String) -> Double? {
    guard let range = text.range(of: "\n  \"\(key)\": ") else { return nil }
    return Double(text[range.upperBound...].prefix { $0 != "," && $0 != "\n" })
}

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite(.needsCorpora) struct EndToEndTests {
    static let eng = Corpus.url("udhr/eng.txt").path
    static let fra = Corpus.url("udhr/fra.txt").path

    @Test(arguments: ["deflate:9", "lzma:9"])
    func ncdJSONCarriesTheContractsFieldsAndTheLibrarysNumbers(text: String) throws {
        let result = try kolmo("ncd", Self.eng, Self.fra, "--compressor", text, "--format", "json")
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        let object = try jsonObject(result.standardOutput)
        let distance = try ComplexityEstimator(CompressorSpec(parsing: text))
            .distance(between: Corpus.bytes("udhr/eng.txt"), and: Corpus.bytes("udhr/fra.txt"))
        #expect(jsonDouble(result.standardOutput, "ncd") == distance.ncd)
        #expect(jsonDouble(result.standardOutput, "cdm") == distance.cdm)
        #expect((object["cx"] as? Int).map(CodeLength.init(bytes:)) == distance.cx)
        #expect((object["cy"] as? Int).map(CodeLength.init(bytes:)) == distance.cy)
        #expect((object["cxy"] as? Int).map(CodeLength.init(bytes:)) == distance.joint.xy)
        #expect(object["compressor"] as? String == text)
        #expect(object["order"] as? String == "xy")
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
    }

    @Test func textOutputLeadsWithTheDistance() throws {
        let result = try kolmo("ncd", Self.eng, Self.fra, "--order", "min", "--primed")
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("NCD") == true)
        #expect(lines.contains { $0.hasPrefix("primed NCD") })
        #expect(lines.contains { $0.hasPrefix("C(y|x)") } && lines.contains { $0.hasPrefix("C(x|y)") })
        #expect(lines.last == "compressor  lzma:9")
    }

    @Test func standardInputIsReadForADash() throws {
        let viaFile = try kolmo("ncd", Self.eng, Self.fra, "--format", "json")
        let viaStandardInput = try kolmo("ncd", Self.eng, "-", "--format", "json", input: try Corpus.bytes("udhr/fra.txt"))
        #expect(jsonDouble(viaStandardInput.standardOutput, "ncd") == jsonDouble(viaFile.standardOutput, "ncd"))
        #expect(try jsonObject(viaStandardInput.standardOutput)["y"] as? String == "standard input")
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let first = try kolmo("ncd", Self.eng, Self.fra, "--format", "json", "--order", "mean", "--primed")
        let second = try kolmo("ncd", Self.eng, Self.fra, "--format", "json", "--order", "mean", "--primed")
        #expect(first.standardOutput == second.standardOutput)
    }

    @Test func bitsAreEightTimesTheBytes() throws {
        let bytesOutput = try kolmo("ncd", Self.eng, Self.fra, "--format", "json").standardOutput
        let bitsOutput = try kolmo("ncd", Self.eng, Self.fra, "--format", "json", "--unit", "bits").standardOutput
        let bytes = try jsonObject(bytesOutput), bits = try jsonObject(bitsOutput)
        #expect(bits["cxy"] as? Int == (bytes["cxy"] as? Int).map { $0 * 8 })
        #expect(jsonDouble(bitsOutput, "ncd") == jsonDouble(bytesOutput, "ncd"))
        #expect(bits["unit"] as? String == "bits")
    }

    @Test func complexityTSVHasOneRowPerFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let result = try kolmo("complexity", Self.eng, empty.path, "--format", "tsv", "--compressor", "deflate:9")
        #expect(result.status == 0)
        let rows = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows[0] == ["file", "bytes", "compressed_bytes", "bits_per_byte"])
        let cx = try Compressor(CompressorSpec(parsing: "deflate:9")).compressedSize(of: Corpus.bytes("udhr/eng.txt"))
        #expect(rows[1] == [Self.eng[...], "12330", "\(cx)", "\(8 * Double(cx) / 12330)"].map { Substring($0) })
        #expect(rows[2] == [Substring(empty.path), "0", "2", ""])
    }

    @Test func complexityJSONReportsNullBitsPerByteForAnEmptyFile() throws {
        let result = try kolmo("complexity", "-", "--format", "json", input: [])
        let files = try #require(try jsonObject(result.standardOutput)["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files[0]["complexity"] as? Int == 1)
        #expect(files[0]["bits_per_byte"] is NSNull)
    }

    @Test func conditionalGivesItsPieces() throws {
        let difference = try jsonObject(try kolmo("conditional", Self.fra, "--given", Self.eng, "--format", "json").standardOutput)
        #expect(difference["cy_given_x"] as? Int == (difference["cxy"] as! Int) - (difference["cx"] as! Int))
        let primed = try jsonObject(try kolmo("conditional", Self.fra, "--given", Self.eng, "--method", "primed", "--format", "json", "--compressor", "deflate:9").standardOutput)
        let expected = try Compressor(CompressorSpec(parsing: "deflate:9"))
            .primedSize(of: Corpus.bytes("udhr/fra.txt"), dictionary: Corpus.bytes("udhr/eng.txt"))
        #expect(primed["cy_given_x"] as? Int == expected.bytes)
        #expect(primed["x_usable_bytes"] as? Int == 12330)
        let text = try kolmo("conditional", Self.fra, "--given", Self.eng, "--method", "primed")
        #expect(text.standardOutput.contains("usable bytes of x"))
    }

    @Test func windowWarningGoesToStandardErrorForDeflateOnly() throws {
        let large = Corpus.url("genesis/english-kjv.txt").path
        let deflate = try kolmo("ncd", large, Self.fra, "--compressor", "deflate:9", "--format", "json")
        #expect(deflate.status == 0)
        #expect(deflate.standardError.hasPrefix("warning: C(xy): the inputs total 209649 bytes but deflate:9 sees only 32506 bytes back"))
        #expect((try jsonObject(deflate.standardOutput)["warnings"] as? [String])?.count == 1)
        let lzma = try kolmo("ncd", large, Self.fra, "--compressor", "lzma:9")
        #expect(lzma.status == 0 && lzma.standardError.isEmpty)
    }

    @Test func verifyChangesNoNumber() throws {
        let plain = try kolmo("ncd", Self.eng, Self.fra, "--format", "json", "--primed", "--order", "min")
        let verified = try kolmo("ncd", Self.eng, Self.fra, "--format", "json", "--primed", "--order", "min", "--verify")
        #expect(verified.status == 0 && verified.standardOutput == plain.standardOutput)
    }
}

/// Bad input: one line on standard error naming the file, a non-zero exit, nothing on standard output.
@Suite struct InputErrorTests {
    static func expectOneLineError(_ result: ProcessResult, naming path: String, saying reason: String) {
        #expect(result.status != 0)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(lines.first?.contains(path) == true && lines.first?.contains(reason) == true, "\(result.standardError)")
    }

    @Test func missingFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let present = folder.appendingPathComponent("present.txt")
        try Data("some text".utf8).write(to: present)
        let missing = folder.appendingPathComponent("missing.txt").path
        Self.expectOneLineError(try kolmo("ncd", present.path, missing), naming: missing, saying: "no such file")
        Self.expectOneLineError(try kolmo("complexity", present.path, missing), naming: missing, saying: "no such file")
        Self.expectOneLineError(try kolmo("conditional", present.path, "--given", missing), naming: missing, saying: "no such file")
    }

    @Test func directoryWhereAFileIsExpected() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.expectOneLineError(try kolmo("ncd", folder.path, folder.path), naming: folder.path, saying: "is a directory, expected a file")
    }

    @Test func pathThroughAFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file.txt")
        try Data("text".utf8).write(to: file)
        let path = file.path + "/inside.txt"
        Self.expectOneLineError(try kolmo("complexity", path), naming: path, saying: "not a directory")
    }

    @Test(.enabled(if: geteuid() != 0, "root reads files whatever their permissions"))
    func unreadableFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("secret.txt")
        try Data("text".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        Self.expectOneLineError(try kolmo("complexity", file.path), naming: file.path, saying: "permission denied")
    }

    @Test func binaryInputIsRefusedUnlessAsked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("data.bin")
        try Data([0x41, 0x42, 0x00, 0x43]).write(to: file)
        Self.expectOneLineError(try kolmo("complexity", file.path), naming: file.path, saying: "binary input (NUL byte at offset 2)")
        let accepted = try kolmo("complexity", file.path, "--binary", "--format", "tsv")
        #expect(accepted.status == 0 && accepted.standardOutput.contains("\t4\t"))
    }

    @Test func standardInputOnlyOnce() throws {
        Self.expectOneLineError(try kolmo("ncd", "-", "-", input: Array("text".utf8)), naming: "-", saying: "standard input can be read only once")
    }

    @Test func emptyInputsAreValidAndAtDistanceZero() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.txt"), b = folder.appendingPathComponent("b.txt")
        try Data().write(to: a)
        try Data().write(to: b)
        for compressor in ["deflate:9", "lzma:9"] {
            let result = try kolmo("ncd", a.path, b.path, "--format", "json", "--compressor", compressor)
            #expect(result.status == 0)
            #expect(jsonDouble(result.standardOutput, "ncd") == 0)
        }
    }

    @Test func badCompressorIsAUsageError() throws {
        let result = try kolmo("ncd", "a", "b", "--compressor", "lzma:11")
        #expect(result.status == 64)
        #expect(result.standardError.contains("invalid compressor 'lzma:11': lzma presets are 0 to 9"))
    }
}
