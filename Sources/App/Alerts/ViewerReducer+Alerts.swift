import PromModel
import Render
import TerminalTypes

extension ViewerReducer {
    /// `a`: opens the alerts view on its alerts tab, top of the list, and reloads.
    func openAlerts(_ state: inout AppState) -> [Effect] {
        state.overlay = .alerts
        state.alertsView.tab = .alerts
        state.alertsView.alerts.first()
        state.alertsView.silences.first()
        state.alertsView.form = nil
        state.alertsView.expiring = nil
        state.alertsView.notice = nil
        return reloadAlerts(&state)
    }

    /// Asks Prometheus (and Alertmanager when configured) for alerts again.
    func reloadAlerts(_ state: inout AppState) -> [Effect] {
        state.alerts = .loading
        var effects: [Effect] = [.fetchAlerts]
        if state.alertmanager != .notConfigured {
            state.alertmanager = .loading
            effects.append(.fetchAlertmanager)
        }
        return effects + [.redraw]
    }

    /// Keys of the `a` view: tabs, the list's cursor, sort, and the silence actions.
    func alertsKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect] {
        if state.alertsView.form != nil { return silenceFormKey(key, &state, now: now) }
        // A first `x` waits for its second one; any other key forgets it.
        let expiring = state.alertsView.expiring
        state.alertsView.expiring = nil
        let forgot: [Effect] = expiring == nil ? [] : [.redraw]
        let tab = state.alertsView.tab
        switch key {
        case .char("r"): return reloadAlerts(&state)
        case .escape, .char("q"), .char("a"):
            state.overlay = nil
            return [.redraw]
        case .tab, .backTab:
            state.alertsView.tab = tab == .alerts ? .silences : .alerts
            return [.redraw]
        case .char("1"), .char("2"):
            state.alertsView.tab = key == .char("1") ? .alerts : .silences
            return tab == state.alertsView.tab ? forgot : [.redraw]
        // Space, g and G as less and vim have them: a page, the top, the bottom.
        case .down, .char("j"), .up, .char("k"), .pageDown, .char(" "), .pageUp, .home, .char("g"), .end, .char("G"):
            let move: Key = switch key {
            case .char(" "): .pageDown
            case .char("g"): .home
            case .char("G"): .end
            default: key
            }
            return moveAlertsCursor(&state, now: now) { _ = Self.moveCursor(&$0, move, count: $1, visibleRows: $2) } + forgot
        case .char("o") where tab == .alerts:
            state.alertsView.sort = state.alertsView.sort.next
            state.alertsView.alerts.first()
            return [.redraw]
        case .char("s") where tab == .alerts: return openSilenceForm(&state)
        case .enter where tab == .alerts: return jumpToAlertPanel(&state, now: now)
        case .char("x") where tab == .silences: return expireKey(confirming: expiring, &state)
        case .char("y") where tab == .silences:
            guard let silence = selectedSilence(state) else { return forgot }
            return [.copy(silence.id)] + forgot
        default: return forgot
        }
    }

    /// Moves the shown tab's cursor over its list as drawn now (`body` gets the count and rows).
    func moveAlertsCursor(_ state: inout AppState, now: Timestamp, _ body: (inout ListCursor, Int, Int) -> Void) -> [Effect] {
        let rows = AlertsOverlay.listRows(state, now: now)
        switch state.alertsView.tab {
        case .alerts:
            let before = state.alertsView.alerts
            body(&state.alertsView.alerts, AlertRows.alerts(state).count, rows)
            return state.alertsView.alerts == before ? [] : [.redraw]
        case .silences:
            let before = state.alertsView.silences
            body(&state.alertsView.silences, AlertRows.silences(state).count, rows)
            return state.alertsView.silences == before ? [] : [.redraw]
        }
    }

    func selectedAlert(_ state: AppState) -> AlertRow? {
        let rows = AlertRows.alerts(state)
        let index = state.alertsView.alerts.selection
        return rows.indices.contains(index) ? rows[index] : nil
    }

    func selectedSilence(_ state: AppState) -> Silence? {
        let rows = AlertRows.silences(state)
        let index = state.alertsView.silences.selection
        return rows.indices.contains(index) ? rows[index].silence : nil
    }

    /// Enter on an alert: zooms the panel whose queries use the rule's metrics (the rule's
    /// expression comes from Alertmanager's `generatorURL`), opening its row if collapsed.
    func jumpToAlertPanel(_ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let alert = selectedAlert(state) else { return [] }
        guard let expr = alert.expr else {
            state.alertsView.notice = .init(
                text: "No query known for \(alert.name): Prometheus's alerts API has none; Alertmanager's alerts carry it (--alertmanager)",
                isError: true)
            return [.redraw]
        }
        guard let target = AlertPanelJump.target(for: expr, in: state, calculator: calculator) else {
            state.alertsView.notice = .init(text: "No panel of these dashboards queries what \(alert.name) does: \(expr)", isError: true)
            return [.redraw]
        }
        state.overlay = nil
        var effects = switchDashboard(to: target.dashboardIndex, &state, now: now)
        if let dashboard = state.dashboard, !dashboard.panels.contains(where: { $0.id == target.panelID }),
           let row = dashboard.panels.first(where: { $0.type == "row" && $0.panels.contains { $0.id == target.panelID } }) {
            state.toggledRows[dashboard.uid, default: []].formSymmetricDifference([row.id])
        }
        state.focusedPanelID = target.panelID
        state.zoomedPanelID = target.panelID
        state.explore.series = SeriesExplorer()
        state.status = StatusMessage(text: "\(alert.name): panel \"\(target.title)\" uses its metrics", isError: false, at: now)
        effects += cancelPanels([target.panelID], &state) + refresh(&state, now: now, force: false)
        return effects + [.fullRedraw]
    }
}
