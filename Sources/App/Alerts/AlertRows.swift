import Foundation
import PromModel
import Render

/// One line of the alerts tab: a Prometheus alert (firing or pending) or an Alertmanager
/// alert (active, new, silenced or inhibited), with what sorting, the silence form and the
/// jump to a panel need.
struct AlertRow: Hashable {
    enum Source: Hashable { case prometheus, alertmanager }

    var source: Source
    var labels: Labels
    var annotations: [String: String]
    /// 0 firing/active, 1 pending/new, 2 silenced/inhibited.
    var stateRank: Int
    var stateText: String
    var role: DialogModel.Role
    var since: Timestamp?
    /// "silenced by alice: maintenance · inhibited by HighErrorRate".
    var reason: String
    /// The rule's expression: from Alertmanager's `generatorURL`, or the embedded rules' own
    /// (Prometheus's alerts API has none).
    var expr: String?

    var name: String { labels["alertname"] ?? labels.description }

    /// Prometheus's conventional severities, most urgent first; anything else after them.
    var severityRank: Int {
        switch labels["severity"]?.lowercased() {
        case "critical", "page", "emergency", "fatal": 0
        case "error", "high", "major": 1
        case "warning", "warn", "medium", "minor": 2
        case "info", "low", "none": 3
        default: 4
        }
    }
}

/// One line of the silences tab.
struct SilenceRow: Hashable {
    var silence: Silence
}

enum AlertRows {
    /// The alerts tab's rows in the chosen order (ties: labels, then Prometheus first).
    static func alerts(_ state: AppState) -> [AlertRow] {
        var rows: [AlertRow] = []
        if case .loaded(let alerts, _) = state.alerts {
            rows += alerts.filter { $0.state != .inactive }.map { alert in
                AlertRow(source: .prometheus, labels: alert.labels, annotations: alert.annotations,
                         stateRank: alert.state == .firing ? 0 : 1, stateText: alert.state == .firing ? "FIRING " : "pending",
                         role: alert.state == .firing ? .critical : .warning, since: alert.activeAt, reason: "", expr: alert.expr)
            }
        }
        if case .loaded(let snapshot, _) = state.alertmanager, case .success(let alerts) = snapshot.alerts {
            rows += alertmanagerRows(alerts, silences: (try? snapshot.silences.get()) ?? [])
        }
        return sorted(rows, by: state.alertsView.sort)
    }

    static func sorted(_ rows: [AlertRow], by sort: AlertsViewState.Sort) -> [AlertRow] {
        func key(_ row: AlertRow) -> (Int64, Int64, String, Int64) {
            let severity = Int64(row.severityRank), state = Int64(row.stateRank)
            return switch sort {
            case .severity: (severity, state, row.name, 0)
            case .state: (state, severity, row.name, 0)
            case .name: (0, 0, row.name, severity)
            // Longest-standing first; alerts without a start time last.
            case .age: (row.since ?? .max, 0, row.name, severity)
            }
        }
        return rows.sorted { a, b in
            let (ka, kb) = (key(a), key(b))
            if ka != kb { return ka < kb }
            return (a.labels, a.source == .prometheus ? 0 : 1) < (b.labels, b.source == .prometheus ? 0 : 1)
        }
    }

    private static func alertmanagerRows(_ alerts: [AlertmanagerAlert], silences: [Silence]) -> [AlertRow] {
        let silencesByID = Dictionary(silences.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let namesByFingerprint = Dictionary(alerts.map { ($0.fingerprint, $0.labels["alertname"] ?? $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
        return alerts.map { alert in
            var reasons: [String] = []
            if !alert.silencedBy.isEmpty {
                reasons.append("silenced by " + alert.silencedBy.map { id in
                    guard let silence = silencesByID[id] else { return String(id.prefix(8)) }
                    let author = silence.createdBy.isEmpty ? String(id.prefix(8)) : silence.createdBy
                    return silence.comment.isEmpty ? author : "\(author): \(silence.comment)"
                }.joined(separator: ", "))
            }
            if !alert.inhibitedBy.isEmpty {
                reasons.append("inhibited by " + alert.inhibitedBy.map { namesByFingerprint[$0] ?? $0 }.joined(separator: ", "))
            }
            let (rank, text): (Int, String) = switch alert.state {
            case .active: (0, "active   ")
            case .unprocessed: (1, "new      ")
            case .suppressed: (2, alert.silencedBy.isEmpty ? "inhibited" : "silenced ")
            }
            return AlertRow(source: .alertmanager, labels: alert.labels, annotations: alert.annotations, stateRank: rank, stateText: text,
                            role: alert.state == .active ? .critical : .dim, since: alert.startsAt,
                            reason: reasons.joined(separator: " · "), expr: alert.generatorURL.flatMap(AlertPanelJump.expr(fromGeneratorURL:)))
        }
    }

    /// The silences tab's rows: active ones first, then pending, each soonest-ending first
    /// (expired silences are history, not news).
    static func silences(_ state: AppState) -> [SilenceRow] {
        guard case .loaded(let snapshot, _) = state.alertmanager, case .success(let silences) = snapshot.silences else { return [] }
        return silences.filter { $0.state != .expired }
            .sorted { ($0.state == .active ? 0 : 1, $0.endsAt ?? .max, $0.id) < ($1.state == .active ? 0 : 1, $1.endsAt ?? .max, $1.id) }
            .map(SilenceRow.init)
    }
}
