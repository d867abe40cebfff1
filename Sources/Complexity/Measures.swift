/// The compression-based measures, as pure functions of compressed sizes.
///
/// Each takes sizes in one unit (bytes or bits: the measures are ratios, so the unit cancels)
/// and is written exactly as its paper defines it, so a matrix of sizes computed elsewhere
/// gives the same doubles.
public enum Measures {
    /// Normalized compression distance (Li, Chen, Li, Ma and Vitányi 2004, "The similarity metric";
    /// Cilibrasi and Vitányi 2005, "Clustering by compression"):
    ///
    ///     NCD(x, y) = (C(xy) - min(C(x), C(y))) / max(C(x), C(y))
    ///
    /// 0 for identical inputs under an ideal compressor, about 1 for unrelated ones; a real
    /// compressor gives values slightly above 0 for x = x and up to about 1.1.
    /// Every stream has at least one byte, so the denominator is never 0.
    public static func ncd(cx: Double, cy: Double, cxy: Double) -> Double {
        (cxy - min(cx, cy)) / max(cx, cy)
    }

    /// Compression-based dissimilarity measure (Keogh, Lonardi and Ratanamahatana 2004,
    /// "Towards parameter-free data mining"):
    ///
    ///     CDM(x, y) = C(xy) / (C(x) + C(y))
    ///
    /// About 0.5 for identical inputs and about 1 for unrelated ones.
    public static func cdm(cx: Double, cy: Double, cxy: Double) -> Double {
        cxy / (cx + cy)
    }

    /// NCD with the joint complexity written by the chain rule, C(xy) ~ C(x) + C(y|x), where
    /// C(y|x) is measured directly by a compressor primed with x:
    ///
    ///     NCD_primed(x, y) = (C(x) + C(y|x) - min(C(x), C(y))) / max(C(x), C(y))
    public static func primedNCD(cx: Double, cy: Double, cyGivenX: Double) -> Double {
        (cx + cyGivenX - min(cx, cy)) / max(cx, cy)
    }
}
