import PromModel

/// The warnings and infos one query's evaluation raises: Prometheus 3.x's annotations
/// (util/annotations/annotations.go at v3.14.0), each once, in the order first raised.
/// 2.42 had none, so the engine raises them only with 3.x semantics.
///
/// The texts are the annotations' own (`Error()` without a query), as promqltest compares
/// them; a 3.x server's API appends the expression's position (" (1:6)") and, for the
/// monotonicity info, the buckets and times it was fixed over.
final class AnnotationLog {
    private(set) var warnings: [String] = []
    private(set) var infos: [String] = []

    func warn(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    func info(_ message: String) {
        if !infos.contains(message) { infos.append(message) }
    }

    /// As a response's warnings: an info as the client decodes a server's `infos`
    /// ("info: …", QueryDecoder), so a panel shows both alike.
    var responseWarnings: [String] { warnings + infos.map { Annotation.infoPrefix + $0 } }
}

/// The annotations' texts (annotations.go's New…Warning / New…Info).
enum Annotation {
    /// How an info travels in QueryResponse.warnings (QueryDecoder's spelling of `infos`).
    static let infoPrefix = "info: "

    /// φ outside [0, 1], NaN included (functions.go validateQuantile).
    static func isInvalidQuantile(_ q: Double) -> Bool { q.isNaN || q < 0 || q > 1 }

    static func invalidQuantile(_ q: Double) -> String {
        "PromQL warning: quantile value should be between 0 and 1, got \(GoMath.formatGo(q))"
    }

    /// Without the metric name: 3.x names it only with delayed name removal (engine.go
    /// resetHistograms), a feature flag.
    static func badBucketLabel(_ value: String) -> String {
        "PromQL warning: bucket label \"le\" is missing or has a malformed value of \(PromQLString.quote(value))"
    }

    static let forcedMonotonicity =
        "PromQL info: input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)"

    static func possibleNonCounter(_ metricName: String) -> String {
        "PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \(PromQLString.quote(metricName))"
    }

    static let sortInRangeQuery = "PromQL warning: sort is ineffective for range queries since results are always ordered by labels"

    /// Whether rate() or increase() over `metricName` gets possibleNonCounter (engine.go
    /// rangeEval, without type-and-unit labels: by the name's suffix).
    static func mightNotBeCounter(_ metricName: String) -> Bool {
        !metricName.isEmpty && !["_total", "_sum", "_count", "_bucket"].contains { metricName.hasSuffix($0) }
    }
}
