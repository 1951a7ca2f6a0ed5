import PromModel
import Synchronization

/// Sizes of what a store holds, for benchmarks and the demo's status line.
public struct StoreStatistics: Hashable, Sendable {
    public var seriesCount: Int
    public var sampleCount: Int
    /// Bytes of encoded sample data (chunk payloads, not labels or the index).
    public var sampleBytes: Int

    public var bytesPerSample: Double { sampleCount == 0 ? 0 : Double(sampleBytes) / Double(sampleCount) }
}

/// The embedded time-series store: series keyed by label set, a postings index for selector
/// matching, Gorilla-compressed samples.
///
/// One writer and any number of readers may use it concurrently: every operation takes a
/// mutex briefly; readers copy the (copy-on-write) chunk arrays out under the lock and decode
/// them after releasing it, so a long query never stalls ingestion.
public final class SeriesStore: Sendable {
    private struct State: Sendable {
        var series: [Int: MemSeries] = [:]
        var ids: [Labels: Int] = [:]
        var postings = Postings()
        var nextID = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Appends one sample; false when it is not newer than the series' last sample.
    @discardableResult
    public func append(_ labels: Labels, _ sample: Sample) -> Bool {
        state.withLock { Self.append(labels, sample, to: &$0) }
    }

    /// Appends many samples under one lock; returns how many were accepted.
    @discardableResult
    public func append(contentsOf samples: some Sequence<(Labels, Sample)>) -> Int {
        state.withLock { state in
            var accepted = 0
            for (labels, sample) in samples where Self.append(labels, sample, to: &state) { accepted += 1 }
            return accepted
        }
    }

    /// Appends one series' samples, oldest first, under one lock and one label lookup (a
    /// backfill); returns how many were accepted.
    @discardableResult
    public func append(_ labels: Labels, samples: some Sequence<Sample>) -> Int {
        state.withLock { state in
            var iterator = samples.makeIterator()
            guard let first = iterator.next() else { return 0 }
            var accepted = Self.append(labels, first, to: &state) ? 1 : 0
            guard let id = state.ids[labels], var series = state.series.removeValue(forKey: id) else { return accepted }
            while let sample = iterator.next() {
                if series.append(sample) { accepted += 1 }
            }
            state.series[id] = series
            return accepted
        }
    }

    private static func append(_ labels: Labels, _ sample: Sample, to state: inout State) -> Bool {
        if let id = state.ids[labels] {
            return state.series[id]!.append(sample)
        }
        let id = state.nextID
        state.nextID += 1
        var series = MemSeries(labels: labels)
        _ = series.append(sample)
        state.series[id] = series
        state.ids[labels] = id
        state.postings.add(id: id, labels: labels.map { (name: $0.name, value: $0.value) })
        return true
    }

    /// The series matching every matcher, with their samples in `start...end`, sorted by
    /// labels. Series without samples in the window are left out.
    public func select(_ matchers: [LabelMatcher], from start: Timestamp = .min, through end: Timestamp = .max) -> [Series] {
        let picked: [MemSeries] = state.withLock { state in
            Self.matchingIDs(matchers, in: state).compactMap { state.series[$0] }
        }
        var out: [Series] = []
        for series in picked {
            let samples = series.samples(from: start, through: end)
            if !samples.isEmpty { out.append(Series(labels: series.labels, samples: samples)) }
        }
        out.sort { $0.labels < $1.labels }
        return out
    }

    /// Label sets of the series matching every matcher with a sample in `start...end`.
    public func labelSets(matching matchers: [LabelMatcher], from start: Timestamp = .min, through end: Timestamp = .max) -> [Labels] {
        let found: [Labels] = state.withLock { state in
            Self.matchingIDs(matchers, in: state).compactMap { id in
                guard let series = state.series[id], let first = series.firstTimestamp,
                      let last = series.lastTimestamp, first <= end, last >= start else { return nil }
                return series.labels
            }
        }
        return found.sorted()
    }

    /// Every label name in the store, sorted.
    public func labelNames() -> [String] {
        state.withLock { $0.postings.byName.keys.sorted() }
    }

    /// Every value of one label in the store, sorted.
    public func labelValues(_ name: String) -> [String] {
        state.withLock { ($0.postings.byName[name]?.keys).map { $0.sorted() } ?? [] }
    }

    /// Retention: forgets samples older than `cutoff`, and series left without samples.
    public func dropSamples(before cutoff: Timestamp) {
        state.withLock { state in
            var emptied = Set<Int>()
            for id in Array(state.series.keys) {
                state.series[id]!.dropSamples(before: cutoff)
                if state.series[id]!.isEmpty { emptied.insert(id) }
            }
            for id in emptied {
                if let labels = state.series.removeValue(forKey: id)?.labels { state.ids[labels] = nil }
            }
            state.postings.remove(ids: emptied)
        }
    }

    public var statistics: StoreStatistics {
        state.withLock { state in
            var stats = StoreStatistics(seriesCount: state.series.count, sampleCount: 0, sampleBytes: 0)
            for series in state.series.values {
                stats.sampleCount += series.sampleCount
                stats.sampleBytes += series.byteCount
            }
            return stats
        }
    }

    /// The newest sample timestamp in the store, if any.
    public var maxTimestamp: Timestamp? {
        state.withLock { $0.series.values.compactMap(\.lastTimestamp).max() }
    }

    /// The oldest sample timestamp in the store, if any.
    public var minTimestamp: Timestamp? {
        state.withLock { $0.series.values.compactMap(\.firstTimestamp).min() }
    }

    /// Postings selection: equality and non-empty-matching matchers narrow by intersection;
    /// matchers that accept a missing label subtract the series whose value they reject.
    private static func matchingIDs(_ matchers: [LabelMatcher], in state: State) -> [Int] {
        var candidates: [Int]?
        for matcher in matchers where !matcher.matchesEmpty {
            let list = matcher.kind == .equal
                ? state.postings.list(matcher.name, matcher.value)
                : state.postings.union(matcher.name, where: matcher.matches)
            candidates = candidates.map { Postings.intersect($0, list) } ?? list
            if candidates?.isEmpty == true { return [] }
        }
        var result = candidates ?? state.series.keys.sorted()
        for matcher in matchers where matcher.matchesEmpty {
            let rejected = state.postings.union(matcher.name) { !matcher.matches($0) }
            result = Postings.subtract(result, rejected)
        }
        return result
    }
}
