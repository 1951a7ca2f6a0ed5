import PromModel

/// The query the explorer runs for a metric, picked by type as Grafana's Explore Metrics
/// does (`getAutoQueriesForMetric` in grafana/grafana public/app/features/trails): a
/// counter's rate summed, a histogram's p95 from its buckets. Unlike it, a gauge is shown
/// as it is (its series, not their average): the breakdown above says what they are.
public enum DefaultQuery {
    /// `metadata` is the metric's (or its family's, for `_bucket`/`_sum`/`_count`); without
    /// any, a `_total` name is taken for a counter and a `_bucket` one for a classic
    /// histogram, as Prometheus's naming conventions have them.
    public static func expr(metric: String, metadata: MetricMetadata?, groupBy label: String?) -> String {
        let type = metadata?.type ?? ""
        let rate = "rate(\(metric)[$__rate_interval])"
        let isBucket = metric.hasSuffix("_bucket")
        if isBucket && (type == "histogram" || type.isEmpty) {
            return "histogram_quantile(0.95, sum by (le) (\(rate)))"
        }
        // A histogram whose name is a series itself is a native one: its quantile needs no `le`.
        if type == "histogram" && !isBucket && !metric.hasSuffix("_sum") && !metric.hasSuffix("_count") {
            return "histogram_quantile(0.95, sum(\(rate)))"
        }
        let countsUp = type == "counter" || ((type == "histogram" || type == "summary") && (metric.hasSuffix("_sum") || metric.hasSuffix("_count")))
            || (type.isEmpty && metric.hasSuffix("_total"))
        if countsUp { return label.map { "sum by (\($0)) (\(rate))" } ?? "sum(\(rate))" }
        return metric
    }
}
