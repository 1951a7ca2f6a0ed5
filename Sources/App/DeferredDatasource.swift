import PromModel

/// A datasource still being prepared (the demo's hour of history): the viewer draws its
/// first frame at once, and calls wait until the base is ready.
public struct DeferredDatasource<Base: Datasource>: Datasource {
    private let base: Task<Base, Never>

    public init(_ prepare: @escaping @Sendable () -> Base) {
        base = Task.detached(priority: .userInitiated) { prepare() }
    }

    public func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse {
        try await base.value.query(expr, at: time)
    }

    public func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse {
        try await base.value.queryRange(expr, range: range)
    }

    public func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] {
        try await base.value.series(matching: selectors, start: start, end: end)
    }

    public func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        try await base.value.labelNames(matching: selectors, start: start, end: end)
    }

    public func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        try await base.value.labelValues(name, matching: selectors, start: start, end: end)
    }

    public func alerts() async throws(QueryError) -> [Alert] {
        try await base.value.alerts()
    }

    public func metadata(metric: String?, limit: Int?) async throws(QueryError) -> [String: [MetricMetadata]] {
        try await base.value.metadata(metric: metric, limit: limit)
    }
}
