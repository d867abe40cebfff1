@testable import Drawing
import Clustering
import Compressors
import TestSupport
import Testing

private let textbook = Distances(textbookRows)

@Suite struct DrawingTests {
    /// Every PNG ends with the chunk IEND, whose CRC-32 is AE 42 60 82; CRC-32 of "123456789"
    /// is CBF43926 (the standard check value).
    @Test func crcMatchesTheStandardCheckValues() {
        #expect(PNG.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNG.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func pngHoldsTheScanlines() throws {
        let pixels: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9]
        let png = try PNG.encode(width: 2, height: 2, rgb: pixels)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png[12..<16]) == Array("IHDR".utf8) && Array(png[16..<24]) == [0, 0, 0, 2, 0, 0, 0, 2])
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
        let idatStart = 8 + 25
        let length = Int(png[idatStart]) << 24 | Int(png[idatStart + 1]) << 16 | Int(png[idatStart + 2]) << 8 | Int(png[idatStart + 3])
        let zlibStream = Array(png[(idatStart + 8)..<(idatStart + 8 + length)])
        let inflated = try Compressor(CompressorSpec(parsing: "zlib:9")).decompressed(zlibStream)
        #expect(inflated == [0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 9, 9, 9])
    }

    @Test func heatmapAndDendrogramNameEveryLeaf() throws {
        let labels = ["a", "b", "c", "d", "e"]
        let tree = Tree.linkage(textbook, method: .average).tree
        let heatmap = try Drawing.heatmap(order: tree.leafOrder, labels: labels, title: "t") { textbook[$0, $1] }
        #expect(heatmap.contains("data:image/png;base64,") && labels.allSatisfy { heatmap.contains(">\($0)</text>") })
        let dendrogram = Drawing.dendrogram(tree, labels: labels, groups: ["X", "X", "Y", "Y", nil], title: "t & <u>")
        #expect(dendrogram.contains("t &amp; &lt;u&gt;") && dendrogram.contains("X (2)") && dendrogram.contains(">e</text>"))
        #expect(tree.ascii(labels: labels).split(separator: "\n").count == 5)
    }

    /// The numbers every `x="..."` and `y="..."` attribute holds.
    static func coordinates(_ svg: String) -> [Double] {
        svg.split(separator: "\"").enumerated().compactMap { index, piece in index % 2 == 1 ? Double(piece) : nil }
    }

    @Test func chartsShareAxesTicksAndLegends() {
        let series = [
            ChartSeries(name: "deflate", points: [ChartPoint(x: 10, y: 2.5, label: "deflate:9"), ChartPoint(x: 100, y: 3.1)]),
            ChartSeries(name: "lzma & <co>", points: [ChartPoint(x: 1, y: 4.2), ChartPoint(x: -1, y: 9)]),
        ]
        let chart = Drawing.chart(series, title: "t", xAxis: "speed", yAxis: "ratio", xTicks: [(1, "1"), (10, "10"), (100, "100")], lines: true)
        // The y axis runs from 0 in steps of 1 (the largest drawable value is 4.2): 0 to 5.
        #expect((0...5).allSatisfy { chart.contains(">\($0)</text>") })
        #expect(chart.contains(">deflate</text>") && chart.contains(">lzma &amp; &lt;co&gt;</text>") && chart.contains(">deflate:9</text>"))
        // A point at x = -1 cannot sit on a logarithmic axis: it is left out, not drawn at NaN.
        #expect(!chart.contains("nan") && !chart.contains("inf"))

        let histograms = Drawing.histograms(title: "gaps", axis: "gap", series: [("translations", [1, 2, 2, 3]), ("other pairs", [0, 5, 5.5])], bins: 4)
        #expect(histograms.contains("translations (n = 4)") && histograms.contains("other pairs (n = 3)"))
        #expect(histograms.components(separatedBy: "<polygon").count == 3 && histograms.contains(">density</text>"))
        #expect(!histograms.contains("nan"))

        let roc = Drawing.roc(title: "roc", curves: [("ncd: AUC 0.900", [(0, 0), (0.1, 0.8), (1, 1)])])
        #expect(roc.contains("stroke-dasharray") && roc.contains("ncd: AUC 0.900") && !roc.contains(">chance</text>"))
        #expect(["0.0", "0.25", "0.5", "0.75", "1.0"].allSatisfy { roc.contains(">\($0)</text>") })
        for svg in [chart, histograms, roc] { #expect(Self.coordinates(svg).allSatisfy { $0.isFinite }) }
    }

    @Test func emptyChartsAreStillPictures() {
        #expect(Drawing.histograms(title: "none", axis: "gap", series: [("translations", [])]).hasPrefix("<svg"))
        #expect(Drawing.chart([], title: "none", xAxis: "x", yAxis: "y", xTicks: [], lines: false).hasPrefix("<svg"))
    }
}
