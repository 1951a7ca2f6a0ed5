import Dashboards
import PromModel
import Render
import TerminalTypes

extension ViewerReducer {
    /// The help scrolls (↑↓ jk PgUp PgDn Home End); Esc, Enter, q or ? close it.
    func helpKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if [.escape, .enter, .char("q"), .char("?")].contains(key) {
            state.overlay = nil
            return [.redraw]
        }
        let rows = DialogWidget.visibleRows(screenHeight: state.size.height)
        // The cursor runs over the first lines the help can start at: one per line it is longer than the box.
        let positions = max(1, KeyMap.help.count - rows + 1)
        guard Self.moveCursor(&state.cursors.help, key, count: positions, visibleRows: 1, page: rows - 1) else { return [] }
        return [.redraw]
    }

    /// Inspect: ↑↓ jk PgUp PgDn Home End select a value, `y` copies it (the panel's query when
    /// it has no values), `Y` the query; Esc, Enter, q, ? or i close it.
    func inspectKey(_ key: Key, panelID: Int, _ state: inout AppState, now: Timestamp) -> [Effect] {
        if [.escape, .enter, .char("q"), .char("?"), .char("i")].contains(key) {
            state.overlay = nil
            return [.redraw]
        }
        if key == .char("Y") { return copyQuery(&state, now: now) }
        let values = state.inspectedValues(panelID: panelID, now: now)
        if key == .char("y") {
            var cursor = state.cursors.inspect
            cursor.clamp(count: values.count, visibleRows: 1)
            guard values.indices.contains(cursor.selection) else { return copyQuery(&state, now: now) }
            return [.copy(values[cursor.selection].value)]
        }
        let rows = max(1, DialogWidget.visibleRows(screenHeight: state.size.height) - 8)
        guard Self.moveCursor(&state.cursors.inspect, key, count: values.count, visibleRows: rows) else { return [] }
        return [.redraw]
    }

    /// A zoomed dashboard list: ↑↓ jk PgUp PgDn Home End move, Enter opens the dashboard.
    /// nil lets the key through to the main map.
    func dashListKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect]? {
        guard let list = state.zoomedDashList else { return nil }
        let rows = max(1, Geometry.canvasHeight(state.size) - 2)
        if key == .enter {
            var cursor = state.cursors.dashList
            cursor.clamp(count: list.items.count, visibleRows: rows)
            guard list.items.indices.contains(cursor.selection) else { return [] }
            let item = list.items[cursor.selection]
            guard let index = state.dashboards.firstIndex(where: { $0.uid == item.uid }) else {
                state.status = StatusMessage(text: "Dashboard \(item.title) is not loaded", isError: true, at: now)
                return [.redraw]
            }
            if index == state.dashboardIndex {
                state.zoomedPanelID = nil
                return refresh(&state, now: now, force: false) + [.fullRedraw]
            }
            return switchDashboard(to: index, &state, now: now)
        }
        guard Self.moveCursor(&state.cursors.dashList, key, count: list.items.count, visibleRows: rows) else { return nil }
        return [.redraw]
    }

    /// The list keys every cursor shares: ↑↓ (and j k, unless letters are typed into the
    /// list's filter), PgUp PgDn by `page` (a screen less a row of context by default, as
    /// `ListCursor.page`), Home End. False when `key` is not one of them.
    static func moveCursor(_ cursor: inout ListCursor, _ key: Key, count: Int, visibleRows: Int, page: Int? = nil, letters: Bool = true) -> Bool {
        let page = max(1, page ?? visibleRows - 1)
        switch key {
        case .up: cursor.move(by: -1, count: count, visibleRows: visibleRows)
        case .down: cursor.move(by: 1, count: count, visibleRows: visibleRows)
        case .char("k") where letters: cursor.move(by: -1, count: count, visibleRows: visibleRows)
        case .char("j") where letters: cursor.move(by: 1, count: count, visibleRows: visibleRows)
        case .pageUp: cursor.move(by: -page, count: count, visibleRows: visibleRows)
        case .pageDown: cursor.move(by: page, count: count, visibleRows: visibleRows)
        case .home: cursor.first()
        case .end: cursor.last(count: count, visibleRows: visibleRows)
        default: return false
        }
        return true
    }
}
