import Foundation
import PromModel
import Dashboards

/// state-timeline and status-history (public/app/plugins/panel/state-timeline): each series
/// a row, each value displayed through the field config (mappings, thresholds, unit) and
/// coloured by it; the timeline merges equal neighbours (`mergeValues`, on by default).
enum StateTimelineBuilder {
    static func build(panel: Panel, frames: [SeriesFrame], data: PanelData, theme: Theme) -> StateTimelineModel {
        let discrete = panel.type == "status-history"
        let merge = !discrete && panel.options.raw["mergeValues"]?.bool != false
        let timestamps = frames.flatMap { $0.samples.map(\.timestamp) }
        let start = data.range?.start ?? timestamps.min() ?? data.time
        let end = max(data.range?.end ?? timestamps.max() ?? data.time, start + 1)
        let step = data.range?.step ?? TimeSeriesBuilder.inferredStep(frames)
        let (min, max) = StatBuilder.bounds(panel: panel, frames: frames)
        let rows = frames.map { frame -> StateTimelineModel.Row in
            let config = frame.fieldConfig(panel)
            let processor = DisplayProcessor(config: config, min: config.min ?? min, max: config.max ?? max, seriesColor: frame.colorName)
            let samples = frame.samples.sorted { $0.timestamp < $1.timestamp }
            var segments: [StateTimelineModel.Segment] = []
            for (index, sample) in samples.enumerated() where !sample.value.isNaN {
                let next = index + 1 < samples.count ? samples[index + 1].timestamp : Swift.min(end, sample.timestamp + step)
                let display = processor.display(sample.value)
                let color = display.color ?? ValueColor(name: frame.colorName)
                if merge, let last = segments.last, last.text == display.text, last.end >= sample.timestamp {
                    segments[segments.count - 1].end = next
                    continue
                }
                segments.append(.init(start: sample.timestamp, end: Swift.max(next, sample.timestamp + 1), text: Sanitizer.visible(display.text), color: color))
            }
            return StateTimelineModel.Row(name: frame.name, segments: segments)
        }
        let showValues = (panel.options.raw["showValue"]?.string ?? "auto") != "never"
        return StateTimelineModel(rows: rows, start: start, end: end, showValues: showValues, discrete: discrete)
    }
}

/// histogram (public/app/plugins/panel/histogram, buildHistogram in grafana-data): every
/// finite value of every series counted into buckets of `bucketSize` from `bucketOffset`;
/// without a size, about `bucketCount` (30) buckets over the data's range, rounded to a
/// 1-2-5 step.
enum HistogramBuilder {
    static func build(panel: Panel, frames: [SeriesFrame]) -> HistogramModel {
        let values = frames.flatMap { $0.samples.map(\.value) }.filter(\.isFinite)
        let options = panel.options.raw
        let config = panel.fieldConfig.defaults
        let processor = DisplayProcessor(config: config, min: values.min() ?? 0, max: values.max() ?? 1)
        guard let low = values.min(), let high = values.max() else { return HistogramModel(buckets: [], processor: processor) }
        let offset = options["bucketOffset"]?.lenientNumber ?? 0
        var size = options["bucketSize"]?.lenientNumber ?? 0
        if !(size > 0) {
            let count = Double(options["bucketCount"]?.lenientInt.flatMap { $0 > 0 ? $0 : nil } ?? 30)
            size = niceStep((high - low) / count)
        }
        let first = ((low - offset) / size).rounded(.down), last = ((high - offset) / size).rounded(.down)
        // A runaway range (tiny size, huge spread) is capped rather than allocating millions of buckets.
        let count = Int(Swift.min(last - first + 1, 1000))
        var counts = Array(repeating: 0.0, count: Swift.max(count, 1))
        for value in values {
            let index = Int(((value - offset) / size).rounded(.down) - first)
            if index >= 0 && index < counts.count { counts[index] += 1 }
        }
        let buckets = counts.enumerated().map { index, n in
            HistogramModel.Bucket(lower: offset + (first + Double(index)) * size, upper: offset + (first + Double(index) + 1) * size, count: n)
        }
        return HistogramModel(buckets: buckets, processor: processor)
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at least `raw` (1 for an empty range).
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw { return factor * magnitude }
        return 10 * magnitude
    }
}
