import PromModel
import Render

/// The metric explorer (`m`): the list of metrics with a type-to-filter, and the metric Enter
/// opened, whose label breakdown shows above its default query's ad-hoc panel. The metric
/// names and metadata themselves live in the completion cache (one copy, shared with Tab).
public struct MetricExplorerState: Hashable, Sendable {
    public var filter = ""
    public var cursor = ListCursor()
    public var opened: OpenedMetric?

    public init() {}
}

/// A metric Enter opened in the explorer.
public struct OpenedMetric: Hashable, Sendable {
    public var name: String
    /// nil until `/api/v1/series` answers.
    public var breakdown: Result<LabelBreakdown, QueryError>?
    /// Scrolls the breakdown (PgUp/PgDn), leaving ↑↓ ←→ to the graph below.
    public var cursor = ListCursor()

    public init(name: String) {
        self.name = name
    }
}

/// One metric's series by label: for each label, its values and how many series carry each.
public struct LabelBreakdown: Hashable, Sendable {
    public struct Value: Hashable, Sendable {
        public var value: String
        public var series: Int
    }

    public struct Entry: Hashable, Sendable {
        public var label: String
        /// Most series first, then by value.
        public var values: [Value]
    }

    public var seriesCount: Int
    /// By label name, `__name__` left out (it is the metric).
    public var entries: [Entry]

    public init(series: [Labels]) {
        seriesCount = series.count
        var counts: [String: [String: Int]] = [:]
        for labels in series {
            for label in labels where label.name != Labels.metricName { counts[label.name, default: [:]][label.value, default: 0] += 1 }
        }
        entries = counts.keys.sorted().map { name in
            let values = (counts[name] ?? [:]).map { Value(value: $0.key, series: $0.value) }
                .sorted { $0.series != $1.series ? $0.series > $1.series : $0.value < $1.value }
            return Entry(label: name, values: values)
        }
    }

    /// The label a default `sum by` keeps: the one with the most values that still reads as
    /// a legend (2 to 10), preferring any over the scrape's `instance` and `job`; nil when no
    /// label splits the series that way.
    public var groupingLabel: String? {
        let candidates = entries.filter { (2...10).contains($0.values.count) && $0.label != "le" && $0.label != "quantile" }
        let preferred = candidates.filter { !["instance", "job"].contains($0.label) }
        return (preferred.isEmpty ? candidates : preferred).max { a, b in
            a.values.count != b.values.count ? a.values.count < b.values.count : a.label > b.label
        }?.label
    }
}

/// One line of the explorer's list.
public struct MetricListEntry: Hashable, Sendable {
    public var name: String
    /// `counter`, `gauge`, `histogram`, … or `unknown` without metadata.
    public var type: String
    public var help: String
}

extension AppState {
    /// The explorer's metrics, filtered: every `__name__` the datasource knows with its
    /// metadata; nil while the names are not known yet.
    var metricList: [MetricListEntry]? {
        guard let explorer = metricExplorer, let names = completions.answers[CompletionQuery.metricNames] else { return nil }
        let metadata = completions.metadata ?? [:]
        let words = explorer.filter.lowercased().split(separator: " ")
        return names.sorted().compactMap { name in
            let info = MetricMetadata.lookup(name, in: metadata)
            let entry = MetricListEntry(name: name, type: info?.type ?? "unknown", help: info?.help ?? "")
            // Every word of the filter, in the name or the help, in any order.
            let haystack = (name + " " + entry.help).lowercased()
            return words.allSatisfy { haystack.contains($0) } ? entry : nil
        }
    }
}

extension CompletionQuery {
    /// Every metric name: `/api/v1/label/__name__/values`.
    static let metricNames = CompletionQuery.labelValues(label: Labels.metricName, metric: nil)
}
