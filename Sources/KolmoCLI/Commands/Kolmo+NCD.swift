import ArgumentParser
import Complexity

extension Kolmo {
    struct NCDCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ncd",
            abstract: "The normalized compression distance between two files.",
            discussion: """
                NCD(x,y) = (C(xy) - min(C(x),C(y))) / max(C(x),C(y)) (Li et al. 2004). Also printed: \
                CDM(x,y) = C(xy) / (C(x) + C(y)) (Keogh et al. 2004), and with --primed the primed NCD, \
                in which C(x) + C(y|x), y compressed with x as preset dictionary, stands for C(xy). \
                Two empty inputs are at distance 0.
                """
        )

        @Argument(help: "The first input, x ('-' for standard input).")
        var x: String

        @Argument(help: "The second input, y.")
        var y: String

        @OptionGroup var options: EstimationOptions

        @Option(help: "Concatenation estimating the joint complexity: xy, yx, min or mean of both orders.")
        var order: ConcatenationOrder = .xy

        @Flag(help: "Also compute the primed NCD from C(y|x) with x as preset dictionary (raw streams only).")
        var primed = false

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func validate() throws {
            if primed && !options.compressor.canBePrimed {
                throw ValidationError("--primed needs a raw stream with a preset dictionary (deflate, lzma or zstd), not \(options.compressor)")
            }
        }

        func run() throws {
            var reader = options.reader()
            let x = try reader.read(self.x)
            let y = try reader.read(self.y)
            let distance = try options.estimator().distance(between: x.bytes, and: y.bytes, order: order, primed: primed)
            Output.warn(distance.warnings)
            print(format == .json ? json(distance, x, y) : text(distance, x, y))
        }

        private func json(_ d: CompressionDistance, _ x: Input, _ y: Input) -> String {
            let unit = options.unit
            var members: [(String, JSON)] = [
                ("ncd", .number(d.ncd)),
                ("cdm", .number(d.cdm)),
                ("cx", .size(d.cx, unit)),
                ("cy", .size(d.cy, unit)),
                ("cxy", .size(unit.amount(ofBytes: d.joint.bytes))),
                ("concatenations", .object(
                    [("xy", d.joint.xy), ("yx", d.joint.yx)].compactMap { key, value in
                        value.map { (key, JSON.size($0, unit)) }
                    })),
            ]
            if let p = d.primed {
                members.append(("primed_ncd", .number(p.ncd)))
                if let value = p.cyGivenX { members.append(("cy_given_x", .size(value, unit))) }
                if let value = p.cxGivenY { members.append(("cx_given_y", .size(value, unit))) }
            }
            members += Output.pairMembers(x, y, options, settings: [("order", .string(order.rawValue))], warnings: d.warnings)
            return JSON.object(members).rendered()
        }

        private func text(_ d: CompressionDistance, _ x: Input, _ y: Input) -> String {
            let unit = options.unit
            var rows: [[String]] = [
                ["NCD", "\(d.ncd)"],
                ["CDM", "\(d.cdm)"],
            ]
            if let p = d.primed { rows.append(["primed NCD", "\(p.ncd)"]) }
            rows += [
                ["C(x)", "\(Output.size(d.cx, unit)) \(unit)", x.name],
                ["C(y)", "\(Output.size(d.cy, unit)) \(unit)", y.name],
                ["C(xy)", "\(Output.size(d.joint.bytes, unit)) \(unit)", "order \(order.rawValue)"],
            ]
            if let p = d.primed {
                if let value = p.cyGivenX { rows.append(["C(y|x)", "\(Output.size(value, unit)) \(unit)", "primed with x"]) }
                if let value = p.cxGivenY { rows.append(["C(x|y)", "\(Output.size(value, unit)) \(unit)", "primed with y"]) }
            }
            rows.append(["compressor", options.compressor.description])
            return Output.table(rows)
        }
    }
}
