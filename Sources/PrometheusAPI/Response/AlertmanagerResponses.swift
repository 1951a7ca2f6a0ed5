import PromModel

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

    public init(
        fingerprint: String, labels: Labels, annotations: [String: String] = [:], state: State,
        silencedBy: [String] = [], inhibitedBy: [String] = [], startsAt: Timestamp? = nil, endsAt: Timestamp? = nil,
        receivers: [String] = []
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
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
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

// MARK: Wire formats (Alertmanager's OpenAPI v2 models, bare JSON arrays without an envelope)

struct AlertmanagerAlertWire: Decodable {
    struct Status: Decodable {
        var state: String?
        var silencedBy: [String]?
        var inhibitedBy: [String]?
    }

    struct Receiver: Decodable { var name: String }

    var fingerprint: String?
    var labels: [String: String]?
    var annotations: [String: String]?
    var status: Status?
    var startsAt: String?
    var endsAt: String?
    var receivers: [Receiver]?

    func alert() -> AlertmanagerAlert {
        AlertmanagerAlert(
            fingerprint: fingerprint ?? "", labels: Labels(labels ?? [:]), annotations: annotations ?? [:],
            state: status?.state.flatMap(AlertmanagerAlert.State.init(rawValue:)) ?? .unprocessed,
            silencedBy: status?.silencedBy ?? [], inhibitedBy: status?.inhibitedBy ?? [],
            startsAt: startsAt.flatMap(RFC3339.milliseconds), endsAt: endsAt.flatMap(RFC3339.milliseconds),
            receivers: (receivers ?? []).map(\.name))
    }
}

struct SilenceWire: Decodable {
    struct Status: Decodable { var state: String? }

    struct MatcherWire: Decodable {
        var name: String
        var value: String
        var isRegex: Bool?
        /// Absent before Alertmanager 0.22, where every matcher was positive.
        var isEqual: Bool?
    }

    var id: String
    var matchers: [MatcherWire]?
    var createdBy: String?
    var comment: String?
    var startsAt: String?
    var endsAt: String?
    var status: Status?

    func silence() -> Silence {
        Silence(
            id: id,
            matchers: (matchers ?? []).map { Silence.Matcher(name: $0.name, value: $0.value, isRegex: $0.isRegex ?? false, isEqual: $0.isEqual ?? true) },
            createdBy: createdBy ?? "", comment: comment ?? "",
            startsAt: startsAt.flatMap(RFC3339.milliseconds), endsAt: endsAt.flatMap(RFC3339.milliseconds),
            state: status?.state.flatMap(Silence.State.init(rawValue:)) ?? .active)
    }
}
