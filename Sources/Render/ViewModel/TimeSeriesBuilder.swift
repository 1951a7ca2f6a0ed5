import PromModel
import Dashboards

enum TimeSeriesBuilder {
    /// Legend values when the dashboard asks for none: none, as Grafana does (its legend
    /// options' `legend.calcs` default is `[]`, packages/grafana-ui/src/options/builder/legend.tsx).
    static let defaultLegendCalcs: [String] = []

    static func build(panel: Panel, frames: [SeriesFrame], data: PanelData) -> TimeSeriesModel {
        let config = panel.fieldConfig.defaults
        // Without a query range, the data's own time span (scanned only then).
        let start = data.range?.start ?? frames.compactMap { $0.samples.lazy.map(\.timestamp).min() }.min() ?? data.time
        let end = data.range?.end ?? frames.compactMap { $0.samples.lazy.map(\.timestamp).max() }.max() ?? data.time
        let step = data.range?.step ?? inferredStep(frames)
        let processor = DisplayProcessor(config: config, min: config.min ?? 0, max: config.max ?? 1)
        let legend = panel.options.legend ?? LegendOptions()
        let calcs = legend.calcs.isEmpty ? defaultLegendCalcs : legend.calcs
        var stackKeys: [TimeSeriesStacking.Key?] = []
        let lines = frames.enumerated().map { index, frame -> TimeSeriesLine in
            // The axis keeps the panel's unit; an override's unit and decimals show in its legend values.
            let lineConfig = frame.fieldConfig(panel)
            let lineProcessor = DisplayProcessor(config: lineConfig, min: processor.min, max: processor.max)
            let colorName = lineConfig.colorMode == "fixed" ? (lineConfig.fixedColor ?? frame.colorName) : frame.colorName
            // Grafana's "hide series": custom.hideFrom.viz keeps the legend entry but draws
            // nothing (nor stretches the axis); hideFrom.legend drops the legend entry.
            let hidden = lineConfig.custom["hideFrom"]
            stackKeys.append(hidden?["viz"]?.bool == true ? nil : TimeSeriesStacking.key(lineConfig.custom, points: frame.samples))
            return TimeSeriesLine(name: frame.name, color: ValueColor(name: colorName),
                                  points: hidden?["viz"]?.bool == true ? [] : frame.samples,
                                  legendSamples: frame.samples, legendCalcs: calcs, legendProcessor: lineProcessor,
                                  inLegend: hidden?["legend"]?.bool != true, index: index)
        }
        // Legend values stay each series' own (as Grafana's); only the drawn points stack.
        let scale = config.custom["scaleDistribution"]
        let logBase = scale?["type"]?.string == "log" ? (scale?["log"]?.number ?? 2) : nil
        return TimeSeriesModel(
            lines: TimeSeriesStacking.apply(lines, keys: stackKeys), start: start, end: max(end, start + 1), fixedMin: config.min, fixedMax: config.max,
            processor: processor, showLegend: legend.showLegend && legend.displayMode != "hidden",
            legendCalcs: calcs, legendAsTable: legend.displayMode == "table", step: max(step, 1),
            logBase: logBase.flatMap { $0 > 1 ? $0 : nil })
    }

    static func inferredStep(_ frames: [SeriesFrame]) -> Int64 {
        var smallest = Int64.max
        for frame in frames {
            for (a, b) in zip(frame.samples, frame.samples.dropFirst()) where b.timestamp > a.timestamp {
                smallest = min(smallest, b.timestamp - a.timestamp)
            }
        }
        return smallest == .max ? 15000 : smallest
    }
}

enum PieBuilder {
    static func build(panel: Panel, frames: [SeriesFrame]) -> PieModel {
        let calc = panel.options.reduceOptions.calcs.first ?? "lastNotNull"
        let values = frames.map { Reducer.reduce($0.samples, id: calc) ?? 0 }
        let total = values.filter { $0 > 0 }.reduce(0, +)
        let slices = zip(frames, values).map { frame, value in
            let config = frame.fieldConfig(panel)
            let processor = DisplayProcessor(config: config, min: 0, max: total, seriesColor: frame.colorName)
            let colorName = config.colorMode == nil || config.colorMode?.hasPrefix("palette") == true ? frame.colorName : (processor.display(value).color?.name ?? frame.colorName)
            return PieSlice(name: frame.name, value: value, percent: total > 0 ? max(0, value) / total : 0,
                            color: ValueColor(name: colorName), text: processor.display(value).text)
        }
        let donut = panel.options.pieType == "donut"
        return PieModel(slices: slices, donut: donut)
    }
}

enum HeatmapBuilder {
    /// Prometheus histogram buckets (`le`) become rows, lowest first, de-cumulated; series
    /// without `le` become one row each as they are.
    static func build(frames: [SeriesFrame]) -> HeatmapModel {
        let times = Array(Set(frames.flatMap { $0.samples.map(\.timestamp) })).sorted()
        let index = Dictionary(uniqueKeysWithValues: times.enumerated().map { ($1, $0) })
        let bucketed = frames.allSatisfy { $0.labels["le"] != nil } && !frames.isEmpty
        var rows: [(label: String, bound: Double, values: [Double])] = []
        if bucketed {
            var byBound: [Double: (String, [Double])] = [:]
            for frame in frames {
                let label = frame.labels["le"] ?? ""
                let bound = parseBound(label)
                var entry = byBound[bound] ?? (label, Array(repeating: 0, count: times.count))
                for sample in frame.samples where sample.value.isFinite {
                    if let column = index[sample.timestamp] { entry.1[column] += sample.value }
                }
                byBound[bound] = entry
            }
            rows = byBound.keys.sorted().map { bound in (byBound[bound]?.0 ?? "", bound, byBound[bound]?.1 ?? []) }
            for row in stride(from: rows.count - 1, to: 0, by: -1) {
                for column in 0..<times.count {
                    rows[row].values[column] = max(0, rows[row].values[column] - rows[row - 1].values[column])
                }
            }
        } else {
            rows = frames.enumerated().map { offset, frame in
                var values = Array(repeating: 0.0, count: times.count)
                for sample in frame.samples where sample.value.isFinite {
                    if let column = index[sample.timestamp] { values[column] = sample.value }
                }
                return (frame.name, Double(offset), values)
            }
        }
        let counts = times.indices.map { column in rows.map { $0.values[column] } }
        let maxCount = counts.flatMap { $0 }.max() ?? 0
        return HeatmapModel(buckets: rows.map { $0.label == "+Inf" ? "+Inf" : $0.label }, times: times, counts: counts, maxCount: maxCount)
    }

    static func parseBound(_ label: String) -> Double {
        let trimmed = label.trimmingWhitespace
        if trimmed == "+Inf" || trimmed == "Inf" { return .infinity }
        return Double(trimmed) ?? .infinity
    }
}
