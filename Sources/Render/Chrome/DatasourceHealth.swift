import PromModel

/// One datasource as the header reports it: whether its last answers came back, since when,
/// and the error that says why not. The viewer keeps one per configured server it queries.
public struct DatasourceHealth: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        /// Nothing has come back yet.
        case unknown
        case up
        /// Connections fail or time out: nothing it shows is current.
        case unreachable
    }

    public var name: String
    public var url: String
    public var state: State
    /// When the current state began (the first failure of an outage, the first answer after one).
    public var since: Timestamp?
    /// Why it is unreachable, short ("connection refused").
    public var error: String?

    public init(name: String, url: String = "", state: State = .unknown, since: Timestamp? = nil, error: String? = nil) {
        self.name = name
        self.url = url
        self.state = state
        self.since = since
        self.error = error
    }

    /// A query answered (any answer, even an error the server sent, means it is reachable).
    public mutating func answered(at now: Timestamp) {
        guard state != .up else { return }
        state = .up
        since = now
        error = nil
    }

    /// A request could not reach the server; the outage starts at its first failure.
    public mutating func unreachable(_ reason: String, at now: Timestamp) {
        if state != .unreachable { since = now }
        state = .unreachable
        error = reason
    }
}

/// The header's clock: the last refresh, the next one, and the absolute range when asked for.
public struct HeaderClock: Hashable, Sendable {
    public var now: Timestamp
    public var lastUpdate: Timestamp?
    /// nil when auto-refresh is off or paused.
    public var nextRefresh: Timestamp?
    /// The resolved from/to, shown instead of "Last 1h" when the user asked (`T`).
    public var absoluteRange: (from: Timestamp, to: Timestamp)?

    public init(now: Timestamp, lastUpdate: Timestamp? = nil, nextRefresh: Timestamp? = nil, absoluteRange: (from: Timestamp, to: Timestamp)? = nil) {
        self.now = now
        self.lastUpdate = lastUpdate
        self.nextRefresh = nextRefresh
        self.absoluteRange = absoluteRange
    }

    public static func == (a: HeaderClock, b: HeaderClock) -> Bool {
        a.now == b.now && a.lastUpdate == b.lastUpdate && a.nextRefresh == b.nextRefresh
            && a.absoluteRange?.from == b.absoluteRange?.from && a.absoluteRange?.to == b.absoluteRange?.to
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(now)
        hasher.combine(lastUpdate)
        hasher.combine(nextRefresh)
        hasher.combine(absoluteRange?.from)
        hasher.combine(absoluteRange?.to)
    }
}
