/// The quartet tree score of Cilibrasi and Vitányi ("Clustering by compression", 2005).
///
/// Every set of four items {u, v, w, x} has three topologies, uv|wx, uw|vx and ux|vw, costing
/// d(u,v) + d(w,x) and so on. A tree embeds one of them for each quartet. C_T sums the embedded
/// topologies' costs, m sums the cheapest and M the dearest, and
///
///     S(T) = (M - C_T) / (M - m)
///
/// is 1 for a tree that embeds the cheapest topology of every quartet (for example the tree of
/// a tree metric) and 0 for one that embeds the dearest.
public enum Quartets {
    /// S(T) of `tree` for the distances `d` (1 when all topologies cost the same).
    /// - Complexity: O(n⁴ / 24): every quartet once.
    public static func score(of tree: Tree, _ d: Distances) -> Double {
        let (cost, best, worst) = costs(tree.edgeDistances(), d)
        return worst == best ? 1 : (worst - cost) / (worst - best)
    }

    /// (C_T, m, M) for a tree given by its topological distances `edges`.
    static func costs(_ edges: [[Int]], _ d: Distances) -> (cost: Double, best: Double, worst: Double) {
        let n = d.count
        guard n >= 4 else { return (0, 0, 0) }
        let flatEdges = edges.flatMap { $0.map(Int32.init) }
        let flatDistances = (0..<n).flatMap { i in (0..<n).map { j in d[i, j] } }
        var cost = 0.0, best = 0.0, worst = 0.0
        flatEdges.withUnsafeBufferPointer { e in
            flatDistances.withUnsafeBufferPointer { w in
                for a in 0..<n {
                    for b in (a + 1)..<n {
                        let eab = e[a * n + b], wab = w[a * n + b]
                        for c in (b + 1)..<n {
                            let eac = e[a * n + c], ebc = e[b * n + c], wac = w[a * n + c], wbc = w[b * n + c]
                            for x in (c + 1)..<n {
                                let t1 = eab + e[c * n + x], t2 = eac + e[b * n + x], t3 = e[a * n + x] + ebc
                                let c1 = wab + w[c * n + x], c2 = wac + w[b * n + x], c3 = w[a * n + x] + wbc
                                cost += t1 < t2 && t1 < t3 ? c1 : (t2 < t3 ? c2 : c3)
                                best += min(c1, c2, c3)
                                worst += max(c1, c2, c3)
                            }
                        }
                    }
                }
            }
        }
        return (cost, best, worst)
    }
}
