import ArgumentParser
import Compressors
import Complexity
import Foundation
import Testing

@testable import KolmoCLI

@Suite struct ParseTests {
    @Test func ncdDefaults() throws {
        let command = try #require(try Kolmo.parseAsRoot(["ncd", "a.txt", "b.txt"]) as? Kolmo.NCDCommand)
        #expect(command.x == "a.txt" && command.y == "b.txt")
        #expect(command.options.compressor == .default)
        #expect(command.order == .xy)
        #expect(command.format == .text)
        #expect(command.options.unit == .bytes)
        #expect(!command.primed && !command.options.verify && !command.options.binary)
    }

    @Test func ncdOptions() throws {
        let command = try #require(try Kolmo.parseAsRoot([
            "ncd", "a", "b", "--compressor", "deflate:1", "--order", "min", "--format", "json",
            "--unit", "bits", "--primed", "--verify", "--binary",
        ]) as? Kolmo.NCDCommand)
        #expect(command.options.compressor == (try CompressorSpec(.deflate, level: 1)))
        #expect(command.order == .min && command.format == .json && command.options.unit == .bits)
        #expect(command.primed && command.options.verify && command.options.binary)
    }

    @Test func complexityAndConditional() throws {
        let complexity = try #require(try Kolmo.parseAsRoot(["complexity", "a", "b", "c", "--format", "tsv"]) as? Kolmo.ComplexityCommand)
        #expect(complexity.files == ["a", "b", "c"] && complexity.format == .tsv)
        let conditional = try #require(try Kolmo.parseAsRoot(["conditional", "y", "--given", "x", "--method", "primed"]) as? Kolmo.ConditionalCommand)
        #expect(conditional.y == "y" && conditional.given == "x" && conditional.method == .primed)
    }

    @Test func matrixDefaultsAndOptions() throws {
        let plain = try #require(try Kolmo.parseAsRoot(["matrix", "corpus"]) as? Kolmo.MatrixCommand)
        #expect(plain.paths == ["corpus"] && plain.cross.isEmpty && plain.format == .tsv && plain.order == .xy)
        #expect(plain.jobs == ProcessInfo.processInfo.activeProcessorCount && plain.topK == nil && !plain.symmetric && !plain.quiet)
        let full = try #require(try Kolmo.parseAsRoot([
            "matrix", "a", "b", "--cross", "c", "d", "--order", "mean", "--jobs", "3", "--format", "json",
            "--output", "m.json", "--top-k", "5", "--include", "*.txt", "--quiet", "--compressor", "deflate:6",
        ]) as? Kolmo.MatrixCommand)
        #expect(full.paths == ["a", "b"] && full.cross == ["c", "d"] && full.order == .mean && full.jobs == 3)
        #expect(full.format == .json && full.output == "m.json" && full.topK == 5 && full.include == "*.txt" && full.quiet)
        #expect(full.options.compressor.description == "deflate:6")
    }

    @Test func progressClock() {
        #expect(Progress.clock(0) == "0:00")
        #expect(Progress.clock(75) == "1:15")
        #expect(Progress.clock(3725) == "1:02:05")
    }

    @Test(arguments: [
        (["ncd", "a", "b", "--compressor", "brotli"], "unknown compressor 'brotli'"),
        (["ncd", "a", "b", "--primed", "--compressor", "bzip2:9"], "--primed needs a raw stream with a preset dictionary (deflate, lzma or zstd), not bzip2:9"),
        (["ncd", "a", "b", "--compressor", "deflate:12"], "deflate levels are 1 to 9"),
        (["ncd", "a", "b", "--order", "sideways"], "sideways"),
        (["ncd", "a"], "Missing expected argument '<y>'"),
        (["ncd", "a", "b", "--primed", "--compressor", "gzip:9"], "--primed needs a raw stream"),
        (["conditional", "y"], "Missing expected argument '--given <given>'"),
        (["conditional", "y", "--given", "x", "--method", "primed", "--compressor", "xz"], "needs a raw stream"),
        (["complexity"], "Missing expected argument '<files> ...'"),
        (["complexity", "a", "--format", "xml"], "xml"),
        (["ncd", "a", "b", "--unit", "nats"], "nats"),
    ])
    func badArgumentsAreRefusedWithAReason(arguments: [String], reason: String) {
        #expect {
            try Kolmo.parseAsRoot(arguments)
        } throws: { error in
            Kolmo.message(for: error).contains(reason)
        }
    }

    @Test func helpNamesEverySubcommandAndTheDefaultCompressor() {
        let help = Kolmo.helpMessage()
        for name in ["ncd", "complexity", "conditional", "matrix", "The default is lzma:9"] {
            #expect(help.contains(name))
        }
        #expect(Kolmo.helpMessage(for: Kolmo.NCDCommand.self).contains("--compressor <name[:level]>"))
    }
}
