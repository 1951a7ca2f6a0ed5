import PromModel

/// A `Datasource` over the embedded store and engine: what `promdeck demo`, `query --data`
/// and `simulate --api` use instead of a Prometheus server.
public struct EmbeddedDatasource: Datasource {
    public let engine: Engine
    public var store: SeriesStore { engine.storage }
    /// What `/api/v1/metadata` answers: the families' TYPE/HELP when the data came with them
    /// (the simulator's), else nothing.
    public let knownMetadata: [String: [MetricMetadata]]

    public init(engine: Engine, metadata: [String: [MetricMetadata]] = [:]) {
        self.engine = engine
        knownMetadata = metadata
    }

    public init(store: SeriesStore, promQLVersion: PromQLVersion = .v3) {
        var engine = Engine(storage: store)
        engine.promQLVersion = promQLVersion
        self.engine = engine
        knownMetadata = [:]
    }

    public func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse {
        try engine.instantQuery(expr, at: time)
    }

    public func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse {
        try engine.rangeQuery(expr, range: range)
    }

    public func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] {
        guard !selectors.isEmpty else { throw QueryError(.badData, "no match[] parameter provided") }
        return try labelSets(selectors, start: start, end: end)
    }

    public func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        if selectors.isEmpty { return store.labelNames() }
        let names = Set(try labelSets(selectors, start: start, end: end).flatMap { $0.map(\.name) })
        return names.sorted()
    }

    public func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        if selectors.isEmpty { return store.labelValues(name) }
        let values = Set(try labelSets(selectors, start: start, end: end).compactMap { $0[name] })
        return values.sorted()
    }

    /// As Prometheus's `metricMetadata` handler (web/api/v1/api.go): one metric when asked
    /// for, else every family, the first `limit` by name (a negative limit is none).
    public func metadata(metric: String?, limit: Int?) async throws(QueryError) -> [String: [MetricMetadata]] {
        if let metric, !metric.isEmpty { return knownMetadata[metric].map { [metric: $0] } ?? [:] }
        guard let limit, limit >= 0 else { return knownMetadata }
        return Dictionary(uniqueKeysWithValues: knownMetadata.keys.sorted().prefix(limit).compactMap { name in knownMetadata[name].map { (name, $0) } })
    }

    /// The embedded engine evaluates no alerting rules.
    public func alerts() async throws(QueryError) -> [Alert] { [] }

    private func labelSets(_ selectors: [String], start: Timestamp, end: Timestamp) throws(QueryError) -> [Labels] {
        var found = Set<Labels>()
        for selector in selectors {
            guard case .vectorSelector(let parsed) = try PromQLParser.parseForQuery(selector, version: engine.promQLVersion) else {
                throw QueryError(.badData, "invalid parameter \"match[]\": expected a series selector, got \(PromQLString.quote(selector))")
            }
            found.formUnion(store.labelSets(matching: parsed.matchers, from: start, through: end))
        }
        return found.sorted()
    }
}
