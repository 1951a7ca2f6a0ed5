import PromModel
import Render

/// The `a` view: two tabs, alerts (Prometheus's firing and pending ones, then Alertmanager's,
/// active or suppressed with the silence or inhibiting alert) and Alertmanager's silences,
/// each a list with a highlighted line; or, while open, the silence form. A source that
/// fails says so above the list without hiding the others.
enum AlertsOverlay {
    typealias Line = DialogModel.Line

    /// Lines under the list: the highlighted item in full.
    static let detailLines = 2

    static func dialog(_ state: AppState, now: Timestamp) -> DialogModel {
        if let form = state.alertsView.form { return SilenceFormOverlay.dialog(form, width: textWidth(state)) }
        let view = state.alertsView
        let header = headerLines(state, now: now)
        let rows = listRows(state, now: now)
        let items: [Line]
        let cursor: ListCursor
        var details: [String] = []
        var footer: String
        switch view.tab {
        case .alerts:
            let alerts = AlertRows.alerts(state)
            cursor = view.alerts
            items = alerts.map { Line(describe($0, now: now), $0.role) }
            if alerts.indices.contains(cursor.selection) { details = detail(alerts[cursor.selection]) }
            footer = "Tab silences  s silence  Enter panel  o sort  r reload  Esc close"
        case .silences:
            let silences = AlertRows.silences(state)
            cursor = view.silences
            items = silences.map { Line(describe($0.silence, now: now), $0.silence.state == .active ? .plain : .dim) }
            if silences.indices.contains(cursor.selection) { details = detail(silences[cursor.selection].silence) }
            footer = "Tab alerts  x expire  y copy id  r reload  Esc close"
        }
        let visible = cursor.visibleRange(count: items.count, visibleRows: rows)
        var lines = header
        var selection: Int?
        if items.isEmpty {
            lines.append(Line("  " + emptyText(state), .dim))
        } else {
            var clamped = cursor
            clamped.clamp(count: items.count, visibleRows: rows)
            selection = header.count + clamped.selection - visible.lowerBound
            lines += visible.map { items[$0] }
            footer += "  \(clamped.selection + 1)/\(items.count)"
        }
        let width = textWidth(state)
        let wrapped = details.flatMap { TextFit.hardWrap($0, width: width) }
        if !wrapped.isEmpty {
            lines += Array(wrapped.prefix(detailLines)).map { Line($0, .dim) }
        }
        return DialogModel(title: "Alerts", lines: lines.map { Line(TextFit.truncate($0.text, to: width), $0.role) },
                           selection: selection, footer: footer, minimumWidth: 60)
    }

    /// List rows on screen: the dialog's rows less the tab bar, the source's status lines and
    /// the detail. The reducer moves the cursor with the same number the frame draws with.
    static func listRows(_ state: AppState, now: Timestamp) -> Int {
        max(1, DialogWidget.visibleRows(screenHeight: state.size.height) - headerLines(state, now: now).count - detailLines)
    }

    private static func textWidth(_ state: AppState) -> Int { max(20, state.size.width - 6) }

    // MARK: Above the list

    private static func headerLines(_ state: AppState, now: Timestamp) -> [Line] {
        let view = state.alertsView
        let alertCount = AlertRows.alerts(state).count
        let silenceCount = AlertRows.silences(state).count
        let tabs = view.tab == .alerts
            ? "[1 Alerts (\(alertCount))]   2 Silences (\(silenceCount))"
            : " 1 Alerts (\(alertCount))   [2 Silences (\(silenceCount))]"
        var lines = [Line(tabs + (view.tab == .alerts ? "      sort: \(view.sort.rawValue) (o)" : ""), .heading)]
        if let notice = view.notice { lines.append(Line("  " + notice.text, notice.isError ? .error : .plain)) }
        if let id = view.expiring, let silence = AlertRows.silences(state).first(where: { $0.silence.id == id })?.silence {
            lines.append(Line("  Press x again to expire \(silence.matchers.map(\.description).joined(separator: ", "))", .warning))
        }
        switch view.tab {
        case .alerts:
            switch state.alerts {
            case .notLoaded, .loading: lines.append(Line("  Prometheus: loading…", .dim))
            case .failed(let failure): lines += failed("alerts", failure)
            case .loaded: break
            }
            switch state.alertmanager {
            case .notConfigured: break
            case .notLoaded, .loading: lines.append(Line("  Alertmanager: loading…", .dim))
            case .loaded(let snapshot, _):
                if case .failure(let failure) = snapshot.alerts { lines += failed("Alertmanager alerts", failure) }
            }
        case .silences:
            switch state.alertmanager {
            case .notConfigured: break
            case .notLoaded, .loading: lines.append(Line("  Alertmanager: loading…", .dim))
            case .loaded(let snapshot, _):
                if case .failure(let failure) = snapshot.silences { lines += failed("silences", failure) }
            }
        }
        return lines
    }

    private static func emptyText(_ state: AppState) -> String {
        switch state.alertsView.tab {
        case .alerts: return "No firing or pending alerts"
        case .silences:
            if state.alertmanager == .notConfigured { return "No Alertmanager configured (--alertmanager, or alertmanager_url in the config)" }
            return "No active or pending silences"
        }
    }

    private static func failed(_ what: String, _ failure: QueryError) -> [Line] {
        [Line("  Could not load \(what): \(failure.summary)", .error), Line("  \(failure.message)", .dim)]
    }

    // MARK: Items

    private static func describe(_ row: AlertRow, now: Timestamp) -> String {
        let source = row.source == .prometheus ? "prom" : "am  "
        let since = row.since.map { " for \(duration(now - $0))" } ?? ""
        let reason = row.reason.isEmpty ? "" : " · " + row.reason
        return "\(source) \(row.stateText) \(short(row.labels))\(since)\(summary(row.annotations))\(reason)"
    }

    private static func detail(_ row: AlertRow) -> [String] {
        var lines = [row.labels.description]
        if let text = row.annotations["description"] ?? row.annotations["summary"] { lines.append(text) }
        return lines
    }

    /// State, matchers, ends in, comment, creator.
    private static func describe(_ silence: Silence, now: Timestamp) -> String {
        var parts = [silence.matchers.map(\.description).joined(separator: ", ")]
        if silence.state == .pending, let startsAt = silence.startsAt {
            parts.append("starts in \(duration(startsAt - now))")
        } else if let endsAt = silence.endsAt {
            parts.append("ends in \(duration(endsAt - now))")
        }
        if !silence.comment.isEmpty { parts.append(silence.comment) }
        if !silence.createdBy.isEmpty { parts.append("by \(silence.createdBy)") }
        return "\(silence.state == .active ? "active " : "pending") " + parts.joined(separator: " · ")
    }

    private static func detail(_ silence: Silence) -> [String] {
        ["id \(silence.id)" + (silence.createdBy.isEmpty ? "" : " · created by \(silence.createdBy)")]
    }

    /// `Name [severity] service=x` without the noise of every label.
    private static func short(_ labels: Labels) -> String {
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
