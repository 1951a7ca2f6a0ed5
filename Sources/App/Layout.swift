import Dashboards
import Render

/// Where a panel sits on the (possibly taller than the screen) dashboard canvas.
public struct PanelRect: Hashable, Sendable {
    public var panelID: Int
    public var rect: Rect

    public init(panelID: Int, rect: Rect) {
        self.panelID = panelID
        self.rect = rect
    }
}

/// Places a dashboard's panels on a canvas `width` columns wide, with `height` lines
/// available before scrolling.
///
/// Seam: the render module's layout plugs in here; `GridLayout` is the built-in one.
public protocol DashboardLayouting: Sendable {
    func layout(_ dashboard: Dashboard, width: Int, height: Int) -> [PanelRect]
}

/// Grafana's 24-column grid scaled to the terminal: columns proportionally, grid rows
/// squeezed to fit the height when they can while keeping every panel at least
/// `minimumPanelHeight` lines (the rest scrolls).
public struct GridLayout: DashboardLayouting {
    public var minimumPanelHeight: Int

    public init(minimumPanelHeight: Int = 5) {
        self.minimumPanelHeight = minimumPanelHeight
    }

    public func layout(_ dashboard: Dashboard, width: Int, height: Int) -> [PanelRect] {
        let panels = Self.visiblePanels(of: dashboard)
        guard !panels.isEmpty, width > 0 else { return [] }
        let bottom = panels.map { $0.gridPos.y + max(1, $0.gridPos.h) }.max() ?? 1
        let smallest = panels.map { max(1, $0.gridPos.h) }.min() ?? 1
        let fit = Double(max(1, height)) / Double(bottom)
        let scale = max(fit, Double(minimumPanelHeight) / Double(smallest))
        return panels.map { panel in
            let grid = panel.gridPos
            let x0 = min(24, max(0, grid.x)) * width / 24
            let x1 = min(24, max(0, grid.x + max(1, grid.w))) * width / 24
            let y0 = Int((Double(max(0, grid.y)) * scale).rounded())
            let y1 = Int((Double(max(0, grid.y) + max(1, grid.h)) * scale).rounded())
            return PanelRect(panelID: panel.id, rect: Rect(x: x0, y: y0, width: max(1, x1 - x0), height: max(1, y1 - y0)))
        }
    }

    /// Panels shown on the canvas: top-level ones except row headers; a collapsed row keeps
    /// its panels hidden, as in Grafana.
    public static func visiblePanels(of dashboard: Dashboard) -> [Panel] {
        dashboard.panels.filter { $0.type != "row" }
    }
}
