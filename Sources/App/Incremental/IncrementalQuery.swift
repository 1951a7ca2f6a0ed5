import PromModel

/// Grafana's incremental querying for range queries (grafana-prometheus's
/// `querycache/QueryCache.ts`): a refresh of the same query over a window that moved forward
/// asks only the new tail plus an overlap, and the answer is merged into the series kept from
/// the last answer; what left the window is dropped. Pure: the cache that holds the kept
/// series is `IncrementalQueryCache`.
public struct IncrementalOptions: Hashable, Sendable {
    public var enabled: Bool
    /// How far before the last answer's end the tail starts again, so that samples that came in
    /// late (scrapes still in flight, rule evaluations) replace the points computed without them.
    public var overlapMs: Int64

    /// Grafana's `defaultPrometheusQueryOverlapWindow`.
    public static let defaultOverlapMs: Int64 = 600_000

    public init(enabled: Bool = true, overlapMs: Int64 = IncrementalOptions.defaultOverlapMs) {
        self.enabled = enabled
        self.overlapMs = overlapMs
    }

    public static let off = IncrementalOptions(enabled: false)
}

/// What was kept of one query's last answer.
struct IncrementalEntry: Hashable, Sendable {
    /// The window and any input outside the expression it depends on; a change is a full query.
    var signature: String
    var range: QueryRange
    var series: [Series]
}

enum IncrementalQuery {
    /// The range to ask given what is kept: nil for a full query. As Grafana: only when the new
    /// window follows the last one (`newFrom <= prevTo`, the end not going back), the tail from
    /// `prevTo - overlap` (never before the window) floored onto the query's grid. Unlike
    /// Grafana, an unchanged end is partial too: the plan puts the end on the step's grid
    /// (`QueryPlan.rangeBounds`; a step coarser than the lookback allows is asked whole), so
    /// most refreshes ask the same range, and only its tail can have new samples. The grid
    /// must be the one a full query evaluates at (same step, start a whole number of steps
    /// away), or the merged points would not be a full query's.
    static func tail(of entry: IncrementalEntry?, for range: QueryRange, signature: String, overlapMs: Int64) -> QueryRange? {
        guard let entry, entry.signature == signature, entry.range.step == range.step, range.step > 0 else { return nil }
        let previous = entry.range
        guard range.end >= previous.end, range.start <= previous.end, range.start >= previous.start,
              (range.start - previous.start) % range.step == 0 else { return nil }
        let from = max(previous.end - max(0, overlapMs), range.start)
        let start = range.start + (from - range.start) / range.step * range.step
        return QueryRange(start: start, end: range.end, step: range.step)
    }

    /// The kept series within `range` before the tail's start, with the tail's points after;
    /// series new in the tail are added and series left with no point are dropped. The order is
    /// the labels' order when both inputs have it (Prometheus sorts a matrix by labels), else
    /// the kept order with new series after.
    static func merge(kept: [Series], tail: [Series], tailStart: Timestamp, range: QueryRange) -> [Series] {
        var index: [Labels: Int] = [:]
        var merged: [Series] = []
        merged.reserveCapacity(max(kept.count, tail.count))
        for series in kept {
            let samples = series.samples.filter { $0.timestamp >= range.start && $0.timestamp < tailStart }
            index[series.labels] = merged.count
            merged.append(Series(labels: series.labels, samples: samples))
        }
        for series in tail {
            let samples = series.samples.filter { $0.timestamp >= tailStart && $0.timestamp <= range.end }
            if let at = index[series.labels] {
                merged[at].samples.append(contentsOf: samples)
            } else {
                index[series.labels] = merged.count
                merged.append(Series(labels: series.labels, samples: samples))
            }
        }
        merged.removeAll { $0.samples.isEmpty }
        if isSorted(kept), isSorted(tail) { merged.sort { $0.labels < $1.labels } }
        return merged
    }

    private static func isSorted(_ series: [Series]) -> Bool {
        zip(series, series.dropFirst()).allSatisfy { $0.labels < $1.labels }
    }
}
