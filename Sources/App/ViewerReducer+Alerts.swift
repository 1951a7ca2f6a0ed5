import PromModel
import TerminalTypes

extension ViewerReducer {
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

    /// Keys of the `a` view: reload, close, and scrolling through a long list.
    func alertsKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect] {
        let page = max(1, Geometry.canvasHeight(state.size) - 4)
        switch key {
        case .char("r"): return reloadAlerts(&state)
        case .escape, .char("q"), .char("a"):
            state.overlay = nil
            return [.redraw]
        case .down, .char("j"): return scrollAlerts(by: 1, &state, now: now)
        case .up, .char("k"): return scrollAlerts(by: -1, &state, now: now)
        case .pageDown, .char(" "): return scrollAlerts(by: page, &state, now: now)
        case .pageUp: return scrollAlerts(by: -page, &state, now: now)
        case .home, .char("g"): return scrollAlerts(by: -state.alertsScroll, &state, now: now)
        case .end, .char("G"): return scrollAlerts(by: Int.max / 2, &state, now: now)
        default: return []
        }
    }

    func scrollAlerts(by delta: Int, _ state: inout AppState, now: Timestamp) -> [Effect] {
        let lines = AlertsOverlay.lines(state, now: now).count
        // The last page stays full: no scrolling past the end of the list.
        let rows = AlertsOverlay.visibleRows(screenHeight: state.size.height)
        let scroll = min(max(0, state.alertsScroll + delta), max(0, lines - rows))
        guard scroll != state.alertsScroll else { return [] }
        state.alertsScroll = scroll
        return [.redraw]
    }
}
