import Classification
import Complexity
import Foundation
import Sharding

/// `kolmo classify --method knn --test DATA --plan DIR --tiles N`: the test items in bands, each
/// tile classifying its band against the whole training set, which every tile reads.
extension Kolmo.ClassifyCommand: TiledCommand {
    static var planned: Plan.Command { .classify }

    func classifier(jobs: Int? = nil) -> Classifier {
        Classifier(
            method: method, compressor: options.compressor, k: k, ties: ties, seed: seed, score: score,
            order: matrixOptions.order, jobs: jobs ?? matrixOptions.jobs, verify: options.verify)
    }

    func tiled(test: Int, training: Int) throws -> TiledMatrix {
        let builder = DistanceMatrixBuilder(compressor: options.compressor, order: matrixOptions.order, jobs: matrixOptions.jobs, verify: options.verify)
        return try TiledMatrix(builder: builder, rows: test, columns: training, k: k)
    }

    /// The training and test sets, read as the single run reads them.
    func read() throws -> (training: LabelledTexts, test: LabelledTexts) {
        var data = LabelledDataReader(reader: options.reader(), include: matrixOptions.include)
        let training = try data.read(train)
        return (training, try data.read(test!))
    }

    static func planItems(_ set: LabelledTexts) -> [PlanItem] {
        set.items.indices.map { PlanItem(path: set.names[$0], label: set.classes[set.labels[$0]], bytes: set.items[$0]) }
    }

    func prepare() throws -> PreparedRun {
        let (training, testSet) = try read()
        // The checks the single run makes before it classifies anything.
        _ = try Classifier.truth(of: testSet, training: training)
        let beyond = classifier().beyondWindow(test: testSet.items, training: training)
        return PreparedRun(
            run: try tiled(test: testSet.count, training: training.count), splitColumns: false,
            sets: [("training", Self.planItems(training)), ("test", Self.planItems(testSet))],
            rowItems: testSet.items, columnItems: training.items, beyondWindow: beyond, kind: "predictions")
    }

    func expectation(_ plan: Plan, _ tile: Tile) -> ShardFile.Expectation {
        let classes = Set((plan.items("training") ?? []).map(\.label)).count
        return ShardFile.Expectation(fingerprint: plan.fingerprint, tile: tile, compressor: plan.compressor, kind: "predictions", classes: classes)
    }

    func compute(_ tile: Tile, plan: Plan, jobs: Int?) throws -> ShardContent {
        let (training, testSet) = try read()
        for (name, set) in [("training", training), ("test", testSet)] {
            let planned = plan.items(name) ?? []
            let items = Self.planItems(set)
            guard items.count == planned.count else {
                throw FileProblem(path: name == "training" ? train : test!, problem: "\(items.count) items, the plan has \(planned.count); plan the run again")
            }
            for (item, expected) in zip(items, planned) where item != expected {
                throw FileProblem(path: item.path, problem: "changed since the plan (its name, class, size or SHA-256 differs); plan the run again")
            }
        }
        let band = Array(tile.rows)
        return .predictions(try classifier(jobs: jobs).predict(band.map { testSet.items[$0] }, training: training, keys: band))
    }

    func merge(_ shards: [ShardFile], plan: Plan) throws {
        let trainingItems = plan.items("training") ?? [], testItems = plan.items("test") ?? []
        let classes = Array(Set(trainingItems.map(\.label))).sorted()
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let truth = try testItems.map { item in
            guard let label = index[item.label] else { throw ClassificationError.unknownClass(item: item.path, label: item.label) }
            return label
        }
        var predictions: [Prediction] = []
        for (tile, shard) in zip(plan.grid.tiles, shards) {
            guard case .predictions(let band) = shard.content, band.count == tile.rows.count, tile.rows.lowerBound == predictions.count else {
                throw ShardingError.wrongResult(tile: tile.index, "not the predictions of test items \(tile.rows)")
            }
            predictions += band
        }
        guard predictions.count == testItems.count else {
            throw ShardingError.wrongResult(tile: plan.tiles - 1, "\(predictions.count) predictions for \(testItems.count) test items")
        }
        if let beyond = plan.beyondWindow { warnBeyondWindow(beyond) }
        let report = ClassificationReport(classes: classes, truth: truth, predictions: predictions)
        let out = try OutputFile(path: output)
        try write(report, names: testItems.map(\.path), trainingItems: trainingItems.count, to: out)
        try out.commit()
    }
}
