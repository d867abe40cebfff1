/// The distances between the five 5S rRNA sequences of the worked examples in Wikipedia's articles
/// on UPGMA, WPGMA, single and complete linkage (a: Bacillus subtilis, b: B. stearothermophilus,
/// c: Lactobacillus viridescens, d: Acholeplasma modicum, e: Micrococcus luteus).
public let textbookRows: [[Double]] = [
    [0, 17, 21, 31, 23],
    [17, 0, 30, 34, 21],
    [21, 30, 0, 28, 39],
    [31, 34, 28, 0, 43],
    [23, 21, 39, 43, 0],
]
