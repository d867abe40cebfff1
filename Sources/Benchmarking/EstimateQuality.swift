import Clustering
public import Compressors
import Complexity
import KolmoSupport

/// How well a compressor's sizes behave as complexity estimates on a set of files.
///
/// An ideal compressor gives NCD(x,x) = 0, C(xy) = C(yx) and C(xy) >= max(C(x), C(y)); a real
/// one strays from each, and beyond its window NCD(x,x) rises towards 1: the curve over prefix
/// sizes shows where.
public struct EstimateQuality: Hashable, Sendable {
    /// NCD(x, x) = (C(xx) - C(x)) / C(x) of each file, in order.
    public let selfDistances: [Double]
    /// NCD(p, p) for the prefixes p of the files' concatenation, in increasing size.
    public let curve: [CurvePoint]
    /// How many unordered pairs of distinct files the next two figures cover.
    public let pairs: Int
    /// The mean over pairs of |C(xy) - C(yx)| / C(xy); nil without pairs.
    public let meanSymmetryGap: Double?
    /// The largest of those gaps.
    public let maximumSymmetryGap: Double?
    /// How many of the 2 × `pairs` ordered concatenations have C(xy) < max(C(x), C(y)).
    public let concatenationsBelowMaximum: Int
    /// With labels: the adjusted Rand index between the label groups and the average-linkage
    /// (UPGMA) tree of the NCD matrix cut into as many clusters, as ``Evaluation`` computes it.
    public let adjustedRandIndex: Double?

    /// Measures `spec` on `files` and on prefixes of their concatenation of `prefixSizes` bytes,
    /// on `jobs` threads; the numbers do not depend on the thread that computed them.
    public init(_ spec: CompressorSpec, files: [[UInt8]], labels: [String]?, prefixSizes: [Int], jobs: Int = 1) throws {
        let n = files.count
        // Only the longest prefix is ever read.
        let concatenation = Array(files.joined().prefix(prefixSizes.max() ?? 0))
        // C(x_i) and C(x_i x_j) for all j (the diagonal is C(x_i x_i)), then C(p) and C(pp) per prefix.
        // The largest prefixes first (the engine hands tasks out in order), so that the small
        // tasks fill in at the end. Each thread reuses one compressor for all its tasks: a prefix
        // task gives [C(p), C(pp)], a file task [C(x_i), C(x_i x_0), ..., C(x_i x_(n-1))].
        let results = try Parallel.map(count: n + prefixSizes.count, jobs: jobs, worker: { try Compressor(spec) }) { task, compressor in
            if task < prefixSizes.count {
                let prefix = Array(concatenation.prefix(prefixSizes[prefixSizes.count - 1 - task]))
                return [try compressor.codeLength(of: prefix), try compressor.codeLength(of: prefix, followedBy: prefix)]
            }
            let file = files[task - prefixSizes.count]
            return [try compressor.codeLength(of: file)] + (try compressor.codeLengths(of: file, followedByEach: files))
        }
        let sizes = Array(results[prefixSizes.count...])
        let prefixSizesMeasured = results[..<prefixSizes.count].reversed().map { ($0[0], $0[1]) }
        let c = sizes.map { $0[0] }
        func joint(_ i: Int, _ j: Int) -> CodeLength { sizes[i][1 + j] }

        selfDistances = (0..<n).map { Measures.ncd(cx: c[$0].bytes, cy: c[$0].bytes, cxy: joint($0, $0).bytes) }
        curve = zip(prefixSizes, prefixSizesMeasured).map { bytes, pair in
            CurvePoint(bytes: bytes, ncd: Measures.ncd(cx: pair.0.bytes, cy: pair.0.bytes, cxy: pair.1.bytes))
        }
        var gaps: [Double] = []
        var below = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                gaps.append(abs((joint(i, j) - joint(j, i)).bytes) / joint(i, j).bytes)
                below += (joint(i, j) < max(c[i], c[j]) ? 1 : 0) + (joint(j, i) < max(c[i], c[j]) ? 1 : 0)
            }
        }
        pairs = gaps.count
        meanSymmetryGap = gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count)
        maximumSymmetryGap = gaps.max()
        concatenationsBelowMaximum = below
        if let labels, n >= 2 {
            let ncd = (0..<n).map { i in (0..<n).map { j in Measures.ncd(cx: c[i].bytes, cy: c[j].bytes, cxy: joint(i, j).bytes) } }
            let tree = Tree.linkage(Distances(ncd), method: .average).tree
            adjustedRandIndex = Evaluation(tree: tree, labels: labels).adjustedRandIndex
        } else {
            adjustedRandIndex = nil
        }
    }

    /// The mean of ``selfDistances``; nil without files.
    public var meanSelfDistance: Double? {
        selfDistances.isEmpty ? nil : selfDistances.reduce(0, +) / Double(selfDistances.count)
    }

    /// The smallest prefix whose NCD(p, p) exceeds `threshold`, and the smallest NCD(p, p) of
    /// the shorter prefixes by more than `rise`: where the window breaks, or where a learning
    /// codec's NCD(x, x), never near 0, starts to climb (its tables fill, its model restarts).
    /// For a stream codec, whose NCD(p, p) starts near 0, this is the first prefix above 0.5.
    public func curveBreak(above threshold: Double = 0.5, rise: Double = 0.25) -> Int? {
        Self.curveBreak(of: curve, above: threshold, rise: rise)
    }

    static func curveBreak(of curve: [CurvePoint], above threshold: Double, rise: Double) -> Int? {
        var least = Double.infinity
        for point in curve {
            if point.ncd > max(threshold, least + rise) { return point.bytes }
            least = min(least, point.ncd)
        }
        return nil
    }
}

/// NCD(p, p) for a prefix p of `bytes` bytes.
public struct CurvePoint: Hashable, Sendable {
    public let bytes: Int
    public let ncd: Double
}
