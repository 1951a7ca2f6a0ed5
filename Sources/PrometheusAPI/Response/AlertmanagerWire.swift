import Foundation
import PromModel

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
    var generatorURL: String?

    func alert() -> AlertmanagerAlert {
        AlertmanagerAlert(
            fingerprint: fingerprint ?? "", labels: Labels(labels ?? [:]), annotations: annotations ?? [:],
            state: status?.state.flatMap(AlertmanagerAlert.State.init(rawValue:)) ?? .unprocessed,
            silencedBy: status?.silencedBy ?? [], inhibitedBy: status?.inhibitedBy ?? [],
            startsAt: startsAt.flatMap(RFC3339.milliseconds), endsAt: endsAt.flatMap(RFC3339.milliseconds),
            receivers: (receivers ?? []).map(\.name), generatorURL: generatorURL.flatMap { $0.isEmpty ? nil : $0 })
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

/// `POST /api/v2/silences`'s answer.
struct SilenceIDWire: Decodable {
    var silenceID: String
}

/// postableSilence of Alertmanager's OpenAPI v2 spec.
struct PostableSilenceWire: Encodable {
    struct MatcherWire: Encodable {
        var name: String
        var value: String
        var isRegex: Bool
        var isEqual: Bool
    }

    var matchers: [MatcherWire]
    var startsAt: String
    var endsAt: String
    var createdBy: String
    var comment: String

    init(_ draft: SilenceDraft) {
        matchers = draft.matchers.map { MatcherWire(name: $0.name, value: $0.value, isRegex: $0.isRegex, isEqual: $0.isEqual) }
        startsAt = Self.rfc3339(draft.startsAt)
        endsAt = Self.rfc3339(draft.endsAt)
        createdBy = draft.createdBy
        comment = draft.comment
    }

    func json() throws(QueryError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw QueryError(.internal, "could not encode the silence: \(error)", summary: "encoding")
        }
    }

    /// "2026-01-01T14:00:00.000Z".
    static func rfc3339(_ milliseconds: Timestamp) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
