import PrometheusAPI
import PromModel
import Render

/// The `a` view: Prometheus's firing and pending alerts, then Alertmanager's alerts (active
/// or suppressed, with the silence or inhibiting alert) and its active and pending silences.
/// Each source fails on its own line without hiding the others.
enum AlertsOverlay {
    struct Line: Hashable {
        var text: String
        var style: Style = .plain
    }

    private static let heading = Style(attributes: .bold)
    private static let dim = Style(foreground: .ansi(8))
    private static let error = Style(foreground: .ansi(1))
    private static let firing = Style(foreground: .ansi(1), attributes: .bold)
    private static let warning = Style(foreground: .ansi(3))

    /// List rows of the dialog on a screen `screenHeight` lines high (border and footer aside).
    static func visibleRows(screenHeight: Int) -> Int { max(1, screenHeight - 3) }

    /// The view's lines, long ones wrapped to the screen so nothing (say "ends in 2h") is cut off.
    static func lines(_ state: AppState, now: Timestamp) -> [Line] {
        let width = max(20, state.size.width - 6)
        return unwrapped(state, now: now).flatMap { line in
            OverlayRenderer.wrap(line.text, width: width).map { Line(text: $0, style: line.style) }
        }
    }

    private static func unwrapped(_ state: AppState, now: Timestamp) -> [Line] {
        var lines = [Line(text: "Prometheus alerts", style: heading)]
        lines += prometheus(state.alerts, now: now)
        switch state.alertmanager {
        case .notConfigured:
            break
        case .notLoaded, .loading:
            lines += [Line(text: ""), Line(text: "Alertmanager", style: heading), Line(text: "  Loading…", style: dim)]
        case .loaded(let snapshot, _):
            lines += [Line(text: ""), Line(text: "Alertmanager alerts", style: heading)]
            lines += alertmanagerAlerts(snapshot, now: now)
            lines += [Line(text: ""), Line(text: "Silences", style: heading)]
            lines += silences(snapshot.silences, now: now)
        }
        return lines
    }

    static func draw(_ state: AppState, now: Timestamp, into buffer: inout Buffer) {
        let lines = lines(state, now: now)
        let widest = lines.map { Draw.width($0.text) }.max() ?? 40
        let width = min(buffer.width - 2, max(60, widest + 4))
        let inner = Draw.dialog(width: width, height: lines.count + 3, title: "Alerts", into: &buffer)
        let rows = max(1, inner.height - 1)
        let first = max(0, min(state.alertsScroll, lines.count - rows))
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            Draw.text(Draw.truncate(line.text, to: inner.width - 2), x: inner.x + 1, y: inner.y + offset, style: line.style, into: &buffer)
        }
        var footer = "r reload  Esc close"
        if lines.count > rows {
            footer = "↑↓ PgUp PgDn scroll  " + footer + "  \(first + 1)-\(min(lines.count, first + rows))/\(lines.count)"
        }
        Draw.text(Draw.truncate(footer, to: inner.width - 1), x: inner.x + 1, y: inner.maxY - 1, style: dim, into: &buffer)
    }

    // MARK: Sections

    private static func prometheus(_ alerts: AlertsState, now: Timestamp) -> [Line] {
        switch alerts {
        case .notLoaded, .loading: return [Line(text: "  Loading…", style: dim)]
        case .failed(let failure): return failed("alerts", failure)
        case .loaded(let alerts, _):
            let shown = alerts.filter { $0.state != .inactive }
                .sorted { ($0.state == .firing ? 0 : 1, $0.labels) < ($1.state == .firing ? 0 : 1, $1.labels) }
            guard !shown.isEmpty else { return [Line(text: "  No firing or pending alerts", style: dim)] }
            return shown.map { alert in
                let since = alert.activeAt.map { " for \(duration(now - $0))" } ?? ""
                let text = "  \(alert.state == .firing ? "FIRING " : "pending") \(describe(alert.labels))\(since)\(summary(alert.annotations))"
                return Line(text: text, style: alert.state == .firing ? firing : warning)
            }
        }
    }

    private static func alertmanagerAlerts(_ snapshot: AlertmanagerSnapshot, now: Timestamp) -> [Line] {
        let alerts: [AlertmanagerAlert]
        switch snapshot.alerts {
        case .failure(let failure): return failed("Alertmanager alerts", failure)
        case .success(let loaded): alerts = loaded
        }
        guard !alerts.isEmpty else { return [Line(text: "  No alerts in Alertmanager", style: dim)] }
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
            return Line(text: text, style: alert.state == .active ? firing : dim)
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
        guard !current.isEmpty else { return [Line(text: "  No active or pending silences", style: dim)] }
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
            return Line(text: text, style: silence.state == .active ? .plain : dim)
        }
    }

    // MARK: Pieces

    private static func failed(_ what: String, _ failure: QueryError) -> [Line] {
        [Line(text: "  Could not load \(what): \(failure.summary)", style: error), Line(text: "  \(failure.message)", style: dim)]
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
