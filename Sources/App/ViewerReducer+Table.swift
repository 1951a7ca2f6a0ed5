import PromModel
import Render
import TerminalTypes

extension ViewerReducer {
    /// Keys of a zoomed table (a panel's or the `:` query's): ↑↓ jk rows, PgUp PgDn Home End
    /// pages, ←→ hl the column cursor, `s` sorts by it (asc → desc → the panel's order).
    /// nil lets the key through to the main map.
    func tableKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect]? {
        guard let model = state.exploredTableModel(now: now) else { return nil }
        var table = state.explore.table
        let count = model.rows.count
        let rows = Self.tableBodyRows(state)
        switch key {
        case _ where Self.moveCursor(&table.rows, key, count: count, visibleRows: rows): break
        case .left, .char("h"): table.moveColumn(by: -1, count: model.columns.count)
        case .right, .char("l"): table.moveColumn(by: 1, count: model.columns.count)
        case .char("s"):
            guard !model.columns.isEmpty else { return [] }
            table.moveColumn(by: 0, count: model.columns.count)
            table.cycleSort()
        default: return nil
        }
        state.explore.table = table
        return [.redraw]
    }

    /// Table rows on screen when zoomed: the body less the panel's border, the table's header
    /// and its status line (the widget clamps to its real area; this sets the page size).
    static func tableBodyRows(_ state: AppState) -> Int {
        TableExplorer.bodyRows(height: Geometry.canvasHeight(state.size) - 2)
    }
}
