/// The keys, as the `?` overlay lists them.
public enum KeyMap {
    public static let help: [(keys: String, action: String)] = [
        ("1-9 Tab S-Tab", "switch dashboard"),
        ("d", "dashboard picker"),
        ("←↓↑→ hjkl", "move panel focus"),
        ("PgUp PgDn", "scroll the dashboard"),
        ("Enter / Esc", "zoom panel full screen / back"),
        ("+ / -", "zoom time range out / in"),
        ("[ / ]", "pan time range back / forward"),
        ("t", "time range picker"),
        ("p", "pause / resume refresh"),
        ("r", "refresh now"),
        ("v", "variables"),
        ("i", "inspect focused panel"),
        ("e", "export focused panel as CSV"),
        (":", "ad-hoc PromQL query"),
        ("a", "alerts"),
        ("Ctrl-L", "redraw screen"),
        ("?", "this help"),
        ("q", "quit"),
    ]

    /// The time picker's presets.
    public static let timePresets = ["5m", "15m", "30m", "1h", "3h", "6h", "12h", "24h", "2d", "7d"]
}
