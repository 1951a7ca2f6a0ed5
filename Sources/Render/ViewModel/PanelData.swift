import PromModel
import Dashboards

/// One target's outcome: its response or the error that replaced it.
public struct TargetResult: Hashable, Sendable {
    public var refId: String
    public var outcome: Result<QueryResponse, QueryError>
    /// The query as planned and sent (variables filled in) and its legend, which name the
    /// series; nil falls back to the target's own.
    public var expr: String?
    public var legendFormat: String?

    public init(refId: String, outcome: Result<QueryResponse, QueryError>, expr: String? = nil, legendFormat: String? = nil) {
        self.refId = refId
        self.outcome = outcome
        self.expr = expr
        self.legendFormat = legendFormat
    }

    public init(refId: String, result: QueryResult, expr: String? = nil, legendFormat: String? = nil) {
        self.init(refId: refId, outcome: .success(QueryResponse(result: result)), expr: expr, legendFormat: legendFormat)
    }

    public init(refId: String, error: QueryError) {
        self.init(refId: refId, outcome: .failure(error))
    }
}

/// What the viewer knows about one panel's data: the results of its targets, the time
/// window they cover, and whether a refresh is in flight or overdue.
public struct PanelData: Hashable, Sendable {
    public var results: [TargetResult]
    /// The range the queries covered (for x axes); nil for instant-only panels.
    public var range: QueryRange?
    /// Evaluation time (ms), the right edge of the range.
    public var time: Timestamp
    /// A query for this panel is running (shown as ⟳ while older data stays on screen).
    public var isLoading: Bool
    /// Age of the shown data in seconds when the last refresh failed or is overdue; nil when fresh.
    public var staleAge: Int?
    /// Why the data is stale ("connection refused"), shown after the age in the corner.
    public var staleReason: String?

    public init(results: [TargetResult] = [], range: QueryRange? = nil, time: Timestamp = 0, isLoading: Bool = false, staleAge: Int? = nil,
                staleReason: String? = nil) {
        self.results = results
        self.range = range
        self.time = time
        self.isLoading = isLoading
        self.staleAge = staleAge
        self.staleReason = staleReason
    }
}

/// A panel's state, each shown differently.
public enum PanelStatus: Hashable, Sendable {
    /// First load, nothing to show yet.
    case loading
    case ok
    case noData
    /// Data shown is `age` seconds old.
    case stale(age: Int)
    /// Every target failed; the short summary goes in the corner.
    case error(String)

    public var label: String {
        switch self {
        case .loading: "loading"
        case .ok: "ok"
        case .noData: "no data"
        case .stale(let age): "stale \(PanelStatus.shortAge(age))"
        case .error(let summary): "error: \(summary)"
        }
    }

    /// "45s", "2m", "3h", "2d".
    public static func shortAge(_ seconds: Int) -> String {
        switch seconds {
        case ..<60: "\(max(0, seconds))s"
        case ..<3600: "\(seconds / 60)m"
        case ..<86400: "\(seconds / 3600)h"
        default: "\(seconds / 86400)d"
        }
    }
}
