import PromModel
import Dashboards

/// Native histograms from a server, drawn as Grafana draws the heatmap-cells frames its
/// Prometheus converter makes of them (pkg/promlib/converter/prom.go: one frame per series
/// of xMax = time, yMin/yMax = bucket bounds, count; the histogram's count and sum dropped).
enum NativeHistogramViews {
    /// The heatmap panel draws the first heatmap-cells frame only
    /// (public/app/plugins/panel/heatmap/fields.ts, prepareHeatmapData): so, the first series
    /// holding histograms. Rows are its distinct buckets, lowest first; Grafana puts them on a
    /// log₂ y axis, where a schema's exponential buckets are evenly spaced, which is what one
    /// row per bucket draws. Counts are per bucket already (not cumulative like `le`).
    /// Nil when no series holds a histogram.
    static func heatmap(panel: Panel, frames: [SeriesFrame]) -> HeatmapModel? {
        guard let frame = frames.first(where: { !$0.histograms.isEmpty }) else { return nil }
        let times = Array(Set(frame.histograms.map(\.timestamp))).sorted()
        let column = Dictionary(uniqueKeysWithValues: times.enumerated().map { ($1, $0) })
        let bounds = distinctBuckets(frame.histograms)
        let row = Dictionary(uniqueKeysWithValues: bounds.enumerated().map { (BucketKey($1.lower, $1.upper), $0) })
        var counts = Array(repeating: Array(repeating: 0.0, count: bounds.count), count: times.count)
        for point in frame.histograms {
            guard let x = column[point.timestamp] else { continue }
            for bucket in point.histogram.buckets where bucket.count.isFinite {
                if let y = row[BucketKey(bucket.lower, bucket.upper)] { counts[x][y] += bucket.count }
            }
        }
        let unit = panel.options.raw["yAxis"]?["unit"]?.string ?? panel.fieldConfig.defaults.unit
        let labels = bounds.map { ValueFormat.format($0.upper, unit: unit).description }
        return HeatmapModel(buckets: labels, times: times, counts: counts, maxCount: counts.flatMap { $0 }.max() ?? 0)
    }

    /// The histogram panel on heatmap cells (grafana-data's histogram.ts, getHistogramFields):
    /// one bar per distinct upper bound, its counts summed over every time, here over every
    /// histogram series too. Nil when no series holds a histogram.
    static func histogram(panel: Panel, frames: [SeriesFrame]) -> HistogramModel? {
        let points = frames.flatMap(\.histograms)
        guard !points.isEmpty else { return nil }
        var byUpper: [Double: (lower: Double, count: Double)] = [:]
        for point in points {
            for bucket in point.histogram.buckets where bucket.count.isFinite {
                let entry = byUpper[bucket.upper] ?? (bucket.lower, 0)
                byUpper[bucket.upper] = (Swift.min(entry.lower, bucket.lower), entry.count + bucket.count)
            }
        }
        let buckets = byUpper.keys.sorted().compactMap { upper in
            byUpper[upper].map { HistogramModel.Bucket(lower: $0.lower, upper: upper, count: $0.count) }
        }
        let config = panel.fieldConfig.defaults
        let processor = DisplayProcessor(config: config, min: buckets.first?.lower ?? 0, max: buckets.last?.upper ?? 1)
        return HistogramModel(buckets: buckets, processor: processor)
    }

    private struct BucketKey: Hashable {
        var lower: UInt64
        var upper: UInt64
        init(_ lower: Double, _ upper: Double) {
            // Bit patterns: a NaN bound (hostile input) still hashes and compares equal to itself.
            self.lower = lower.bitPattern
            self.upper = upper.bitPattern
        }
    }

    /// Every (lower, upper) that occurs, ordered by upper then lower bound.
    private static func distinctBuckets(_ points: [HistogramSample]) -> [(lower: Double, upper: Double)] {
        var seen = Set<BucketKey>()
        var bounds: [(lower: Double, upper: Double)] = []
        for point in points {
            for bucket in point.histogram.buckets where seen.insert(BucketKey(bucket.lower, bucket.upper)).inserted {
                bounds.append((bucket.lower, bucket.upper))
            }
        }
        return bounds.sorted { ($0.upper, $0.lower) < ($1.upper, $1.lower) }
    }
}
