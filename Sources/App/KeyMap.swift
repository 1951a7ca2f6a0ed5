import Render

/// The keys, as the `?` overlay and the footer list them.
public enum KeyMap {
    public static let help: [(keys: String, action: String)] = [
        ("1-9 Tab S-Tab", "switch dashboard"),
        ("d", "dashboard picker"),
        ("←↓↑→ hjkl", "move focus (panels and row headers)"),
        ("PgUp PgDn", "scroll the dashboard"),
        ("Enter / Esc", "zoom panel full screen / back"),
        ("Enter, click", "open / close the focused row"),
        ("+ / -", "zoom time range in / out"),
        ("[ / ]", "pan time range back / forward"),
        ("t", "time range picker"),
        ("t z, t -", "zoom time range out ×2 around its centre (Grafana)"),
        ("t ← / t →", "shift time range back / forward by half (Grafana)"),
        ("T", "header: time range as from/to times"),
        ("p", "pause / resume refresh"),
        ("r", "refresh now"),
        ("v", "variables"),
        ("/", "filter panels by title (zoomed graph: series); Esc clears"),
        ("↑↓ jk, Space, Enter", "zoomed graph: select a series, hide/show it, show only it (again: all)"),
        ("←→ hl, Home End", "zoomed graph: move the cursor one step, to the ends"),
        ("↑↓ jk PgUp PgDn Home End", "zoomed table: move the row cursor, page"),
        ("←→ hl, s", "zoomed table: column cursor; sort by it (asc, desc, panel's order)"),
        ("/", "zoomed table: filter rows (any cell); Esc clears"),
        ("↑↓ jk, Enter", "zoomed dashboard list: select, open that dashboard"),
        ("i", "inspect focused panel"),
        ("(in i) ↑↓ jk, y, Y", "inspect: select a value, copy it / the query (OSC 52)"),
        ("(in ?) ↑↓ PgUp PgDn", "scroll this help"),
        ("e", "export focused panel as CSV"),
        ("y", "copy focused panel's query (OSC 52)"),
        (":", "ad-hoc PromQL query"),
        ("m", "metric explorer: type to filter, Enter label breakdown (PgUp PgDn) and graph, Esc back"),
        ("(in :) Home End", "edit: Left/Right, Ctrl-A/E/U/W/K, Up/Down history, Ctrl-R search"),
        ("(in :) Tab", "complete metric, label, value, function; Tab next, Enter take"),
        ("a", "alerts"),
        ("(in a) Tab s o x y", "tabs; s silence alert, Enter its panel, o sort; x x expire, y copy silence"),
        ("Ctrl-L", "redraw screen"),
        ("?", "this help"),
        ("q", "quit"),
    ]

    /// The time picker's presets.
    public static let timePresets = ["5m", "15m", "30m", "1h", "3h", "6h", "12h", "24h", "2d", "7d"]

    /// The footer's hints for what the screen shows now.
    static func footerHints(_ state: AppState) -> [FooterModel.Hint] {
        typealias Hint = FooterModel.Hint
        if let explorer = state.metricExplorer {
            if explorer.opened == nil {
                return [Hint("type", "filter"), Hint("↑↓ PgUp PgDn", "move"), Hint("Enter", "open"), Hint("Ctrl-U", "clear"), Hint("Esc", "back")]
            }
            if state.adhoc == nil { return [Hint("Esc", "back to the list")] }
        }
        if state.adhoc != nil {
            return [Hint("Esc", "back"), Hint("Tab", "table/graph"), Hint(":", "edit"), Hint("e", "export"), Hint("?", "help"), Hint("q", "quit")]
        }
        if state.exploredPanel != nil && state.adhoc == nil {
            return [Hint("Esc", "back"), Hint("↑↓", "series"), Hint("Space", "hide"), Hint("Enter", "isolate"), Hint("←→", "cursor"),
                    Hint("/", "filter"), Hint("?", "help")]
        }
        if state.exploredTable != nil && state.adhoc == nil {
            return [Hint("Esc", "back"), Hint("↑↓", "rows"), Hint("←→", "column"), Hint("s", "sort"), Hint("/", "filter"), Hint("?", "help")]
        }
        if state.zoomedDashList != nil {
            return [Hint("Esc", "back"), Hint("↑↓", "move"), Hint("Enter", "open dashboard"), Hint("?", "help")]
        }
        if state.zoomedPanelID != nil {
            return [Hint("Esc", "back"), Hint("q", "quit"), Hint("r", "refresh"), Hint("t", "time"), Hint("?", "help")]
        }
        let row = state.focusedRow
        var hints = [Hint("?", "help"), Hint("q", "quit")]
        if state.dashboards.count > 1 { hints.append(Hint("Tab", "dashboards")) }
        hints.append(Hint("←↑↓→", "focus"))
        hints.append(row.map { Hint("Enter", $0.collapsed ? "open row" : "close row") } ?? Hint("Enter", "zoom"))
        hints.append(Hint("t", "time"))
        if !(state.dashboard?.variables.isEmpty ?? true) { hints.append(Hint("v", "vars")) }
        hints += [Hint(":", "query"), Hint("a", "alerts")]
        return hints
    }
}
