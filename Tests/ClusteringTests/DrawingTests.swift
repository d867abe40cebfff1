@testable import Clustering
import Compressors
import Testing

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
}
