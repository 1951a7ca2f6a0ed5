import Foundation
import PromModel
import Dashboards

/// Reduced values for stat, gauge and bar gauge panels.
enum StatBuilder {
    static func reduced(panel: Panel, frames: [SeriesFrame], min: Double, max: Double) -> [ReducedValue] {
        let calc = panel.options.reduceOptions.calcs.first ?? "lastNotNull"
        var values: [ReducedValue] = []
        for frame in frames {
            let config = frame.fieldConfig(panel)
            // An override's min/max bounds its own field; the others share the panel's.
            let processor = DisplayProcessor(config: config, min: config.min ?? min, max: config.max ?? max, seriesColor: frame.colorName)
            if panel.options.reduceOptions.values {
                for sample in frame.samples {
                    values.append(ReducedValue(name: frame.name, display: processor.display(sample.value)))
                }
            } else {
                let value = Reducer.reduce(frame.samples, id: calc)
                let sparkline = frame.samples.map { $0.value.isNaN ? nil : Optional($0.value) }
                // Frames from seriesFrames are already renamed; hand-built ones take the default displayName.
                let name = frame.config == nil ? config.displayName.map { FieldOverrides.rename($0, labels: frame.labels, original: frame.name) } ?? frame.name : frame.name
                values.append(ReducedValue(name: name, display: processor.display(value), sparkline: sparkline))
            }
        }
        if let limit = panel.options.reduceOptions.limit, limit > 0 { values = Array(values.prefix(limit)) }
        return values
    }

    /// Grafana's automatic min/max: the configured bounds, else the data's range (from 0).
    static func bounds(panel: Panel, frames: [SeriesFrame]) -> (Double, Double) {
        let config = panel.fieldConfig.defaults
        let all = frames.flatMap { $0.samples.map(\.value) }.filter { $0.isFinite }
        let min = config.min ?? Swift.min(0, all.min() ?? 0)
        var max = config.max ?? (all.max() ?? 100)
        if config.unit == "percentunit", config.max == nil { max = Swift.max(max, 1) }
        if config.unit == "percent", config.max == nil { max = Swift.max(max, 100) }
        if max <= min { max = min + 1 }
        return (min, max)
    }

    static func markers(panel: Panel, min: Double, max: Double) -> [ThresholdMarker] {
        let thresholds = panel.fieldConfig.defaults.thresholds ?? defaultThresholds
        return thresholds.absoluteValues(min: min, max: max)
            .filter { $0.value > min && $0.value < max }
            .map { ThresholdMarker(value: $0.value, color: ValueColor(name: $0.color, level: $0.index)) }
    }

    static func stat(panel: Panel, frames: [SeriesFrame]) -> StatModel {
        let (min, max) = bounds(panel: panel, frames: frames)
        return StatModel(
            values: reduced(panel: panel, frames: frames, min: min, max: max),
            colorMode: panel.options.colorMode ?? "value",
            showSparkline: (panel.options.graphMode ?? "area") == "area",
            textMode: panel.options.textMode ?? "auto",
            orientation: panel.options.orientation ?? "auto")
    }

    static func gauge(panel: Panel, frames: [SeriesFrame]) -> GaugeModel {
        let (min, max) = bounds(panel: panel, frames: frames)
        return GaugeModel(values: reduced(panel: panel, frames: frames, min: min, max: max), min: min, max: max,
                          markers: markers(panel: panel, min: min, max: max),
                          showMarkers: panel.options.showThresholdMarkers ?? true,
                          baseColor: (panel.fieldConfig.defaults.thresholds ?? defaultThresholds).steps.first.map { ValueColor(name: $0.color) })
    }

    static func barGauge(panel: Panel, frames: [SeriesFrame]) -> BarGaugeModel {
        let (min, max) = bounds(panel: panel, frames: frames)
        let mode = BarGaugeModel.Mode(rawValue: panel.options.displayMode ?? "gradient") ?? .gradient
        return BarGaugeModel(values: reduced(panel: panel, frames: frames, min: min, max: max), min: min, max: max,
                             markers: markers(panel: panel, min: min, max: max), mode: mode,
                             vertical: panel.options.orientation == "vertical")
    }
}

extension String {
    /// `${__field.labels.job}` → `{{job}}`, `${__series.name}` left for the caller.
    var replacingFieldLabels: String {
        var text = self
        while let start = text.range(of: "${__field.labels.") {
            guard let end = text[start.upperBound...].firstIndex(of: "}") else { break }
            let key = text[start.upperBound..<end]
            text.replaceSubrange(start.lowerBound...end, with: "{{\(key)}}")
        }
        return text
    }
}
