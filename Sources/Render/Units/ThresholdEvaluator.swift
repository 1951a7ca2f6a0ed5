import Dashboards

/// Grafana's default: green base, red from 80.
public let defaultThresholds = Thresholds(mode: .absolute, steps: [
    ThresholdStep(color: "green", value: nil), ThresholdStep(color: "red", value: 80),
])

extension Thresholds {
    /// The active step for a value and its index: the last step whose value is ≤ the value
    /// (as a percentage of min…max in percentage mode).
    public func activeStep(for value: Double, min: Double, max: Double) -> (step: ThresholdStep, index: Int)? {
        guard let base = steps.first else { return nil }
        let compared: Double
        switch mode {
        case .absolute: compared = value
        case .percentage: compared = max > min ? (value - min) / (max - min) * 100 : 0
        }
        var active = (step: base, index: 0)
        for (index, step) in steps.enumerated() {
            guard let threshold = step.value else { continue }
            if compared >= threshold { active = (step, index) }
        }
        return active
    }

    /// Step boundaries as absolute values (percentages resolved against min…max), skipping
    /// the base step; for gauge markers and threshold lines.
    public func absoluteValues(min: Double, max: Double) -> [(value: Double, color: String, index: Int)] {
        steps.enumerated().compactMap { index, step in
            guard let value = step.value else { return nil }
            let absolute = mode == .percentage ? min + (max - min) * value / 100 : value
            return (absolute, step.color, index)
        }
    }
}
