import ArgumentParser
import Complexity
import Compressors

extension Kolmo {
    struct ComplexityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complexity",
            abstract: "Each file's size, compressed size C(x) and bits per byte.",
            discussion: """
                Bits per byte is 8 C(x) / |x|, whatever --unit says; it is empty (null in JSON) for an \
                empty file, whose C(x) is the size of an empty stream (2 bytes for deflate, 1 for lzma).
                """
        )

        @Argument(help: "Files to estimate ('-' for standard input).")
        var files: [String]

        @OptionGroup var options: EstimationOptions

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, tsv, json }

        @Option(help: "Output format.")
        var format: Format = .text

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one file") }
        }

        struct Row {
            let name: String
            let bytes: Int
            let compressed: CodeLength
            var bitsPerByte: Double? { bytes == 0 ? nil : compressed.bits / Double(bytes) }
        }

        func run() throws {
            var reader = options.reader()
            let estimator = try options.estimator()
            var rows: [Row] = []
            for file in files {
                let input = try reader.read(file)
                rows.append(Row(name: input.name, bytes: input.bytes.count, compressed: try estimator.complexity(of: input.bytes)))
            }
            let unit = options.unit
            let sizeHeader = "C(x) \(unit)"
            switch format {
            case .text:
                let body = rows.map { row in
                    [row.name, String(row.bytes), Output.size(row.compressed, unit),
                     row.bitsPerByte.map { String(format: "%.4f", $0) } ?? "-"]
                }
                print(Output.table([["file", "bytes", sizeHeader, "bits/byte"]] + body))
                print("compressor \(options.compressor)")
            case .tsv:
                print(["file", "bytes", "compressed_\(unit)", "bits_per_byte"].joined(separator: "\t"))
                for row in rows {
                    print([row.name, String(row.bytes), Output.size(row.compressed, unit),
                           row.bitsPerByte.map { "\($0)" } ?? ""].joined(separator: "\t"))
                }
            case .json:
                let files = rows.map { row -> JSON in
                    .object([
                        ("file", .string(row.name)),
                        ("bytes", .int(row.bytes)),
                        ("complexity", .size(row.compressed, unit)),
                        ("bits_per_byte", row.bitsPerByte.map(JSON.number) ?? .null),
                    ])
                }
                print(JSON.object([
                    ("compressor", .string(options.compressor.description)),
                    ("unit", .string(unit.rawValue)),
                    ("files", .array(files)),
                ]).rendered())
            }
        }
    }
}
