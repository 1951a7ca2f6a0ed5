import PromModel

/// `/api/v1/status/buildinfo`. Servers that imitate Prometheus fill only some fields.
public struct BuildInfo: Hashable, Sendable, Decodable {
    public var version: String
    public var revision: String
    public var branch: String
    public var goVersion: String

    public init(version: String, revision: String = "", branch: String = "", goVersion: String = "") {
        self.version = version
        self.revision = revision
        self.branch = branch
        self.goVersion = goVersion
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? ""
        revision = try container.decodeIfPresent(String.self, forKey: .revision) ?? ""
        branch = try container.decodeIfPresent(String.self, forKey: .branch) ?? ""
        goVersion = try container.decodeIfPresent(String.self, forKey: .goVersion) ?? ""
    }

    private enum CodingKeys: String, CodingKey { case version, revision, branch, goVersion }
}

/// A rule group of `/api/v1/rules`.
public struct RuleGroup: Hashable, Sendable {
    public var name: String
    public var file: String
    /// Evaluation interval in seconds.
    public var interval: Double
    public var rules: [Rule]

    public init(name: String, file: String, interval: Double, rules: [Rule]) {
        self.name = name
        self.file = file
        self.interval = interval
        self.rules = rules
    }
}

/// An alerting or recording rule with its last evaluation's health.
public struct Rule: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case alerting, recording }

    public var kind: Kind
    public var name: String
    public var query: String
    /// `for:` in seconds (alerting rules).
    public var duration: Double
    public var labels: Labels
    public var annotations: [String: String]
    /// `ok`, `err` or `unknown`.
    public var health: String
    public var lastError: String?
    /// `inactive`, `pending` or `firing` (alerting rules).
    public var state: Alert.State?
    public var alerts: [Alert]

    public init(
        kind: Kind, name: String, query: String, duration: Double = 0, labels: Labels = Labels(),
        annotations: [String: String] = [:], health: String = "unknown", lastError: String? = nil,
        state: Alert.State? = nil, alerts: [Alert] = []
    ) {
        self.kind = kind
        self.name = name
        self.query = query
        self.duration = duration
        self.labels = labels
        self.annotations = annotations
        self.health = health
        self.lastError = lastError
        self.state = state
        self.alerts = alerts
    }
}

/// The result of `PrometheusClient.checkHealth()`, for `promdeck datasources`.
public struct HealthCheck: Hashable, Sendable {
    /// The server's version from buildinfo; nil when only the fallback query answered.
    public var version: String?
    /// How the server was checked: `buildinfo` or `query 1+1`.
    public var method: String
    public var latency: Duration
    /// Nil when the server answered.
    public var error: QueryError?

    public var isHealthy: Bool { error == nil }

    public init(version: String?, method: String, latency: Duration, error: QueryError?) {
        self.version = version
        self.method = method
        self.latency = latency
        self.error = error
    }
}
