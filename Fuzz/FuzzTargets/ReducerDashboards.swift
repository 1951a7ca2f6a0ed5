import App
import Dashboards
import TestSupport

/// The dashboards the reducer target drives: the four demo dashboards from dashboards/, the
/// built-in overview, and one with variables, a repeat and a collapsed row, which the demo
/// dashboards lack.
enum ReducerDashboards {
    static let all: [Dashboard] = demo + [BuiltinDashboards.prometheusOverview, repeated]

    /// Read once from the repository the fuzz target was built from.
    static let demo: [Dashboard] = {
        let catalog = try? DashboardLoader().load(repositoryRoot() + "/dashboards")
        return (catalog?.files ?? []).map(\.dashboard)
    }()

    static let repeated = Dashboard(
        uid: "fuzz-repeat", title: "Repeats", refresh: "5s",
        panels: [
            Panel(id: 1, type: "stat", title: "$instance", gridPos: GridPos(x: 0, y: 0, w: 6, h: 4),
                  targets: [Target(expr: "up{instance=~\"$instance\"}")], repeatVariable: "instance", maxPerRow: 4),
            Panel(id: 2, type: "row", title: "Details", gridPos: GridPos(x: 0, y: 4, w: 24, h: 1), collapsed: true,
                  panels: [Panel(id: 3, type: "timeseries", title: "Rate", gridPos: GridPos(x: 0, y: 5, w: 24, h: 8),
                                 targets: [Target(expr: "rate(x{job=\"$job\"}[$__rate_interval])")])]),
            Panel(id: 4, type: "table", title: "By $job", gridPos: GridPos(x: 0, y: 5, w: 12, h: 30), targets: [Target(expr: "sum by (job) (up)")]),
            Panel(id: 5, type: "timeseries", title: "Tall", gridPos: GridPos(x: 12, y: 5, w: 12, h: 60), targets: [Target(expr: "up")]),
        ],
        variables: [
            Variable(name: "job", kind: .query, query: "label_values(up, job)", current: ["api"], multi: false, includeAll: true),
            Variable(name: "instance", kind: .query, query: "label_values(up{job=\"$job\"}, instance)", current: ["a"], multi: true, includeAll: true),
            Variable(name: "interval", kind: .custom, query: "1m, 5m,10m", current: ["1m"]),
            Variable(name: "empty", kind: .custom, query: "", current: []),
        ])
}
