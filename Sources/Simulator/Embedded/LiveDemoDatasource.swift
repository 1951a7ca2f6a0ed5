import PromModel
import PromQL

/// The embedded engine over the demo platform, catching the store up with the wall clock
/// before every call, so the demo is live without a timer of its own.
public struct LiveDemoDatasource: Datasource {
    public let platform: DemoPlatform
    private let embedded: EmbeddedDatasource
    private let clock: @Sendable () -> Timestamp

    private let alertRules: [AlertRule]

    public init(platform: DemoPlatform, clock: @escaping @Sendable () -> Timestamp, alertRules: [AlertRule] = []) {
        self.platform = platform
        embedded = EmbeddedDatasource(engine: platform.engine, metadata: platform.simulation.metadata())
        self.clock = clock
        self.alertRules = alertRules
    }

    private func catchUp() { platform.advance(to: clock()) }

    public func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse {
        if let error = NativeHistogramGuard.check(expr) { throw error }
        catchUp()
        return try await embedded.query(expr, at: time)
    }

    public func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse {
        if let error = NativeHistogramGuard.check(expr) { throw error }
        catchUp()
        return try await embedded.queryRange(expr, range: range)
    }

    public func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] {
        catchUp()
        return try await embedded.series(matching: selectors, start: start, end: end)
    }

    public func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        catchUp()
        return try await embedded.labelNames(matching: selectors, start: start, end: end)
    }

    public func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        catchUp()
        return try await embedded.labelValues(name, matching: selectors, start: start, end: end)
    }

    /// The simulated services' TYPE and HELP, as Prometheus would have them from scraping.
    public func metadata(metric: String?, limit: Int?) async throws(QueryError) -> [String: [MetricMetadata]] {
        try await embedded.metadata(metric: metric, limit: limit)
    }

    /// The alerting rules (deploy/alerts.yml in the demo) evaluated over the simulation.
    public func alerts() async throws(QueryError) -> [Alert] {
        catchUp()
        return AlertEvaluator(rules: alertRules, engine: platform.engine).alerts(at: clock())
    }
}
