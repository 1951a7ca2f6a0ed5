/// Alertmanager's alerts and silences as values (the viewer shows them without linking the
/// HTTP client, which decodes them in PrometheusAPI).

/// An alert as Alertmanager's `/api/v2/alerts` reports it: active, or suppressed by
/// silences or inhibition rules.
public struct AlertmanagerAlert: Hashable, Sendable {
    /// `unprocessed` means Alertmanager has received it but not yet routed it.
    public enum State: String, Hashable, Sendable { case active, suppressed, unprocessed }

    public var fingerprint: String
    public var labels: Labels
    public var annotations: [String: String]
    public var state: State
    /// IDs of the silences that mute it.
    public var silencedBy: [String]
    /// Fingerprints of the alerts that inhibit it.
    public var inhibitedBy: [String]
    public var startsAt: Timestamp?
    public var endsAt: Timestamp?
    public var receivers: [String]
    /// The rule's page in Prometheus (`/graph?g0.expr=…`): where the alert's query is found.
    public var generatorURL: String?

    public init(
        fingerprint: String, labels: Labels, annotations: [String: String] = [:], state: State,
        silencedBy: [String] = [], inhibitedBy: [String] = [], startsAt: Timestamp? = nil, endsAt: Timestamp? = nil,
        receivers: [String] = [], generatorURL: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.labels = labels
        self.annotations = annotations
        self.state = state
        self.silencedBy = silencedBy
        self.inhibitedBy = inhibitedBy
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.receivers = receivers
        self.generatorURL = generatorURL
    }
}

/// A silence of `/api/v2/silences`.
public struct Silence: Hashable, Sendable {
    public enum State: String, Hashable, Sendable { case active, pending, expired }

    /// One label matcher; prints as PromQL does: `a="b"`, `a=~"x"`, `a!="b"`, `a!~"x"`.
    public struct Matcher: Hashable, Sendable, CustomStringConvertible {
        public var name: String
        public var value: String
        public var isRegex: Bool
        /// False for the negative matchers (`!=`, `!~`).
        public var isEqual: Bool

        public init(name: String, value: String, isRegex: Bool = false, isEqual: Bool = true) {
            self.name = name
            self.value = value
            self.isRegex = isRegex
            self.isEqual = isEqual
        }

        public var `operator`: String { (isEqual ? "=" : "!") + (isRegex ? "~" : (isEqual ? "" : "=")) }

        public var description: String {
            var escaped = ""
            for character in value {
                switch character {
                case "\\": escaped += "\\\\"
                case "\"": escaped += "\\\""
                case "\n": escaped += "\\n"
                default: escaped.append(character)
                }
            }
            return "\(name)\(`operator`)\"\(escaped)\""
        }
    }

    public var id: String
    public var matchers: [Matcher]
    public var createdBy: String
    public var comment: String
    public var startsAt: Timestamp?
    public var endsAt: Timestamp?
    public var state: State

    public init(
        id: String, matchers: [Matcher], createdBy: String = "", comment: String = "",
        startsAt: Timestamp? = nil, endsAt: Timestamp? = nil, state: State
    ) {
        self.id = id
        self.matchers = matchers
        self.createdBy = createdBy
        self.comment = comment
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.state = state
    }
}

/// A silence to create: `POST /api/v2/silences`'s body (postableSilence, without an id).
public struct SilenceDraft: Hashable, Sendable {
    public var matchers: [Silence.Matcher]
    public var startsAt: Timestamp
    public var endsAt: Timestamp
    public var createdBy: String
    public var comment: String

    public init(matchers: [Silence.Matcher], startsAt: Timestamp, endsAt: Timestamp, createdBy: String, comment: String) {
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
    }
}

/// What the viewer's alerts view asks of an Alertmanager (a seam for tests).
public protocol AlertmanagerSource: Sendable {
    /// Active, silenced and inhibited alerts.
    func alerts() async throws(QueryError) -> [AlertmanagerAlert]
    /// Every silence Alertmanager still keeps (active, pending and recently expired).
    func silences() async throws(QueryError) -> [Silence]
    /// Creates a silence and returns its id.
    func createSilence(_ draft: SilenceDraft) async throws(QueryError) -> String
    /// Expires a silence now (`DELETE /api/v2/silence/{id}`).
    func expireSilence(id: String) async throws(QueryError)
}
