import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// Grafana field overrides applied per series and per table column by the view models.
@Suite struct FieldOverrideViewModelTests {
    static func override(_ id: String, _ options: JSONValue, _ properties: [(id: String, value: JSONValue)]) -> FieldOverride {
        FieldOverride(matcherID: id, matcherOptions: options, properties: properties)
    }

    static func with(_ panel: Panel, _ overrides: [FieldOverride]) -> Panel {
        var panel = panel
        panel.fieldConfig.overrides = overrides
        return panel
    }

    func lines(_ panel: Panel, _ data: PanelData? = nil) throws -> [TimeSeriesLine] {
        let model = PanelViewModelBuilder().build(panel: panel, data: data ?? Fixture.data[panel.id])
        guard case .timeSeries(let series) = model.content else { throw ModelError.notTimeSeries }
        return series.lines
    }

    enum ModelError: Error { case notTimeSeries, notTable, notBarGauge }

    /// The legend's "last" text of a line, as the unit would format the series' last value.
    func lastText(_ samples: [Sample], unit: String?, decimals: Int? = nil) -> String {
        ValueFormat.format(Reducer.reduce(samples, id: "lastNotNull") ?? .nan, unit: unit, decimals: decimals).description
    }

    var jobSeries: [Series] {
        guard case .success(let response) = Fixture.data[Fixture.requestRate.id]?.results.first?.outcome else { return [] }
        return response.result.series
    }

    @Test func byNameRenamesRecoloursAndReunitsOneSeries() throws {
        let panel = Self.with(Fixture.requestRate, [Self.override("byName", .string("execution"), [
            ("unit", .string("ms")), ("displayName", .string("Exec ${__field.labels.job}")),
            ("color", .object([("mode", .string("fixed")), ("fixedColor", .string("purple"))])),
        ])])
        let lines = try lines(panel)
        #expect(lines.map(\.name) == ["ai-engine", "Exec execution", "risk-safety"])
        #expect(lines[1].color.name == "purple")
        #expect(lines[0].color.name != "purple" && lines[2].color.name != "purple")
        #expect(lines[1].legendValues.first?.text == lastText(jobSeries[1].samples, unit: "ms"))
        #expect(lines[0].legendValues.first?.text == lastText(jobSeries[0].samples, unit: "reqps"))
    }

    @Test func byRegexpIsAnchoredUnlessSlashDelimited() throws {
        func renamed(_ pattern: String) throws -> [String] {
            try lines(Self.with(Fixture.requestRate, [Self.override("byRegexp", .string(pattern), [("displayName", .string("hit"))])])).map(\.name)
        }
        #expect(try renamed("exec") == ["ai-engine", "execution", "risk-safety"])
        #expect(try renamed("exec.*") == ["ai-engine", "hit", "risk-safety"])
        #expect(try renamed("/EXEC/i") == ["ai-engine", "hit", "risk-safety"])
        #expect(try renamed("/-/") == ["hit", "execution", "hit"])
        #expect(try renamed("(broken") == ["ai-engine", "execution", "risk-safety"])
    }

    @Test func byNamesIncludesOrExcludes() throws {
        let include = Self.override("byNames", .object([("mode", .string("include")), ("names", .array([.string("ai-engine"), .string("risk-safety")]))]),
                                    [("displayName", .string("in"))])
        #expect(try lines(Self.with(Fixture.requestRate, [include])).map(\.name) == ["in", "execution", "in"])
        let exclude = Self.override("byNames", .object([("mode", .string("exclude")), ("names", .array([.string("ai-engine")]))]),
                                    [("displayName", .string("out"))])
        #expect(try lines(Self.with(Fixture.requestRate, [exclude])).map(\.name) == ["ai-engine", "out", "out"])
    }

    @Test func byFrameRefIDPicksOneQuerysSeries() throws {
        var panel = Fixture.requestRate
        panel.targets = [Target(refId: "A", expr: "a", legendFormat: "a"), Target(refId: "B", expr: "b", legendFormat: "b")]
        panel = Self.with(panel, [Self.override("byFrameRefID", .string("B"), [("unit", .string("bytes")), ("decimals", .number(0))])])
        let a = Fixture.series(Labels(), { 1000 + Double($0) })
        let b = Fixture.series(Labels(), { 2048 + Double($0) })
        let data = PanelData(results: [TargetResult(refId: "A", result: .matrix([a])), TargetResult(refId: "B", result: .matrix([b]))],
                             range: Fixture.range, time: Fixture.end)
        let lines = try lines(panel, data)
        #expect(lines[0].legendValues.first?.text == lastText(a.samples, unit: "reqps"))
        #expect(lines[1].legendValues.first?.text == lastText(b.samples, unit: "bytes", decimals: 0))
    }

