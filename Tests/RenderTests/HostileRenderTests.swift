import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// Values and sizes a server or a dashboard can hand the renderer: none may trap. Each case
/// here trapped (Double→Int conversion, an allocation or an overflow) before its fix.
@Suite struct HostileRenderTests {
    static let extremes: [Double] = [.nan, .infinity, -.infinity, 1e308, -1e308, .greatestFiniteMagnitude, .leastNonzeroMagnitude, 0, -0.0]

    /// Every seed panel kind, with every series made of one extreme value (and a mix), at sizes
    /// from nothing to large.
    @Test(arguments: extremes)
    func everyPanelKindDrawsExtremeValues(_ value: Double) {
        let kinds = ["stat", "gauge", "bargauge", "timeseries", "table", "heatmap", "piechart", "text"]
        let mixes: [PanelData] = [
            Fixture.matrix([Fixture.series(Labels(["job": "a"]), { _ in value })]),
            Fixture.matrix([Fixture.series(Labels(["le": "1"]), { $0 % 2 == 0 ? value : 1 }), Fixture.series(Labels(["le": "+Inf"]), { _ in -value })]),
            Fixture.vector([(Labels(["symbol": "x"]), value), (Labels(["symbol": "y"]), 1)]),
            PanelData(results: [TargetResult(refId: "A", result: .matrix([]))], range: Fixture.range, time: Fixture.end),
        ]
        let units = [nil, "s", "ms", "dtdhms", "dthms", "dtdurationms", "dtdurations", "bytes", "percentunit", "currencyUSD", "short", "clocks"]
        for kind in kinds {
            for unit in units {
                var panel = Fixture.panel(1, kind, "Hostile", x: 0, y: 0, w: 24, h: 8,
                                          defaults: FieldDefaults(unit: unit, min: value.isFinite ? nil : 0, max: value.isNaN ? nil : value))
                panel.id = 1
                for data in mixes {
                    let model = PanelViewModelBuilder().build(panel: panel, data: data)
                    for (width, height) in [(0, 0), (1, 1), (3, 2), (12, 5), (80, 20)] {
                        var buffer = Buffer(width: width, height: height)
                        PanelFrame(model: model, focused: true, refreshing: false).render(into: &buffer, area: buffer.area, theme: Theme())
                    }
                }
            }
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, 9.3e18, -9.3e18])
    func everyUnitFormatsExtremeValues(_ value: Double) {
        for unit in ValueFormat.table.keys.sorted() + ["count:x", "currency:€", "si:m", "bool:a/b", "prefix:$", "suffix:x", "nonsense"] {
            for decimals in [nil, 0, -5, 3, 1000, Int.max, Int.min] {
                _ = ValueFormat.format(value, unit: unit, decimals: decimals)
            }
        }
    }

    /// "failed to allocate 10995116277792 bytes" before: the panel buffer took gridPos as is.
    @Test func hugeGridPositionsStayOnTheCanvas() {
        let positions = [
            GridPos(x: 0, y: 0, w: 24, h: Int.max), GridPos(x: Int.max, y: Int.max, w: Int.max, h: Int.max),
            GridPos(x: Int.min, y: Int.min, w: Int.min, h: Int.min), GridPos(x: 3, y: 1 << 40, w: 1 << 40, h: 1 << 40),
        ]
        var panels = positions.enumerated().map { index, position in
            Fixture.panel(index + 1, "stat", "Huge \(index)", x: position.x, y: position.y, w: position.w, h: position.h)
        }
        panels.append(Fixture.panel(9, "timeseries", "After", x: 0, y: 8, w: 12, h: 8))
        let dashboard = Dashboard(uid: "huge", title: "Huge", panels: panels)
        let renderer = DashboardRenderer()
        for (width, height) in [(160, 45), (40, 10), (39, 9), (0, 0)] {
            for scroll in [0, Int.max, Int.min] {
                let frame = renderer.render(dashboard: dashboard, data: [:], width: width, height: height, state: DashboardViewState(scroll: scroll))
                #expect(frame.layout.placements.allSatisfy { $0.rect.height <= DashboardLayout.maximumPanelRows && $0.rect.width <= max(width, 0) })
            }
        }
    }

    @Test func aDashboardWithoutPanelsDraws() {
        let renderer = DashboardRenderer()
        let dashboard = Dashboard(uid: "empty", title: "", panels: [])
        let frame = renderer.render(dashboard: dashboard, data: [:], width: 80, height: 24, state: DashboardViewState(scroll: 5))
        #expect(frame.visiblePanelIDs.isEmpty && frame.maxScroll == 0)
    }
}
