import Foundation
import Testing
import TestSupport
import PromModel
import Dashboards
@testable import Render

/// A real rows[]-schema dashboard (dockprom's Monitor Services, see
/// Tests/DashboardsTests/Fixtures/Migration/MANIFEST.md) after migration, drawn over
/// deterministic data: singlestats as stats with their units, graphs as time series with
/// their legends, laid out from the old rows.
@Suite struct MigratedDashboardTests {
    @Test func monitorServicesDrawsAsGrafanaMigratesIt() throws {
        let path = repositoryRoot() + "/Tests/DashboardsTests/Fixtures/Migration/dockprom-monitor-services.json"
        let dashboard = try DashboardLoader().loadFile(path).dashboard
        var data: [Int: PanelData] = [:]
        for panel in dashboard.allPanels {
            let id = Double(panel.id)
            data[panel.id] = Fixture.matrix([
                Fixture.series(Labels(["name": "prometheus"]), { 1000 * id + 200 * sin(Double($0) / 5) }),
                Fixture.series(Labels(["name": "grafana"]), { 600 * id + 100 * cos(Double($0) / 7) }),
            ])
        }
        let renderer = DashboardRenderer()
        let models = renderer.viewModels(dashboard: dashboard, data: data)
        #expect(!models.values.contains { if case .unsupported = $0.content { true } else { false } })
        let frame = renderer.render(dashboard: dashboard, data: data, width: 160, height: 45, state: DashboardViewState(header: HeaderModel(title: "", timeRange: "now-15m → now")))
        Golden.check(frame.buffer, "migrated-dockprom-monitor-services-160x45")
    }
}
