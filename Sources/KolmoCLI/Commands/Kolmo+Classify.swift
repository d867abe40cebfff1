import ArgumentParser
import Classification
import Complexity
import Foundation

extension ClassificationMethod: ExpressibleByArgument {}
extension TieBreaking: ExpressibleByArgument {}
extension ClassScore: ExpressibleByArgument {}

extension Kolmo {
    struct ClassifyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract: "Classify texts by compression: kNN on NCD, or class-conditional compression.",
            discussion: """
                DATA is a folder of one folder per class, or a TSV whose header is path<TAB>label (paths \
                relative to the TSV) or text<TAB>label (\\t, \\n and \\\\ escaped). knn: the K nearest training \
                items by NCD (test item first) vote; a tie for the most votes goes, with --ties nearest, to the \
                class whose nearest member is closest. class: each class's training items, concatenated in order \
                and cut to the compressor's window (the last 32,506 bytes for deflate), prime the compressor; \
                the item goes to the class that makes it cheapest (--score primed: C(y|class); difference: \
                C(class y) - C(class)), a tie to the first class by name. --ties random draws among the tied \
                classes, seeded per item. A test item identical to a training item is refused. Throughput goes \
                to standard error; standard output is the same whatever --jobs is.
                """
        )

        @Option(help: ArgumentHelp("The labelled training set: a folder of class folders, or a TSV.", valueName: "data"))
        var train: String

        @Option(help: ArgumentHelp("The labelled test set (or use --folds).", valueName: "data"))
        var test: String?

        @Option(help: "Cross-validate on --train with this many stratified folds instead of a test set.")
        var folds: Int?

        @Option(help: "knn (nearest neighbours by NCD) or class (class-conditional compression).")
        var method: ClassificationMethod = .classConditional

        @Option(name: .customLong("k"), help: "Neighbours that vote (knn).")
        var k: Int = 1

        @Option(help: "How a tie for the best class is broken: nearest or random (seeded).")
        var ties: TieBreaking = .nearest

        @Option(help: "Seed of random ties and of the folds.")
        var seed: UInt64 = 1

        @Option(help: "The cost of an item given a class (class): primed or difference.")
        var score: ClassScore = .primed

        @OptionGroup var options: EstimationOptions

        @OptionGroup var matrixOptions: MatrixOptions

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, tsv, json }

        @Option(help: "text (report), tsv (one prediction per line) or json (both).")
        var format: Format = .text

        @Option(help: "Write to this file (complete or not at all) instead of standard output.")
        var output: String?

        @Flag(help: "No throughput line on standard error.")
        var quiet = false

        @OptionGroup var planOptions: PlanOptions

        func validate() throws {
            if (test == nil) == (folds == nil) { throw ValidationError("give either --test DATA or --folds N") }
            if let folds, folds < 2 { throw ValidationError("--folds must be at least 2") }
            if k < 1 { throw ValidationError("--k must be at least 1") }
            if planOptions.plan != nil && (method != .knn || test == nil) {
                throw ValidationError("--plan splits the test items of --method knn --test DATA across tiles; it cannot plan --method class or --folds")
            }
            if method == .classConditional && score == .primed && !options.compressor.canBePrimed {
                throw ValidationError("--score primed needs a raw stream with a preset dictionary (deflate, lzma or zstd), not \(options.compressor)")
            }
        }

        func run() throws {
            if planOptions.plan != nil { return try Tiling.plan(self) }
            var data = LabelledDataReader(reader: options.reader(), include: matrixOptions.include)
            let training = try data.read(train)
            let testSet = try test.map { try data.read($0) }
            let classifier = Classifier(
                method: method, compressor: options.compressor, k: k, ties: ties, seed: seed, score: score,
                order: matrixOptions.order, jobs: matrixOptions.jobs, verify: options.verify)
            warnBeyondWindow(classifier.beyondWindow(test: testSet?.items ?? training.items, training: training))
            let out = try OutputFile(path: output)
            let start = DispatchTime.now()
            let report: ClassificationReport
            if let testSet {
                report = try classifier.evaluate(test: testSet, training: training)
            } else {
                do {
                    report = try classifier.crossValidate(training, folds: folds!)
                } catch let error as ClassificationError {
                    switch error {
                    case .leakage: throw error
                    case let .invalidFolds(folds, items):
                        throw FileProblem(path: train, problem: "--folds must be between 2 and the number of items (\(items)), not \(folds)")
                    default: throw FileProblem(path: train, problem: error.description)
                    }
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let names = testSet?.names ?? training.names
            try write(report, names: names, trainingItems: training.count, to: out)
            try out.commit()
            if !quiet {
                let rate = Double(names.count) / seconds
                FileHandle.standardError.write(Data(
                    "classified \(names.count) items in \(String(format: "%.3f", seconds)) s: \(String(format: "%.1f", rate)) items/s (\(matrixOptions.jobs) jobs)\n".utf8))
            }
        }

        /// The report in --format.
        func write(_ report: ClassificationReport, names: [String], trainingItems: Int, to out: OutputFile) throws {
            switch format {
            case .text: try out.write(text(report, trainingItems: trainingItems, testItems: names.count))
            case .tsv: try out.write(tsv(report, names: names))
            case .json: try out.write(json(report, names: names, trainingItems: trainingItems).rendered() + "\n")
            }
        }

        /// One warning when the compressor could not see some inputs whole (with --folds, counted
        /// over the whole set rather than fold by fold).
        func warnBeyondWindow(_ beyond: (count: Int, total: Int)) {
            guard beyond.count > 0 else { return }
            let compressor = options.compressor, window = compressor.window
            switch method {
            case .classConditional:
                Output.warn("\(beyond.count) of \(beyond.total) classes have more training text than \(compressor) sees "
                    + "(\(window) bytes back); only the last \(window) bytes of each were used")
            case .knn:
                Output.warnBeyondWindow(beyond.count, of: beyond.total, window: window, compressor)
            }
        }

        /// The settings that decided the predictions, as (name, value).
        var settings: [(String, String)] {
            var settings = [("method", method.rawValue)]
            switch method {
            case .knn: settings += [("k", String(k)), ("order", matrixOptions.order.rawValue)]
            case .classConditional: settings += [("score", score.rawValue)]
            }
            settings += [("ties", ties.rawValue)]
            if ties == .random || folds != nil { settings += [("seed", String(seed))] }
            settings += [("compressor", options.compressor.description)]
            if let folds { settings += [("folds", String(folds))] }
            return settings
        }

        func text(_ report: ClassificationReport, trainingItems: Int, testItems: Int) -> String {
            let correct = report.correct
            let source = folds.map { "\(testItems) in \($0) folds of \(train)" } ?? "\(testItems) against \(trainingItems) training items"
            var rows: [[String]] = [
                ["accuracy", String(format: "%.4f", report.accuracy), "\(correct) of \(testItems)"],
                ["macro-F1", String(format: "%.4f", report.macroF1)],
                ["tied", String(report.tiedItems), "items with a tie for the best class, broken by --ties \(ties.rawValue)"],
            ]
            if method == .knn && k > 1 {
                rows.append(["either tied", String(format: "%.4f", report.eitherTiedAccuracy),
                             "a tie counted right if either class is (npc_gzip's rule): not an accuracy"])
            }
            rows.append(["test items", source])
            rows += settings.map { [$0.0, $0.1] }
            var text = Output.table(rows) + "\n\nconfusion (rows: true class, columns: predicted)\n"
            let header = [""] + report.classes
            let body = report.classes.indices.map { [report.classes[$0]] + report.confusion[$0].map(String.init) }
            text += Output.table([header] + body) + "\n\n"
            let scores = report.classes.indices.map { c -> [String] in
                let s = report.perClass[c]
                return [report.classes[c], String(format: "%.4f", s.precision), String(format: "%.4f", s.recall),
                        String(format: "%.4f", s.f1), String(s.support)]
            }
            text += Output.table([["class", "precision", "recall", "F1", "support"]] + scores) + "\n"
            return text
        }

        func tsv(_ report: ClassificationReport, names: [String]) -> String {
            var lines = [["item", "label", "predicted", scoreHeader, "tied"].joined(separator: "\t")]
            for (index, prediction) in report.predictions.enumerated() {
                lines.append([
                    names[index], report.classes[report.truth[index]], report.classes[prediction.predicted],
                    scoreValue(prediction).rendered(), prediction.tied.count > 1 ? prediction.tied.map { report.classes[$0] }.joined(separator: ",") : "",
                ].joined(separator: "\t"))
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// What a prediction's score is: the NCD to the nearest member, or the cost in --unit.
        var scoreHeader: String { method == .knn ? "distance" : "cost_\(options.unit.rawValue)" }

        func scoreValue(_ prediction: Prediction) -> JSON {
            method == .knn ? .number(prediction.score) : .size(options.unit.amount(ofBytes: prediction.score))
        }

        func json(_ report: ClassificationReport, names: [String], trainingItems: Int) -> JSON {
            let predictions = report.predictions.enumerated().map { index, prediction -> JSON in
                .object([
                    ("item", .string(names[index])),
                    ("label", .string(report.classes[report.truth[index]])),
                    ("predicted", .string(report.classes[prediction.predicted])),
                    (scoreHeader, scoreValue(prediction)),
                    ("tied", .array(prediction.tied.count > 1 ? prediction.tied.map { .string(report.classes[$0]) } : [])),
                ])
            }
            let perClass = report.classes.indices.map { c -> JSON in
                let s = report.perClass[c]
                return .object([
                    ("class", .string(report.classes[c])), ("precision", .number(s.precision)),
                    ("recall", .number(s.recall)), ("f1", .number(s.f1)), ("support", .int(s.support)),
                ])
            }
            var members: [(String, JSON)] = [
                ("accuracy", .number(report.accuracy)),
                ("macro_f1", .number(report.macroF1)),
                ("tied_items", .int(report.tiedItems)),
                ("either_tied_accuracy", .number(report.eitherTiedAccuracy)),
                ("test_items", .int(names.count)),
                ("training_items", folds == nil ? .int(trainingItems) : .null),
            ]
            members += settings.map { name, value in
                (name, Int(value).map(JSON.int) ?? .string(value))
            }
            members += [
                ("classes", .array(report.classes.map(JSON.string))),
                ("confusion", .array(report.confusion.map { .array($0.map(JSON.int)) })),
                ("per_class", .array(perClass)),
                ("predictions", .array(predictions)),
            ]
            return .object(members)
        }
    }
}
