import Foundation

/// One axis of a chart: how data values map to a length on the page, and its marked values.
struct Axis {
    enum Scale { case linear, logarithmic }

    let scale: Scale
    /// The ends of the axis, in data values (positive for a logarithmic axis).
    let low: Double
    let high: Double
    let ticks: [(value: Double, label: String)]
    /// The axis's title.
    let title: String

    /// A linear axis from `low` to `high` with the given marks.
    init(linear low: Double, _ high: Double, ticks: [(value: Double, label: String)], title: String) {
        scale = .linear
        (self.low, self.high) = low < high ? (low, high) : (low - 0.5, low + 0.5)
        self.ticks = ticks
        self.title = title
    }

    /// A linear axis over `values` (and over 0 when `fromZero`), its ends rounded out to steps of
    /// 1, 2 or 5 times a power of ten, about `marks` of them, each marked.
    init(covering values: [Double], fromZero: Bool, marks: Int = 5, title: String) {
        let finite = values.filter(\.isFinite)
        var top = finite.max() ?? 1, bottom = finite.min() ?? 0
        if fromZero { top = max(top, 0); bottom = min(bottom, 0) }
        if top == bottom { top += 0.5; bottom -= 0.5 }
        let rough = (top - bottom) / Double(marks)
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? rough
        let (low, high) = ((bottom / step).rounded(.down) * step, (top / step).rounded(.up) * step)
        let ticks = (0...Int(((high - low) / step).rounded())).map { index -> (value: Double, label: String) in
            let value = ((low + step * Double(index)) / step).rounded() * step
            return (value, String(format: "%g", value))
        }
        self.init(linear: low, high, ticks: ticks, title: title)
    }

    /// A logarithmic axis over the positive `values` and the marks `ticks`.
    init(logarithmicCovering values: [Double], ticks: [(value: Double, label: String)], title: String) {
        let logs = (values + ticks.map(\.value)).filter { $0 > 0 && $0.isFinite }.map(log10)
        let low = logs.min() ?? 0
        scale = .logarithmic
        self.low = pow(10, low)
        self.high = pow(10, max(logs.max() ?? 1, low + 1e-9))
        self.ticks = ticks
        self.title = title
    }

    /// Whether `value` can be placed on the axis.
    func contains(_ value: Double) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }

    /// Where `value` falls between the ends, from 0 (low) to 1 (high).
    func fraction(_ value: Double) -> Double {
        switch scale {
        case .linear: (value - low) / (high - low)
        case .logarithmic: (log10(value) - log10(low)) / (log10(high) - log10(low))
        }
    }
}
