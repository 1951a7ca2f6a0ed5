import PromModel
import Render

/// The `a` view: Prometheus's firing and pending alerts, then Alertmanager's alerts (active
/// or suppressed, with the silence or inhibiting alert) and its active and pending silences.
/// Each source fails on its own line without hiding the others.
enum AlertsOverlay {
    typealias Line = DialogModel.Line

    private static let heading = DialogModel.Role.heading
    private static let dim = DialogModel.Role.dim
    private static let error = DialogModel.Role.error
    private static let firing = DialogModel.Role.critical
    private static let warning = DialogModel.Role.warning

    /// List rows of the dialog on a screen `screenHeight` lines high (border and footer aside).
    static func visibleRows(screenHeight: Int) -> Int { DialogWidget.visibleRows(screenHeight: screenHeight) }

    /// The view's lines, long ones wrapped to the screen so nothing (say "ends in 2h") is cut off.
    static func lines(_ state: AppState, now: Timestamp) -> [Line] {
        let width = max(20, state.size.width - 6)
        return unwrapped(state, now: now).flatMap { line in
            TextFit.hardWrap(line.text, width: width).map { Line($0, line.role) }
        }
    }

    private static func unwrapped(_ state: AppState, now: Timestamp) -> [Line] {
        var lines = [Line("Prometheus alerts", heading)]
        lines += prometheus(state.alerts, now: now)
        switch state.alertmanager {
        case .notConfigured:
            break
        case .notLoaded, .loading:
            lines += [Line(""), Line("Alertmanager", heading), Line("  Loading…", dim)]
        case .loaded(let snapshot, _):
            lines += [Line(""), Line("Alertmanager alerts", heading)]
            lines += alertmanagerAlerts(snapshot, now: now)
            lines += [Line(""), Line("Silences", heading)]
            lines += silences(snapshot.silences, now: now)
        }
        return lines
    }

    static func dialog(_ state: AppState, now: Timestamp) -> DialogModel {
        let lines = lines(state, now: now)
        let rows = min(lines.count, visibleRows(screenHeight: state.size.height))
        let first = max(0, min(state.alertsScroll, lines.count - rows))
        var footer = "r reload  Esc close"
        if lines.count > rows {
            footer = "↑↓ PgUp PgDn scroll  " + footer + "  \(first + 1)-\(min(lines.count, first + rows))/\(lines.count)"
        }
        return DialogModel(title: "Alerts", lines: lines, scroll: first, footer: footer, minimumWidth: 60)
    }

    // MARK: Sections

    private static func prometheus(_ alerts: AlertsState, now: Timestamp) -> [Line] {
        switch alerts {
        case .notLoaded, .loading: return [Line("  Loading…", dim)]
        case .failed(let failure): return failed("alerts", failure)
        case .loaded(let alerts, _):
            let shown = alerts.filter { $0.state != .inactive }
                .sorted { ($0.state == .firing ? 0 : 1, $0.labels) < ($1.state == .firing ? 0 : 1, $1.labels) }
            guard !shown.isEmpty else { return [Line("  No firing or pending alerts", dim)] }
            return shown.map { alert in
                let since = alert.activeAt.map { " for \(duration(now - $0))" } ?? ""
                let text = "  \(alert.state == .firing ? "FIRING " : "pending") \(describe(alert.labels))\(since)\(summary(alert.annotations))"
                return Line(text, alert.state == .firing ? firing : warning)
            }
        }
    }

    private static func alertmanagerAlerts(_ snapshot: AlertmanagerSnapshot, now: Timestamp) -> [Line] {
        let alerts: [AlertmanagerAlert]
        switch snapshot.alerts {
        case .failure(let failure): return failed("Alertmanager alerts", failure)
        case .success(let loaded): alerts = loaded
        }
        guard !alerts.isEmpty else { return [Line("  No alerts in Alertmanager", dim)] }
        let silencesByID = (try? snapshot.silences.get()).map { Dictionary($0.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let namesByFingerprint = Dictionary(alerts.map { ($0.fingerprint, $0.labels["alertname"] ?? $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
        func rank(_ alert: AlertmanagerAlert) -> Int { alert.state == .active ? 0 : alert.state == .unprocessed ? 1 : 2 }
        return alerts.sorted { (rank($0), $0.labels) < (rank($1), $1.labels) }.map { alert in
            let since = alert.startsAt.map { " for \(duration(now - $0))" } ?? ""
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
            let state = switch alert.state {
            case .active: "active    "
            case .unprocessed: "new       "
            case .suppressed: alert.silencedBy.isEmpty ? "inhibited " : "silenced  "
            }
            let reason = reasons.isEmpty ? "" : " · " + reasons.joined(separator: " · ")
            let text = "  \(state)\(describe(alert.labels))\(since)\(summary(alert.annotations))\(reason)"
            return Line(text, alert.state == .active ? firing : dim)
        }
    }

    private static func silences(_ result: Result<[Silence], QueryError>, now: Timestamp) -> [Line] {
        let silences: [Silence]
        switch result {
        case .failure(let failure): return failed("silences", failure)
        case .success(let loaded): silences = loaded
        }
        let current = silences.filter { $0.state != .expired }
            .sorted { ($0.state == .active ? 0 : 1, $0.endsAt ?? .max) < ($1.state == .active ? 0 : 1, $1.endsAt ?? .max) }
        guard !current.isEmpty else { return [Line("  No active or pending silences", dim)] }
        return current.map { silence in
            var parts = [silence.matchers.map(\.description).joined(separator: ", ")]
            if !silence.createdBy.isEmpty { parts.append("by \(silence.createdBy)") }
            if !silence.comment.isEmpty { parts.append(silence.comment) }
            if silence.state == .pending, let startsAt = silence.startsAt {
                parts.append("starts in \(duration(startsAt - now))")
            } else if let endsAt = silence.endsAt {
                parts.append("ends in \(duration(endsAt - now))")
            }
            let text = "  \(silence.state == .active ? "active " : "pending") " + parts.joined(separator: " · ")
            return Line(text, silence.state == .active ? .plain : dim)
        }
    }

    // MARK: Pieces

    private static func failed(_ what: String, _ failure: QueryError) -> [Line] {
        [Line("  Could not load \(what): \(failure.summary)", error), Line("  \(failure.message)", dim)]
    }

    /// `Name [severity] {other="labels"}` without the noise of every label.
    private static func describe(_ labels: Labels) -> String {
        let name = labels["alertname"] ?? labels.description
        let severity = labels["severity"].map { " [\($0)]" } ?? ""
        let service = labels["service"].map { " service=\($0)" } ?? ""
        return name + severity + service
    }

    private static func summary(_ annotations: [String: String]) -> String {
        (annotations["summary"] ?? annotations["description"]).map { " — \($0)" } ?? ""
    }

    /// Whole seconds under ten minutes, whole minutes above.
    static func duration(_ milliseconds: Int64) -> String {
        let clamped = max(1000, milliseconds)
        let rounded = clamped >= 600_000 ? clamped / 60_000 * 60_000 : clamped / 1000 * 1000
        return PrometheusDuration.format(rounded)
    }
}
