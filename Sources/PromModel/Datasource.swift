/// Anything that answers PromQL the way the Prometheus HTTP API does: a real server through
/// the HTTP client, or the embedded engine over simulated data.
public protocol Datasource: Sendable {
    /// An instant query at `time`.
    func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse
    /// A range query; the result is a matrix.
    func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse
    /// Label sets of the series that match any of the selectors.
    func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels]
    /// Label names, optionally restricted to series matching the selectors.
    func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String]
    /// Values of one label, optionally restricted to series matching the selectors.
    func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String]
    /// Firing and pending alerts.
    func alerts() async throws(QueryError) -> [Alert]
    /// `/api/v1/metadata`: type, help and unit per metric family, for one metric or all
    /// (`limit` metrics at most).
    func metadata(metric: String?, limit: Int?) async throws(QueryError) -> [String: [MetricMetadata]]
}

/// An alert as `/api/v1/alerts` reports it.
public struct Alert: Hashable, Sendable {
    public enum State: String, Sendable { case inactive, pending, firing }

    public var labels: Labels
    public var annotations: [String: String]
    public var state: State
    public var activeAt: Timestamp?
    public var value: Double
    /// The rule's expression, where the source knows it: the embedded rules do; Prometheus's
    /// `/api/v1/alerts` does not send it.
    public var expr: String?

    public init(labels: Labels, annotations: [String: String], state: State, activeAt: Timestamp?, value: Double, expr: String? = nil) {
        self.expr = expr
        self.labels = labels
        self.annotations = annotations
        self.state = state
        self.activeAt = activeAt
        self.value = value
    }
}

extension Datasource {
    /// A datasource that keeps no metadata (the embedded engine over a data file, a test
    /// double) has none to give, as a Prometheus without targets answers `{}`.
    public func metadata(metric: String?, limit: Int?) async throws(QueryError) -> [String: [MetricMetadata]] { [:] }
}
