import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// Stacking (`custom.stacking`) and log scale (`custom.scaleDistribution`) in the time series
/// widget, read from fieldConfig and from old `graph` panels' `stack` / `logBase` migrated.
@Suite struct TimeSeriesScaleTests {
    let builder = PanelViewModelBuilder()

    static func stacking(_ mode: String, group: String = "A") -> JSONValue {
        .object([("stacking", .object([("mode", .string(mode)), ("group", .string(group))]))])
    }

    func model(_ panel: Panel, _ series: [Series]) throws -> TimeSeriesModel {
        guard case .timeSeries(let model) = builder.build(panel: panel, data: Fixture.matrix(series)).content else {
            throw TestFailure("not a time series")
        }
        return model
    }

    struct TestFailure: Error { var message: String; init(_ message: String) { self.message = message } }

    static func constant(_ job: String, _ value: Double) -> Series { Fixture.series(Labels(["job": job]), { _ in value }) }

    @Test func normalStackingAddsEachSeriesOnTheOnesBefore() throws {
        var panel = Fixture.panel(1, "timeseries", "Stacked", x: 0, y: 0, w: 12, h: 8, legend: "{{job}}",
                                  defaults: FieldDefaults(custom: Self.stacking("normal")))
        // Grafana's default legend shows no calcs; ask for one to see the values.
        panel.options.legend = LegendOptions(calcs: ["lastNotNull"])
        let model = try model(panel, [Self.constant("a", 1), Self.constant("b", 2), Self.constant("c", -4)])
        #expect(model.lines.map { $0.points.last?.value } == [1, 3, -4], "a negative series stacks downwards on its own")
        // Legend values stay each series' own, as Grafana's.
        #expect(model.lines[1].legendValues.first?.text == "2")
        // Without stacking nothing moves.
        let flat = try self.model(Fixture.panel(1, "timeseries", "Flat", x: 0, y: 0, w: 12, h: 8), [Self.constant("a", 1), Self.constant("b", 2)])
        #expect(flat.lines.map { $0.points.last?.value } == [1, 2])
    }

    @Test func groupsStackApartAndPercentIsAShareOfTheTotal() throws {
        var panel = Fixture.panel(1, "timeseries", "Shares", x: 0, y: 0, w: 12, h: 8, legend: "{{job}}",
                                  defaults: FieldDefaults(custom: Self.stacking("percent")))
        #expect(try model(panel, [Self.constant("a", 1), Self.constant("b", 3)]).lines.map { $0.points.last?.value } == [0.25, 1])
        panel.fieldConfig.overrides = [FieldOverride(matcherID: "byName", matcherOptions: .string("b"), properties: [("custom.stacking", .object([("mode", .string("normal")), ("group", .string("B"))]))])]
        let grouped = try model(panel, [Self.constant("a", 1), Self.constant("b", 3), Self.constant("c", 1)])
        #expect(grouped.lines.map { $0.points.last?.value } == [0.5, 3, 1])
    }

    @Test func gapsStayGapsAndAddNothing() throws {
        let panel = Fixture.panel(1, "timeseries", "Gaps", x: 0, y: 0, w: 12, h: 8, legend: "{{job}}",
                                  defaults: FieldDefaults(custom: Self.stacking("normal")))
        let holey = Fixture.series(Labels(["job": "a"]), { $0 == 3 ? .nan : 1 })
        let model = try model(panel, [holey, Self.constant("b", 2)])
        #expect(model.lines[0].points[3].value.isNaN)
        #expect(model.lines[1].points[3].value == 2 && model.lines[1].points[4].value == 3)
    }

    @Test func logScalePutsPowersOfTheBaseEvenlyAndDropsNonPositiveValues() throws {
        let scale = JSONValue.object([("scaleDistribution", .object([("type", .string("log")), ("log", .number(10))]))])
        let panel = Fixture.panel(1, "timeseries", "Log", x: 0, y: 0, w: 12, h: 8, defaults: FieldDefaults(custom: scale))
        let series = Fixture.series(Labels(), { [0.0, 1, 10, 100, 1000][$0 % 5] })
        let model = try model(panel, [series])
        #expect(model.logBase == 10)
        let widget = TimeSeriesWidget(model: model)
        let range = widget.yRange(plotRows: 12)
        #expect(range.low == 1 && range.high == 1000 && range.ticks == [1, 10, 100, 1000])
        let tenth = try #require(widget.fraction(10, low: range.low, high: range.high))
        #expect(abs(tenth - 2.0 / 3) < 1e-9)
        #expect(widget.fraction(0, low: range.low, high: range.high) == nil)
        var buffer = Buffer(width: 40, height: 12)
        widget.render(into: &buffer, area: buffer.area, theme: Theme())
        // A label at every power of ten.
        for label in range.ticks.map({ model.processor.format($0) }) {
            #expect(buffer.text.contains(label), "\(label)\n\(buffer.text)")
        }
    }

    /// An old `graph` panel with `stack` and a log y axis, migrated as Grafana does, draws
    /// stacked on a log axis.
    @Test func migratedGraphStacksOnALogAxis() throws {
        let json = #"""
            {"uid": "g", "title": "Old", "schemaVersion": 14, "rows": [{"panels": [
              {"id": 1, "type": "graph", "title": "Stacked", "span": 12, "stack": true,
               "yaxes": [{"format": "short", "logBase": 2}, {"format": "short"}],
               "targets": [{"refId": "A", "expr": "up", "legendFormat": "{{job}}"}]}]}]}
            """#
        let file = try DashboardLoader().parse(Array(json.utf8), path: "old.json")
        let panel = try #require(file.dashboard.allPanels.first { $0.type != "row" })
        let model = try model(panel, [Self.constant("a", 2), Self.constant("b", 6)])
        #expect(model.logBase == 2)
        #expect(model.lines.map { $0.points.last?.value } == [2, 8])
    }
}
