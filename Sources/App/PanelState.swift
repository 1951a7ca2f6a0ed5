import PromModel
import Render

/// What the viewer knows about one panel's data, kept honest: old data stays visible when a
/// refresh fails, marked stale with its age.
public struct PanelState: Hashable, Sendable {
    /// Last good result per target refId.
    public var results: [String: QueryResult] = [:]
    public var lastSuccess: Timestamp?
    public var lastError: QueryError?
    public var lastErrorAt: Timestamp?
    /// Queries of this panel still running.
    public var pending: Set<QueryID> = []
    /// The queries as last sent (after interpolation), for inspect.
    public var queries: [QueryKey] = []
    /// Per target refId, the query its result answered: its series are named from these.
    public var answeredQueries: [String: AnsweredQuery] = [:]
    /// Wall time of the slowest query of the last refresh, in milliseconds.
    public var lastDuration: Int64?
    /// The range of the latest answered query: the x axis the data was fetched for.
    public var range: QueryRange?
    public var warnings: [String] = []
    /// The repeat values the data was fetched for (the panel's `scopedVariables`): a copy
    /// whose id now stands for another value does not show the old value's data.
    public var scope: [String: String] = [:]

    public init(scope: [String: String] = [:]) {
        self.scope = scope
    }

    public var seriesCount: Int { results.values.reduce(0) { $0 + $1.series.count } }

    /// The panel's state in Render's vocabulary, the one the panel corner, inspect and
    /// `snapshot --format json` share; why it is stale or failed is `lastError`.
    public func status(now: Timestamp) -> PanelStatus {
        // An error at the same instant as a success is a partial failure of one refresh, not staleness.
        let failedLast = lastErrorAt.map { at in lastSuccess.map { at > $0 } ?? true } ?? false
        if failedLast, let lastError {
            if let lastSuccess, !results.isEmpty {
                return .stale(age: Int(max(0, now - lastSuccess) / 1000))
            }
            return .error(lastError.summary)
        }
        if lastSuccess == nil { return .loading }
        return results.values.allSatisfy(\.isEmpty) ? .noData : .ok
    }
}

/// A target's query as planned: the expression and legend with the variables filled in.
public struct AnsweredQuery: Hashable, Sendable {
    public var expr: String
    public var legendFormat: String
}
