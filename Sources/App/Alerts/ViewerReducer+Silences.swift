import PromModel
import TerminalTypes

extension ViewerReducer {
    /// `s` on an alert: the silence form, filled from its labels.
    func openSilenceForm(_ state: inout AppState) -> [Effect] {
        guard state.alertmanager != .notConfigured else {
            state.alertsView.notice = .init(text: "Silences need an Alertmanager: --alertmanager URL, or alertmanager_url in the config", isError: true)
            return [.redraw]
        }
        guard let alert = selectedAlert(state) else { return [] }
        state.alertsView.form = SilenceForm(labels: alert.labels, userName: state.userName)
        return [.redraw]
    }

    /// The form's keys: ↑/↓ (Tab, Shift-Tab) between fields, Space toggles a matcher, the
    /// line editor's keys in the text fields, Enter sends, Esc drops the form.
    func silenceFormKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect] {
        guard var form = state.alertsView.form else { return [] }
        defer { if state.alertsView.form != nil { state.alertsView.form = form } }
        let last = form.fields.count - 1
        let onMatcher: Bool
        if case .matcher = form.focusedField { onMatcher = true } else { onMatcher = false }
        switch key {
        case .escape:
            state.alertsView.form = nil
            return [.redraw]
        case .enter:
            guard !form.sending else { return [] }
            switch form.draft(now: now, createdBy: state.userName) {
            case .failure(let problem):
                form.error = problem.message
                return [.redraw]
            case .success(let draft):
                form.error = nil
                form.sending = true
                return [.createSilence(draft), .redraw]
            }
        case .down, .tab, .ctrl("n"):
            form.focus = min(last, form.focus + 1)
        case .up, .backTab, .ctrl("p"):
            form.focus = max(0, form.focus - 1)
        case .char("j") where onMatcher:
            form.focus = min(last, form.focus + 1)
        case .char("k") where onMatcher:
            form.focus = max(0, form.focus - 1)
        case .char(" ") where onMatcher:
            if case .matcher(let index) = form.focusedField, form.matchers.indices.contains(index) {
                form.matchers[index].checked.toggle()
            }
        default:
            switch form.focusedField {
            case .matcher: return []
            case .duration: guard form.duration.edit(key) else { return [] }
            case .comment: guard form.comment.edit(key) else { return [] }
            }
        }
        return [.redraw]
    }

    /// `x` on a silence asks; a second `x` on the same one expires it.
    func expireKey(confirming: String?, _ state: inout AppState) -> [Effect] {
        guard let silence = selectedSilence(state) else { return confirming == nil ? [] : [.redraw] }
        if confirming == silence.id {
            state.alertsView.notice = .init(text: "Expiring \(silence.id.prefix(8))…", isError: false)
            return [.expireSilence(id: silence.id), .redraw]
        }
        state.alertsView.expiring = silence.id
        return [.redraw]
    }

    /// Alertmanager's answer to the form's POST: the form closes on success, or shows why not
    /// (its 400 message, a 401) and stays for another try.
    func silenceCreated(_ result: Result<String, QueryError>, _ state: inout AppState, now: Timestamp) -> [Effect] {
        switch result {
        case .success(let id):
            let name = state.alertsView.form?.alertName
            state.alertsView.form = nil
            state.alertsView.notice = .init(text: "Created silence \(id)" + (name.map { " for \($0)" } ?? ""), isError: false)
            return refetchAlertmanager(&state)
        case .failure(let error):
            let text = Self.refusal(error)
            if state.alertsView.form != nil {
                state.alertsView.form?.sending = false
                state.alertsView.form?.error = text
            } else {
                state.alertsView.notice = .init(text: "Silence not created: " + text, isError: true)
            }
            return [.redraw]
        }
    }

    func silenceExpired(id: String, error: QueryError?, _ state: inout AppState) -> [Effect] {
        if let error {
            state.alertsView.notice = .init(text: "Silence \(id) not expired: " + Self.refusal(error), isError: true)
            return [.redraw]
        }
        state.alertsView.notice = .init(text: "Expired silence \(id)", isError: false)
        return refetchAlertmanager(&state)
    }

    /// "HTTP 400: <Alertmanager's message>"; a 401 or 403 says where credentials go.
    static func refusal(_ error: QueryError) -> String {
        var text = error.message.hasPrefix(error.summary) ? error.message : "\(error.summary): \(error.message)"
        if error.summary == "HTTP 401" || error.summary == "HTTP 403" {
            // AlertmanagerClient.settings sends the datasource's credentials only to the same origin.
            text += " (Alertmanager wants credentials: promdeck sends the datasource's auth only to an Alertmanager on the same host and port)"
        }
        return text
    }

    /// A new look at Alertmanager after a change, keeping the lists drawn until it answers.
    private func refetchAlertmanager(_ state: inout AppState) -> [Effect] {
        guard state.alertmanager != .notConfigured else { return [.redraw] }
        if case .loaded = state.alertmanager { return [.fetchAlertmanager, .redraw] }
        state.alertmanager = .loading
        return [.fetchAlertmanager, .redraw]
    }
}
