import ArgumentParser
import Complexity
import Compressors

extension Kolmo {
    struct ConditionalCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conditional",
            abstract: "The conditional complexity K(y|x): what y costs once x is known.",
            discussion: """
                difference: C(xy) - C(x), y compressed after x in one stream. primed: y compressed by a \
                compressor primed with x as preset dictionary; deflate reaches only the last 32,506 bytes \
                of x, lzma all of x up to its preset's dictionary. The number of usable bytes of x is printed.
                """
        )

        @Argument(help: "The input y whose complexity is estimated ('-' for standard input).")
        var y: String

        @Option(help: "The input x that y is conditioned on.")
        var given: String

        @Option(help: "How K(y|x) is estimated.")
        var method: ConditionalMethod = .difference

        @OptionGroup var options: EstimationOptions

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func validate() throws {
            if method == .primed && !options.compressor.canBePrimed {
                throw ValidationError("--method primed needs a raw stream with a preset dictionary (deflate, lzma or zstd), not \(options.compressor)")
            }
        }

        func run() throws {
            var reader = options.reader()
            let x = try reader.read(given)
            let y = try reader.read(self.y)
            let result = try options.estimator().conditionalComplexity(of: y.bytes, given: x.bytes, method: method)
            Output.warn(result.warnings)
            let unit = options.unit
            func size(_ value: CodeLength?) -> String { value.map { Output.size($0, unit) } ?? "-" }
            if format == .json {
                var members: [(String, JSON)] = [
                    ("cy_given_x", .size(result.length, unit)),
                    ("method", .string(method.rawValue)),
                ]
                if let cx = result.cx { members.append(("cx", .size(cx, unit))) }
                if let cxy = result.cxy { members.append(("cxy", .size(cxy, unit))) }
                if let cy = result.cy { members.append(("cy", .size(cy, unit))) }
                if let usable = result.usableBytesOfX { members.append(("x_usable_bytes", .int(usable))) }
                members += Output.pairMembers(x, y, options, warnings: result.warnings)
                print(JSON.object(members).rendered())
                return
            }
            var rows: [[String]] = []
            switch method {
            case .difference:
                rows.append(["K(y|x) ~ C(xy) - C(x)", "\(size(result.length)) \(unit)"])
                rows.append(["C(x)", "\(size(result.cx)) \(unit)", x.name])
                rows.append(["C(xy)", "\(size(result.cxy)) \(unit)", "\(x.name) then \(y.name)"])
            case .primed:
                rows.append(["K(y|x) ~ C(y|x) primed", "\(size(result.length)) \(unit)"])
                rows.append(["C(y)", "\(size(result.cy)) \(unit)", y.name])
                rows.append(["usable bytes of x", "\(result.usableBytesOfX!) of \(x.bytes.count)", x.name])
            }
            rows.append(["compressor", options.compressor.description])
            print(Output.table(rows))
        }
    }
}
