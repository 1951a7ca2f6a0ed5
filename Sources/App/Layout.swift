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
/// `RenderLayout` (the render module's layout) is the real one.
public protocol DashboardLayouting: Sendable {
    func layout(_ dashboard: Dashboard, width: Int, height: Int) -> [PanelRect]
}
