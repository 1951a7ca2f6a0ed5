import App
import Dashboards
import Foundation
import PromModel
import PromQL
import Render
import Simulator

/// Frames of the four real dashboards over the demo platform at a fixed time, the way
/// `promdeck snapshot --demo --time` builds them: plan the queries for the layout, run them
/// against the embedded engine, group the answers by panel.
struct DemoFrames: Sendable {
    /// 2026-01-01T14:00:00Z, the time the snapshot examples use.
    static let time: Timestamp = 1_767_276_000_000
    static let width = 200
    static let height = 60

    let platform: DemoPlatform
    /// By file name without `.json`.
    let dashboards: [(name: String, dashboard: Dashboard)]

    init() throws {
        platform = DemoPlatform(seed: 1, now: DemoFrames.time)
        dashboards = try DashboardLoader().load(DemoFrames.dashboardsDirectory).files.map { ($0.name, $0.dashboard) }
    }

    /// The repository's dashboards/, found from this file (the benchmark runs from the package).
    static var dashboardsDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("dashboards").path
    }

    func panel(_ file: String, titled title: String) -> Panel? {
        dashboards.first { $0.name == file }?.dashboard.panels.first { $0.title == title }
    }

    /// Each panel's query results for the hour ending at `time` (the store must hold it).
    func data(for dashboard: Dashboard, at time: Timestamp) async -> [Int: PanelData] {
        platform.advance(to: time)
        let datasource = EmbeddedDatasource(engine: platform.engine)
        let layout = DashboardLayout.compute(dashboard: dashboard, width: DemoFrames.width, availableHeight: DemoFrames.height - 2)
        return await DashboardAnswers.run(
            dashboard, datasource: datasource, from: time - 3_600_000, to: time, panelWidths: layout.panelWidths)
    }

    /// Sixteen real panels (Trading Performance's ten, then Service Health's first six) on a
    /// 4×4 grid, with both dashboards' variables.
    var sixteenPanelDashboard: Dashboard {
        let sources = ["trading-performance", "service-health-overview"].compactMap { name in dashboards.first { $0.name == name }?.dashboard }
        let panels = sources.flatMap { $0.panels.filter { $0.type != "row" } }.prefix(16)
        let placed = panels.enumerated().map { index, original in
            var panel = original
            panel.id = 100 + index
            panel.gridPos = GridPos(x: (index % 4) * 6, y: (index / 4) * 8, w: 6, h: 8)
            return panel
        }
        return Dashboard(uid: "bench-16", title: "Sixteen panels", panels: Array(placed),
                         variables: sources.flatMap(\.variables).reduce(into: []) { kept, variable in
                             if !kept.contains(where: { $0.name == variable.name }) { kept.append(variable) }
                         })
    }
}

/// What a terminal is sent to paint runs of cells: a cursor move per run, an SGR sequence
/// whenever the style changes (the terminal keeps the last one across runs), and the UTF-8
/// of each grapheme. The viewer's curses screen writes no less than this.
enum TerminalBytes {
    static func count(_ runs: [CellRun]) -> Int {
        var bytes = 0
        var current = Style.plain
        for run in runs {
            bytes += "\u{1B}[\(run.y + 1);\(run.x + 1)H".utf8.count
            for cell in run.cells where !cell.isContinuation {
                if cell.style != current {
                    bytes += AnsiSerializer.sgr(cell.style).utf8.count
                    current = cell.style
                }
                bytes += cell.symbol.utf8.count
            }
        }
        return bytes
    }
}
