import Dashboards
import Render

/// The render module's dashboard layout (Grafana's grid, rows, stacking below 100 columns)
/// behind the viewer's layout seam, so focus movement and drawing agree.
public struct RenderLayout: DashboardLayouting {
    public init() {}

    public func layout(_ dashboard: Dashboard, width: Int, height: Int) -> [PanelRect] {
        DashboardLayout.compute(dashboard: dashboard, width: width, availableHeight: height).placements.map {
            PanelRect(panelID: $0.panelID, rect: $0.rect)
        }
    }
}
