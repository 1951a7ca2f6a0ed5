import Foundation
import PromModel

/// The small endpoints (series, labels, alerts, rules, metadata, buildinfo) go through
/// JSONDecoder: their bodies are small and their shapes more varied than the query results.
struct Envelope<Payload: Decodable>: Decodable {
    var status: String
    var data: Payload?
    var errorType: String?
    var error: String?
    var warnings: [String]?
}

struct AlertsPayload: Decodable {
    var alerts: [AlertWire]
}

struct AlertWire: Decodable {
    var labels: [String: String]?
    var annotations: [String: String]?
    var state: String?
    var activeAt: String?
    var value: String?

    func alert() -> Alert {
        Alert(
            labels: Labels(labels ?? [:]),
            annotations: annotations ?? [:],
            state: state.flatMap(Alert.State.init(rawValue:)) ?? .firing,
            activeAt: activeAt.flatMap(RFC3339.milliseconds),
            value: value.flatMap { Double($0) } ?? .nan
        )
    }
}

struct RulesPayload: Decodable {
    var groups: [GroupWire]

    struct GroupWire: Decodable {
        var name: String
        var file: String?
        var interval: Double?
        var rules: [RuleWire]?
    }

    struct RuleWire: Decodable {
        var type: String
        var name: String
        var query: String?
        var duration: Double?
        var labels: [String: String]?
        var annotations: [String: String]?
        var health: String?
        var lastError: String?
        var state: String?
        var alerts: [AlertWire]?
    }

    var ruleGroups: [RuleGroup] {
        groups.map { group in
            RuleGroup(name: group.name, file: group.file ?? "", interval: group.interval ?? 0, rules: (group.rules ?? []).map { rule in
                Rule(
                    kind: rule.type == "alerting" ? .alerting : .recording, name: rule.name, query: rule.query ?? "",
                    duration: rule.duration ?? 0, labels: Labels(rule.labels ?? [:]), annotations: rule.annotations ?? [:],
                    health: rule.health ?? "unknown", lastError: rule.lastError.flatMap { $0.isEmpty ? nil : $0 },
                    state: rule.state.flatMap(Alert.State.init(rawValue:)), alerts: (rule.alerts ?? []).map { $0.alert() }
                )
            })
        }
    }
}

/// RFC 3339 times as the API writes them (`2018-07-04T20:27:12.60602144+02:00`), to ms.
enum RFC3339 {
    static func milliseconds(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[start..<(start + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var position = 19
        var millis: Int64 = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            var scale: Int64 = 100
            while position < bytes.count, (48...57).contains(bytes[position]) {
                millis += Int64(bytes[position] - 48) * scale
                scale /= 10
                position += 1
            }
        }
        guard position < bytes.count else { return nil }
        var offsetSeconds: Int64 = 0
        switch bytes[position] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            break
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let offsetHours = number(position + 1, 2), let offsetMinutes = number(position + 4, 2) else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[position] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        // Days from the civil date (Howard Hinnant's algorithm).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * 1000 + millis
    }
}
