import PromModel

/// How one server of the dashboard answered lately, for the header when more than one is in use.
public struct DatasourceHealth: Hashable, Sendable {
    public enum State: String, Hashable, Sendable { case unknown, up, down }

    public var name: String
    public var url: String
    public var state: State
    /// When it entered this state.
    public var since: Timestamp?
    /// The last failure's summary while down.
    public var error: String?

    public init(name: String, url: String = "", state: State = .unknown, since: Timestamp? = nil, error: String? = nil) {
        self.name = name
        self.url = url
        self.state = state
        self.since = since
        self.error = error
    }
}
