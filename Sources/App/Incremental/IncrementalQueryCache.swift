import PromModel

/// The series kept from each range query's last answer, for the run loop's incremental
/// refreshes (`IncrementalQuery`). One per viewer, owned by its loop.
actor IncrementalQueryCache {
    private let options: IncrementalOptions
    private var entries: [QueryKey: IncrementalEntry] = [:]

    init(options: IncrementalOptions) {
        self.options = options
    }

    /// Runs `key` over `range` through `datasource`, asking only the tail when what is kept
    /// allows it. `signature` nil means the query may not be incremental (a fixed window, a
    /// `$__range` query): it runs in full and nothing is kept.
    func queryRange(_ key: QueryKey, range: QueryRange, signature: String?, datasource: any Datasource) async throws(QueryError) -> QueryResponse {
        guard options.enabled, let signature else {
            entries[key] = nil
            return try await datasource.queryRange(key.expr, range: range)
        }
        // Another window (a time-range change) or queries nobody asks any more: forget them.
        entries = entries.filter { $0.value.signature == signature && $0.value.range.end >= range.start }
        // Read before the await: the actor may serve other queries meanwhile.
        let kept = entries[key]
        let tail = IncrementalQuery.tail(of: kept, for: range, signature: signature, overlapMs: options.overlapMs)
        let response = try await datasource.queryRange(key.expr, range: tail ?? range)
        guard case .matrix(let answered) = response.result else {
            entries[key] = nil
            return response
        }
        let series = tail.map { tail in
            IncrementalQuery.merge(kept: kept?.series ?? [], tail: answered, tailStart: tail.start, range: range)
        } ?? answered
        entries[key] = IncrementalEntry(signature: signature, range: range, series: series)
        return QueryResponse(result: .matrix(series), warnings: response.warnings)
    }
}