    @Test func byValueComparesTheReducedSeries() throws {
        // Open positions per symbol: 12, 7, 17, 3, 9.
        let panel = Self.with(Fixture.positions, [Self.override(
            "byValue", .object([("reducer", .string("max")), ("op", .string("gte")), ("value", .number(10))]),
            [("color", .object([("mode", .string("fixed")), ("fixedColor", .string("purple"))]))])])
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.data[panel.id])
        guard case .barGauge(let bar) = model.content else { throw ModelError.notBarGauge }
        #expect(bar.values.map { $0.display.color?.name == "purple" } == [true, false, true, false, false])
    }

    @Test func byTypeStringRenamesTableLabelColumnsAndLaterOverridesWin() throws {
        let panel = Self.with(Fixture.positionsTable, [
            Self.override("byType", .string("string"), [("displayName", .string("label"))]),
            Self.override("byName", .string("symbol"), [("displayName", .string("Symbol")),
                                                        ("mappings", .array([.object([("type", .string("value")), ("options", .object([("BTCUSDT", .object([("text", .string("Bitcoin"))]))]))])]))]),
            Self.override("byName", .string("Value"), [("unit", .string("percent")), ("decimals", .number(1)), ("unit", .string("short")), ("displayName", .string("Open"))]),
        ])
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.data[panel.id])
        guard case .table(let table) = model.content else { throw ModelError.notTable }
        #expect(table.columns.map(\.name) == ["label", "Symbol", "Open"])
        let symbols = table.rows.map { $0[1].text }
        #expect(symbols.contains("Bitcoin") && !symbols.contains("BTCUSDT"))
        #expect(table.rows.allSatisfy { row in row[2].text == ValueFormat.format(row[2].number ?? .nan, unit: "short", decimals: 1).description })
    }

    @Test func statTakesThresholdsMinMaxAndNoValueFromItsOverride() throws {
        // Portfolio ≈ 1,055,000 against a default threshold of 1,000,000 (green); the
        // override moves it to 2,000,000 (red below).
        let panel = Self.with(Fixture.portfolio, [Self.override("byType", .string("number"), [
            ("thresholds", .object([("mode", .string("absolute")), ("steps", .array([
                .object([("color", .string("red")), ("value", .null)]), .object([("color", .string("green")), ("value", .number(2_000_000))]),
            ]))])),
            ("min", .number(0)), ("max", .number(4_000_000)), ("decimals", .number(0)),
        ])])
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.data[panel.id])
        guard case .stat(let stat) = model.content, let value = stat.values.first, let number = value.display.numeric else {
            Issue.record("no stat value")
            return
        }
        #expect(value.display.color?.name == "red")
        #expect(abs(value.display.percent - number / 4_000_000) < 1e-9)
        #expect(value.display.text == ValueFormat.format(number, unit: "currencyUSD", decimals: 0).description)
        let empty = Self.with(Fixture.emptyPanel, [Self.override("byFrameRefID", .string("A"), [("noValue", .string("none yet"))])])
        let series = Series(labels: Labels(), samples: [Sample(Fixture.end, .nan)])
        let emptyModel = PanelViewModelBuilder().build(panel: empty, data: PanelData(
            results: [TargetResult(refId: "A", result: .matrix([series]))], range: Fixture.range, time: Fixture.end))
        guard case .stat(let emptyStat) = emptyModel.content else { Issue.record("no stat"); return }
        #expect(emptyStat.values.first?.display.text == "none yet")
    }

    @Test func hideFromDropsTheLineOrItsLegendEntry() throws {
        let panel = Self.with(Fixture.requestRate, [
            Self.override("byName", .string("ai-engine"), [("custom.hideFrom", .object([("viz", .bool(true)), ("legend", .bool(false))]))]),
            Self.override("byName", .string("execution"), [("custom.hideFrom.legend", .bool(true))]),
        ])
        let lines = try lines(panel)
        #expect(lines.map(\.points.isEmpty) == [true, false, false])
        #expect(lines.map(\.inLegend) == [true, false, true])
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.data[panel.id])
        guard case .timeSeries(let series) = model.content else { throw ModelError.notTimeSeries }
        var buffer = Buffer(width: 70, height: 14)
        TimeSeriesWidget(model: series).render(into: &buffer, area: buffer.area, theme: Theme())
        #expect(buffer.lines.contains { $0.contains("ai-engine") } && buffer.lines.contains { $0.contains("risk-safety") })
        #expect(!buffer.lines.contains { $0.contains("execution") })
    }

    @Test func timeSeriesWithOverridesGolden() throws {
        let panel = Self.with(Fixture.requestRate, [
            Self.override("byName", .string("ai-engine"), [("displayName", .string("AI")), ("color", .object([("mode", .string("fixed")), ("fixedColor", .string("red"))]))]),
            Self.override("byRegexp", .string("/risk/"), [("unit", .string("ops")), ("decimals", .number(2))]),
        ])
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.data[panel.id])
        guard case .timeSeries(let series) = model.content else { throw ModelError.notTimeSeries }
        var buffer = Buffer(width: 70, height: 14)
        TimeSeriesWidget(model: series).render(into: &buffer, area: buffer.area, theme: Theme())
        Golden.check(buffer, "timeseries-overrides-70x14")
    }
}
