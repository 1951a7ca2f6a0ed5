import Dashboards
import PromModel
import TerminalTypes

/// A query the run loop started, named so its answer can find its way back.
public struct QueryID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (lhs: QueryID, rhs: QueryID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "q\(rawValue)" }
}

/// Everything that can happen to the viewer, merged into one stream by the run loop.
public enum AppEvent: Hashable, Sendable {
    /// The first event: plans the first refresh and loads variable options.
    case start
    case key(Key)
    case mouse(MouseEvent)
    case resize(TerminalSize)
    /// A scheduled wake-up (see `Effect.scheduleTick`).
    case tick
    /// `duration` in milliseconds, for inspect.
    case queryResult(QueryID, QueryResponse, duration: Int64)
    case queryFailed(QueryID, QueryError, duration: Int64)
    case alerts(Result<[Alert], QueryError>)
    case alertmanager(AlertmanagerSnapshot)
    /// Alertmanager's answer to `Effect.createSilence`: the new silence's id.
    case silenceCreated(Result<String, QueryError>)
    /// Alertmanager's answer to `Effect.expireSilence`.
    case silenceExpired(id: String, error: QueryError?)
    /// `query` is the interpolated query that was asked, so an answer to an older question
    /// (a parent variable changed meanwhile) is recognised and dropped.
    case variableOptions(dashboardUID: String, name: String, Result<[String], QueryError>, query: String? = nil)
    case fileWritten(path: String, error: String?)
    /// The answer to `Effect.copy`: nil when the clipboard sequence went out, else why not.
    case copied(String, error: String?)
    /// The datasource's answer to `Effect.fetchCompletions`.
    case completions(CompletionQuery, Result<[String], QueryError>)
    /// The datasource's answer to `Effect.fetchMetadata`.
    case metadata(Result<[String: [MetricMetadata]], QueryError>)
    /// The datasource's answer to `Effect.fetchSeries`: the metric's series for the explorer.
    case metricSeries(String, Result<[Labels], QueryError>)
    /// SIGINT, SIGTERM, SIGHUP or the terminal closing.
    case terminate
    /// Ctrl-Z.
    case suspend
}

extension AppEvent {
    var isQueryAnswer: Bool {
        switch self {
        case .queryResult, .queryFailed: true
        default: false
        }
    }

    var isVariableAnswer: Bool {
        if case .variableOptions = self { true } else { false }
    }
}

/// What the reducer asks the run loop to do. No I/O happens in the reducer itself.
public enum Effect: Hashable, Sendable {
    case runQueries([QueryJob])
    case cancelQueries([QueryID])
    case redraw
    /// Forget the screen's contents and draw everything (Ctrl-L, resize).
    case fullRedraw
    /// Wake up with a `.tick` at this time (replaces any earlier schedule).
    case scheduleTick(at: Timestamp)
    case loadVariableOptions(VariableOptionsRequest)
    case fetchAlerts
    /// Alertmanager's alerts and silences (only when one is configured).
    case fetchAlertmanager
    /// `POST /api/v2/silences` (the alerts view's silence form).
    case createSilence(SilenceDraft)
    /// `DELETE /api/v2/silence/{id}`.
    case expireSilence(id: String)
    case writeFile(path: String, contents: String)
    /// Candidates for the `:` prompt's Tab.
    case fetchCompletions(CompletionQuery, start: Timestamp, end: Timestamp)
    /// `/api/v1/metadata` of every metric, for the explorer and the completion popup.
    case fetchMetadata
    /// `/api/v1/series` of one metric, for the explorer's label breakdown.
    case fetchSeries(metric: String, start: Timestamp, end: Timestamp)
    /// Onto the terminal's clipboard (OSC 52).
    case copy(String)
    case suspend
    case quit
}

/// One query for the datasource.
public struct QueryJob: Hashable, Sendable {
    public var id: QueryID
    public var key: QueryKey
    public var range: QueryRange
    /// Set when a refresh may ask only the tail (`incrementalSignature`).
    public var incremental: String?

    public init(id: QueryID, key: QueryKey, range: QueryRange, incremental: String? = nil) {
        self.id = id
        self.key = key
        self.range = range
        self.incremental = incremental
    }
}

/// A query variable's options to load: `label_values(metric{...}, label)` →
/// `Datasource.labelValues(label, matching: [metric{...}])`, and the other Grafana
/// variable functions (`query` says which), after interpolating the variables it uses.
public struct VariableOptionsRequest: Hashable, Sendable {
    public var dashboardUID: String
    public var name: String
    /// For `label_values`: the label and the selector (empty for the other functions).
    public var label: String
    public var selectors: [String]
    public var start: Timestamp
    public var end: Timestamp
    /// The variable's query after interpolation, as sent.
    public var text: String = ""
    public var query: VariableQuery = .labelValues(selector: nil, label: "")
    /// The configured datasource the variable's own `datasource` names (nil: the default).
    public var datasource: String?

    /// What the answer is known by: the text and the server it was asked of.
    public var key: String { ResolvedVariables.answerKey(text, datasource: datasource) }
}
