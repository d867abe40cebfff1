import Complexity
import Compressors
import KolmoSupport

extension Classifier {
    /// Class-conditional compression (Benedetto, Caglioti and Loreto 2002, "Language trees and
    /// zipping"): each test item y costs C(y | class) given each class's text (``classTexts(_:)``),
    /// measured by `score`, and the cheapest class wins, ties broken by `ties`.
    ///
    /// Each class is primed once per block of 256 test items: deflate primes its stream once and
    /// compresses each item on a copy of it, a learning codec learns the class text once and
    /// undoes each item (``Compressor/conditionalCodeLengths(ofEach:given:)``), or for the
    /// difference the class text is compressed once and continued with each item.
    ///
    /// - Complexity: |classes| |test| compressions of the item after (at most) a window of text.
    public func classConditional(_ test: [[UInt8]], training: LabelledTexts, keys: [Int]) throws -> [Prediction] {
        let costs = try classCosts(test, classTexts: classTexts(training))
        let classCount = training.classes.count
        return test.indices.map { item in
            let row = (0..<classCount).map { costs[$0 * test.count + item] }
            let least = row.min()!
            let tied = row.indices.filter { row[$0] == least }
            return Prediction(predicted: breakTie(tied, preferred: tied[0], key: keys[item]), tied: tied, score: least.bytes)
        }
    }

    /// Each class's training items concatenated in their order, cut to the compressor's window
    /// (``CompressorSpec/window``: the last 32,506 bytes for deflate, the last 64 MiB for lzma:9):
    /// what lies further back could not be referenced by the item anyway.
    public func classTexts(_ training: LabelledTexts) -> [[UInt8]] {
        var texts = [[UInt8]](repeating: [], count: training.classes.count)
        for (item, label) in zip(training.items, training.labels) { texts[label] += item }
        let window = compressor.window
        return texts.map { $0.count > window ? Array($0.suffix(window)) : $0 }
    }

    /// costs[c * |test| + i]: test item i's cost given class text c.
    func classCosts(_ test: [[UInt8]], classTexts: [[UInt8]]) throws -> [CodeLength] {
        let block = 256
        let blocks = (test.count + block - 1) / block
        let score = self.score
        // C(class) once per class, not once per block of items.
        let alone = score == .difference
            ? try DistanceMatrixBuilder(compressor: compressor, jobs: jobs, verify: verify).complexities(of: classTexts) : []
        let (spec, verify) = (compressor, self.verify)
        // Tasks go class by class, block by block, so their sizes joined are costs in their order.
        let sizes = try Parallel.map(count: classTexts.count * blocks, jobs: jobs, worker: { try Compressor(spec, verify: verify) }) { task, compressor in
            let c = task / blocks
            let range = (task % blocks) * block ..< min(test.count, (task % blocks + 1) * block)
            let text = classTexts[c]
            switch score {
            case .primed:
                return try compressor.conditionalCodeLengths(ofEach: test[range], given: text)
            case .difference:
                return try compressor.codeLengths(of: text, followedByEach: test[range]).map { $0 - alone[c] }
            }
        }
        return Array(sizes.joined())
    }
}
