import Foundation

/// Every picture Kolmo draws, as SVG text: trees (``dendrogram(_:labels:groups:title:)``),
/// matrices (``heatmap(order:labels:title:values:)``) and charts (``chart(_:title:xAxis:yAxis:xTicks:lines:)``,
/// ``histograms(title:axis:series:bins:)``, ``roc(title:curves:)``), which share one set of
/// axes, ticks and legends (``Chart``).
public enum Drawing {
    /// Colours for up to 20 groups (Kelly's and Tableau's distinct colours); more groups reuse them.
    package static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
        "#393b79", "#ad494a", "#637939", "#e6550d", "#6b6ecf", "#843c39", "#d6616b", "#3182bd", "#8ca252", "#636363",
    ]

    /// The colour of the `index`-th group or series.
    package static func colour(_ index: Int) -> String {
        palette[index % palette.count]
    }

    /// Text made safe inside an SVG element or attribute.
    package static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A coordinate, rounded to a tenth of a pixel.
    package static func number(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }

    /// A whole SVG document: a white page of `width` x `height` with `title` at the top left.
    package static func document(
        width: Double, height: Double, title: String, fontSize: String = "11", namespaces: String = "", body: String
    ) -> String {
        let (w, h) = (Int(width), Int(height))
        return """
            <svg xmlns="http://www.w3.org/2000/svg"\(namespaces) width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" font-family="sans-serif" font-size="\(fontSize)">
            <rect width="100%" height="100%" fill="white"/>
            <text x="16" y="22" font-size="14">\(escaped(title))</text>
            \(body)</svg>

            """
    }
}
