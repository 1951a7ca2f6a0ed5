import PromModel
import Render
import TerminalTypes

extension ViewerReducer {
    /// `/` and the filter's own keys anywhere on the dashboard; in a zoomed time series the
    /// legend list (↑↓ jk PgUp PgDn select, Space hide/show, Enter isolate/show all) and the
    /// cursor (←→ hl one step, Home End). nil lets the key through to the main map.
    func handleExploreKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect]? {
        if state.explore.editingFilter { return filterKey(key, &state, now: now) }
        let target = state.filterTarget
        if key == .char("/") {
            guard target != .none else { return nil }
            state.explore.editingFilter = true
            return [.redraw]
        }
        if key == .escape, target != .none, state.activeFilter != "" {
            return setFilter("", &state, now: now) + [.redraw]
        }
        if target == .table { return tableKey(key, &state, now: now) }
        let explored = state.exploredSeries(now: now)
        guard let (names, steps) = explored else { return nil }
        var series = state.explore.series
        let last = max(0, names.count - 1)
        switch key {
        case .left, .char("h"): series.cursorStep = max(0, (series.cursorStep ?? steps + 1) - 1)
        case .right, .char("l"): series.cursorStep = min(steps, (series.cursorStep ?? steps - 1) + 1)
        case .home: series.cursorStep = 0
        case .end: series.cursorStep = steps
        case .up, .char("k"): series.selection = max(0, min(series.selection, last) - 1)
        case .down, .char("j"): series.selection = min(last, series.selection + 1)
        case .pageUp: series.selection = max(0, min(series.selection, last) - 10)
        case .pageDown: series.selection = min(last, series.selection + 10)
        case .char(" "):
            guard names.indices.contains(min(series.selection, last)) else { return [] }
            series.toggle(names[min(series.selection, last)])
        case .enter:
            guard names.indices.contains(min(series.selection, last)) else { return [] }
            series.isolate(names[min(series.selection, last)], among: names)
        default: return nil
        }
        state.explore.series = series
        return [.redraw]
    }

    /// Typing after `/`: the filter applies as it is typed; Enter keeps it, Esc clears it.
    private func filterKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect] {
        let text = state.activeFilter
        switch key {
        case .enter:
            state.explore.editingFilter = false
            return [.redraw]
        case .escape:
            state.explore.editingFilter = false
            return setFilter("", &state, now: now) + [.redraw]
        case .backspace: return setFilter(String(text.dropLast()), &state, now: now) + [.redraw]
        case .ctrl("u"): return setFilter("", &state, now: now) + [.redraw]
        case .char(let c): return setFilter(text + String(c), &state, now: now) + [.redraw]
        default: return []
        }
    }

    /// A new panel filter lays the dashboard out afresh: back to the top, and the panels
    /// now on screen get their data.
    private func setFilter(_ text: String, _ state: inout AppState, now: Timestamp) -> [Effect] {
        switch state.filterTarget {
        case .series:
            state.explore.series.filter = text
            state.explore.series.selection = 0
            return []
        case .table:
            state.explore.table.setFilter(text)
            return []
        case .none:
            return []
        case .panels:
            break
        }
        guard state.explore.panelFilter != text else { return [] }
        state.explore.panelFilter = text
        state.scroll = 0
        if let focused = state.focusedPanelID, !(state.dashboard?.panels.contains { $0.id == focused } ?? false) {
            state.focusedPanelID = state.dashboard?.panels.first?.id
        }
        return refresh(&state, now: now, force: false)
    }
}
