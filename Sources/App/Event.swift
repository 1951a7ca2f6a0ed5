import PromModel
import Terminal

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
    case variableOptions(dashboardUID: String, name: String, Result<[String], QueryError>)
    case fileWritten(path: String, error: String?)
    /// SIGINT, SIGTERM, SIGHUP or the terminal closing.
    case terminate
    /// Ctrl-Z.
    case suspend
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
    case writeFile(path: String, contents: String)
    case suspend
    case quit
}

/// One query for the datasource.
public struct QueryJob: Hashable, Sendable {
    public var id: QueryID
    public var key: QueryKey
    public var range: QueryRange

    public init(id: QueryID, key: QueryKey, range: QueryRange) {
        self.id = id
        self.key = key
        self.range = range
    }
}

/// `label_values(metric{...}, label)` → `Datasource.labelValues(label, matching: [metric{...}])`.
public struct VariableOptionsRequest: Hashable, Sendable {
    public var dashboardUID: String
    public var name: String
    public var label: String
    public var selectors: [String]
    public var start: Timestamp
    public var end: Timestamp
}
