import Foundation

/// Two directories of documents and which document of Y translates which of X: by file name
/// (ignoring the extension), or from a TSV of (x name, y name) rows.
struct TranslationInputs {
    let x: [Item]
    let y: [Item]
    /// truth[i]: the index in `y` of x[i]'s translation.
    let truth: [Int]

    init(x xDirectory: String, y yDirectory: String, truth truthPath: String?, include: String?, reader: InputReader) throws {
        for directory in [xDirectory, yDirectory] where try !InputReader.isDirectory(directory) {
            throw FileProblem(path: directory, problem: "is a file; expected a directory of documents")
        }
        var collector = ItemCollector(include: include, reader: reader)
        let x = try collector.collect([xDirectory])
        let y = try collector.collect([yDirectory])
        for item in x + y where item.bytes.isEmpty {
            throw FileProblem(path: item.path, problem: "is empty; every document needs text to be paired")
        }
        let truth = try truthPath.map { try Self.readTruth($0, x: x, y: y) } ?? Self.truthByName(x: x, y: y, xDirectory: xDirectory, yDirectory: yDirectory)
        self.x = truth.map { x[$0.x] }
        self.y = y
        self.truth = truth.map(\.y)
    }

    private static func truthByName(x: [Item], y: [Item], xDirectory: String, yDirectory: String) throws -> [(x: Int, y: Int)] {
        let yIndex = Dictionary(y.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { first, _ in first })
        let xLabels = Set(x.map(\.label))
        let pairs = x.enumerated().compactMap { i, item in yIndex[item.label].map { (x: i, y: $0) } }
        if pairs.isEmpty {
            throw FileProblem(path: xDirectory, problem: "no file name in common with \(yDirectory) (extensions ignored); name translations alike or give --truth TSV")
        }
        if let lonely = x.first(where: { yIndex[$0.label] == nil }) {
            throw FileProblem(path: lonely.path, problem: "no file named \(lonely.label) in \(yDirectory) (\(x.count) files in X, \(y.count) in Y, \(pairs.count) in common); give --truth TSV for other names")
        }
        if let lonely = y.first(where: { !xLabels.contains($0.label) }) {
            throw FileProblem(path: lonely.path, problem: "no file named \(lonely.label) in \(xDirectory) (\(x.count) files in X, \(y.count) in Y, \(pairs.count) in common); give --truth TSV for other names")
        }
        return pairs
    }

    /// A header row, then one row per pair: the name of a document of X, a tab, the name of its
    /// translation in Y (names as `kolmo matrix` labels them: file names without extension).
    private static func readTruth(_ path: String, x: [Item], y: [Item]) throws -> [(x: Int, y: Int)] {
        var reader = InputReader(allowsBinary: false)
        let text = String(decoding: try reader.read(path).bytes, as: UTF8.self)
        let xIndex = Dictionary(x.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { first, _ in first })
        let yIndex = Dictionary(y.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [(x: Int, y: Int)] = []
        var seenX = Set<Int>(), seenY = Set<Int>()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { ItemCollector.withoutExtension(String($0)) }
            func fail(_ problem: String) -> FileProblem { FileProblem(path: path, line: number + 1, problem: problem) }
            guard fields.count == 2 else { throw fail("expected 2 tab-separated columns (x name, y name), found \(fields.count)") }
            guard let i = xIndex[fields[0]] else { throw fail("no document named '\(fields[0])' in X") }
            guard let j = yIndex[fields[1]] else { throw fail("no document named '\(fields[1])' in Y") }
            guard seenX.insert(i).inserted else { throw fail("'\(fields[0])' is paired twice") }
            guard seenY.insert(j).inserted else { throw fail("'\(fields[1])' is paired twice") }
            pairs.append((i, j))
        }
        if pairs.isEmpty { throw FileProblem(path: path, problem: "no pairs after the header row") }
        if pairs.count != x.count || pairs.count != y.count {
            throw FileProblem(path: path, problem: "pairs \(pairs.count) documents, but X has \(x.count) and Y has \(y.count): every document needs exactly one translation")
        }
        return pairs
    }
}
