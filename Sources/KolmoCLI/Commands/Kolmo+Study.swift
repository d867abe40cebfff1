import ArgumentParser
import Complexity
import Foundation
import Pairing

extension Kolmo {
    struct StudyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "study",
            abstract: "Measure how far joint compression stands in for conditional compression, on translations.",
            discussion: """
                For every pair (x, y) of X_DIR x Y_DIR: C(x), C(y), C(xy), C(yx), C(y|x) and C(x|y) (primed). \
                Reports the chain-rule gap C(xy) - (C(x) + C(y|x)) and the symmetry-of-information gap \
                (C(x) + C(y|x)) - (C(y) + C(x|y)) for translations and for all other pairs; how well each score \
                separates translations (Cohen's d, ROC AUC) and pairs them (Hungarian assignment); and C(y) \
                conditioned on its translation, on all of X without it, on all of X, and on --unrelated text as \
                long as X. Translations are matched by file name as in `kolmo pair`. --report DIR writes \
                report.md, pairs.tsv and SVG plots.
                """
        )

        @Argument(help: "Directory of documents X.")
        var xDirectory: String

        @Argument(help: "Directory of their translations Y.")
        var yDirectory: String

        @OptionGroup var options: EstimationOptions

        @OptionGroup var matrixOptions: MatrixOptions

        @Option(help: "A TSV of (x name, y name) rows after a header, instead of pairing by file name.")
        var truth: String?

        @Option(help: "Text unrelated to X and Y, cut to the length of X, as a control context.")
        var unrelated: String?

        @Option(help: "Write report.md, pairs.tsv and SVG plots into this directory (created if needed).")
        var report: String?

        @Option(help: "text (the report's tables) or json (every number).")
        var format: TextOrJSON = .text

        @Option(help: "Seed of the shuffle of Y (which breaks ties at random).")
        var seed: UInt64 = 1

        @Flag(help: "No progress on standard error.")
        var quiet = false

        func run() throws {
            var reader = options.reader()
            let unrelatedText = try unrelated.map { path in
                let bytes = try reader.read(path).bytes
                if bytes.isEmpty { throw FileProblem(path: path, problem: "is empty; the control context needs text") }
                return bytes
            }
            let inputs = try TranslationInputs(x: xDirectory, y: yDirectory, truth: truth, include: matrixOptions.include, reader: reader)
            let builder = DistanceMatrixBuilder(
                compressor: options.compressor, order: matrixOptions.order, jobs: matrixOptions.jobs, verify: options.verify)
            let n = inputs.x.count
            var study = JointCompressionStudy(builder: builder, seed: seed, unrelated: unrelatedText)
            let progress = Progress.attach(to: &study.builder, quiet: quiet, workload: study.workload(size: n))
            let result = try study.run(x: inputs.x.map(\.bytes), y: inputs.y.map(\.bytes), truth: inputs.truth)
            progress?.finish()

            let names = (x: inputs.x.map(\.label), y: inputs.y.map(\.label))
            let title = "\(xDirectory) → \(yDirectory)"
            if let report { try StudyReport.write(result, names: names, title: title, unrelated: unrelated, to: report) }
            let out = try OutputFile(path: nil)
            switch format {
            case .text: try out.write(StudyReport.markdown(result, title: title, unrelated: unrelated, pictures: false))
            case .json: try out.write(StudyReport.json(result, names: names).rendered() + "\n")
            }
            try out.commit()
            Output.warnBeyondWindow(result.pairsBeyondWindow, of: n * n, window: result.window, options.compressor)
            Output.warnTruncated(result.truncatedDictionaries, of: 2 * n * n, what: "their dictionary", window: result.window, options.compressor)
        }
    }
}
