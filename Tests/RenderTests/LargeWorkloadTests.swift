import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// Large inputs render correctly, and a steady refresh sends a fraction of a full repaint.
/// Speed is a benchmark's business, not a unit test's: these assert no timings.
@Suite struct LargeWorkloadTests {
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
        frame = renderer.render(dashboard: dashboard, data: data, width: 200, height: 60, state: DashboardViewState())
        #expect(frame?.visiblePanelIDs.count == 16)
        // Bytes for a steady refresh (one stat changes) against a full repaint.
        guard let before = frame?.buffer else { return }
        var changed = data
        changed[200] = Fixture.matrix([Fixture.series(Labels(), { 2_000_000 + 500 * Double($0) })])
        let after = renderer.render(dashboard: dashboard, data: changed,
                                    width: 200, height: 60, state: DashboardViewState()).buffer
        let diffBytes = after.diff(from: before).reduce(0) { $0 + 12 + $1.cells.reduce(0) { $0 + $1.symbol.utf8.count + 20 } }
        let fullBytes = AnsiSerializer.serialize(after).utf8.count
        #expect(diffBytes > 0 && diffBytes < fullBytes / 5)
    }

    @Test func thousandSeriesTimeSeries() {
        let series = (0..<1000).map { index in Fixture.series(Labels(["instance": "host-\(index)"]), { sin(Double($0 + index) / 7) * Double(index) }) }
        let panel = Fixture.requestRate
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.matrix(series))
        var buffer = Buffer(width: 200, height: 50)
        PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: Theme())
        // Braille dots were drawn.
        #expect(buffer.lines.contains { line in line.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
    }

    @Test func tenThousandRowTable() {
        let elements = (0..<10_000).map { (Labels(["instance": "host-\($0)", "job": "job-\($0 % 7)"]), Double($0)) }
        var panel = Fixture.positionsTable
        panel.targets = [Target(expr: "x", instant: true)]
        var model: PanelViewModel?
        var buffer = Buffer(width: 120, height: 40)
        model = PanelViewModelBuilder().build(panel: panel, data: Fixture.vector(elements))
        if let model { PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: Theme()) }
        #expect(buffer.lines[1].contains("host-9999"))
    }
}
