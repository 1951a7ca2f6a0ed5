import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// Rough timings for the report (printed), with bounds loose enough for a busy CI machine.
@Suite struct PerformanceTests {
    func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func sixteenPanelDashboardAt200x60() {
        var panels: [Panel] = []
        var data: [Int: PanelData] = [:]
        let kinds = ["stat", "gauge", "bargauge", "timeseries", "table", "heatmap", "piechart", "timeseries"]
        for index in 0..<16 {
            let source = [Fixture.portfolio, Fixture.queueLag, Fixture.positions, Fixture.requestRate, Fixture.positionsTable,
                          Fixture.heatmap, Fixture.distribution, Fixture.latency][index % 8]
            var panel = source
            panel.id = 200 + index
            panel.type = kinds[index % 8]
            panel.gridPos = GridPos(x: (index % 4) * 6, y: (index / 4) * 8, w: 6, h: 8)
            panels.append(panel)
            data[panel.id] = Fixture.data[source.id]
        }
        let dashboard = Dashboard(uid: "perf", title: "Perf", panels: panels)
        let renderer = DashboardRenderer()
        var frame: DashboardFrame?
        let elapsed = seconds {
            for _ in 0..<10 {
                let models = renderer.viewModels(dashboard: dashboard, data: data)
                frame = renderer.render(dashboard: dashboard, panels: models, width: 200, height: 60, state: DashboardViewState())
            }
        }
        print("perf: 16-panel 200x60 frame (models + render): \(String(format: "%.2f", elapsed / 10 * 1000)) ms")
        #expect(frame?.visiblePanelIDs.count == 16)
        #expect(elapsed / 10 < 1.0)
        // Bytes for a steady refresh (one stat changes) against a full repaint.
        guard let before = frame?.buffer else { return }
        var changed = data
        changed[200] = Fixture.matrix([Fixture.series(Labels(), { 2_000_000 + 500 * Double($0) })])
        let after = renderer.render(dashboard: dashboard, panels: renderer.viewModels(dashboard: dashboard, data: changed),
                                    width: 200, height: 60, state: DashboardViewState()).buffer
        let diffBytes = after.diff(from: before).reduce(0) { $0 + 12 + $1.cells.reduce(0) { $0 + $1.symbol.utf8.count + 20 } }
        let fullBytes = AnsiSerializer.serialize(after).utf8.count
        print("perf: steady refresh ~\(diffBytes) bytes vs full repaint \(fullBytes) bytes")
        #expect(diffBytes > 0 && diffBytes < fullBytes / 5)
    }

    @Test func thousandSeriesTimeSeries() {
        let series = (0..<1000).map { index in Fixture.series(Labels(["instance": "host-\(index)"]), { sin(Double($0 + index) / 7) * Double(index) }) }
        let panel = Fixture.requestRate
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.matrix(series))
        var buffer = Buffer(width: 200, height: 50)
        let elapsed = seconds { PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: Theme()) }
        print("perf: 1,000-series time series at 200x50: \(String(format: "%.1f", elapsed * 1000)) ms")
        #expect(elapsed < 3)
    }

    @Test func tenThousandRowTable() {
        let elements = (0..<10_000).map { (Labels(["instance": "host-\($0)", "job": "job-\($0 % 7)"]), Double($0)) }
        var panel = Fixture.positionsTable
        panel.targets = [Target(expr: "x", instant: true)]
        var model: PanelViewModel?
        var buffer = Buffer(width: 120, height: 40)
        let elapsed = seconds {
            model = PanelViewModelBuilder().build(panel: panel, data: Fixture.vector(elements))
            if let model { PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: Theme()) }
        }
        print("perf: 10,000-row table (model + sort + render): \(String(format: "%.1f", elapsed * 1000)) ms")
        #expect(buffer.lines[1].contains("host-9999"))
        #expect(elapsed < 5)
    }
}
