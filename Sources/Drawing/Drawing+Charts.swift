extension Drawing {
    /// A chart with a logarithmic x axis: each series in its own colour, as labelled points or
    /// as lines through its points, with a legend. `xTicks` places the x axis's marks; the y axis
    /// runs from 0 (or below) in round steps.
    public static func chart(
        _ series: [ChartSeries], title: String, xAxis: String, yAxis: String,
        xTicks: [(value: Double, label: String)], lines: Bool
    ) -> String {
        let points = series.flatMap(\.points).filter { $0.x > 0 && $0.x.isFinite && $0.y.isFinite }
        let chart = Chart(
            x: Axis(logarithmicCovering: points.map(\.x), ticks: xTicks, title: xAxis),
            y: Axis(covering: points.map(\.y), fromZero: true, title: yAxis),
            layers: series.map { Chart.Layer(name: $0.name, points: $0.points, mark: lines ? .line : .points) })
        return chart.rendered(title: title)
    }

    /// Histograms of several samples on shared bins, each normalised to a density so that
    /// samples of different sizes compare (many more non-translations than translations).
    public static func histograms(title: String, axis: String, series: [(name: String, values: [Double])], bins: Int = 40) -> String {
        let all = series.flatMap(\.values).filter(\.isFinite)
        var low = all.min() ?? 0, high = all.max() ?? 1
        if low == high { low -= 0.5; high += 0.5 }
        let binWidth = (high - low) / Double(bins)
        let layers = series.map { entry in
            var counts = [Double](repeating: 0, count: bins)
            for value in entry.values where value.isFinite { counts[min(bins - 1, Int((value - low) / binWidth))] += 1 }
            let scale = Double(max(1, entry.values.count)) * binWidth
            // Each bin as a step: its left and right edges at its density.
            let steps = counts.enumerated().flatMap { bin, count in
                [ChartPoint(x: low + Double(bin) * binWidth, y: count / scale), ChartPoint(x: low + Double(bin + 1) * binWidth, y: count / scale)]
            }
            return Chart.Layer(name: "\(entry.name) (n = \(entry.values.count))", points: steps, mark: .area)
        }
        let chart = Chart(
            x: Axis(covering: [low, high], fromZero: false, title: axis),
            y: Axis(covering: layers.flatMap { $0.points.map(\.y) }, fromZero: true, title: "density"),
            layers: layers, width: 760, height: 420)
        return chart.rendered(title: title)
    }

    /// ROC curves, true positive rate against false positive rate, with the chance diagonal.
    public static func roc(title: String, curves: [(name: String, points: [(Double, Double)])]) -> String {
        let quarters = stride(from: 0.0, through: 1.0, by: 0.25).map { (value: $0, label: String($0)) }
        let chart = Chart(
            x: Axis(linear: 0, 1, ticks: quarters, title: "false positive rate (other pairs scored as translations)"),
            y: Axis(linear: 0, 1, ticks: quarters, title: "true positive rate"),
            layers: curves.map { Chart.Layer(name: $0.name, points: $0.points.map { ChartPoint(x: $0.0, y: $0.1) }, mark: .curve) }
                + [Chart.Layer(name: "chance", points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 1, y: 1)], mark: .reference)],
            width: 760, height: 420)
        return chart.rendered(title: title)
    }
}
