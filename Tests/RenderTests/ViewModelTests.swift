import Testing
import PromModel
import Dashboards
@testable import Render

@Suite struct ViewModelTests {
    let builder = PanelViewModelBuilder()

    @Test func heatmapDecumulatesSortsBucketsAndKeepsInfLast() {
        let t: Timestamp = 1000
        let buckets: [(String, Double)] = [("+Inf", 10), ("0.5", 9), ("0.1", 4), ("1", 9.5)]
        let frames = buckets.map { le, value in
            SeriesFrame(name: le, refId: "A", labels: Labels(["le": le]), samples: [Sample(t, value)], colorName: "green")
        }
        let model = HeatmapBuilder.build(frames: frames)
        #expect(model.buckets == ["0.1", "0.5", "1", "+Inf"])
        #expect(model.counts == [[4, 5, 0.5, 0.5]])
        #expect(model.maxCount == 5)
    }

    @Test func heatmapSumsSeriesSharingABucketAndNeverGoesNegative() {
        let frames = [
            SeriesFrame(name: "", refId: "A", labels: Labels(["le": "1", "job": "a"]), samples: [Sample(0, 3)], colorName: ""),
            SeriesFrame(name: "", refId: "A", labels: Labels(["le": "1", "job": "b"]), samples: [Sample(0, 2)], colorName: ""),
            SeriesFrame(name: "", refId: "A", labels: Labels(["le": "+Inf", "job": "a"]), samples: [Sample(0, 4)], colorName: ""),
        ]
        let model = HeatmapBuilder.build(frames: frames)
        #expect(model.counts == [[5, 0]])
    }

    @Test func tableMergesTargetsByLabels() {
        let panel = Panel(id: 1, type: "table", targets: [Target(refId: "A", expr: "a", instant: true), Target(refId: "B", expr: "b", instant: true)],
                          fieldConfig: FieldConfig(defaults: FieldDefaults(unit: "percentunit")))
        let data = PanelData(results: [
            TargetResult(refId: "A", result: .vector([InstantSample(labels: Labels(["job": "x"]), sample: Sample(0, 0.5)),
                                                      InstantSample(labels: Labels(["job": "y"]), sample: Sample(0, 0.25))])),
            TargetResult(refId: "B", result: .vector([InstantSample(labels: Labels(["job": "x"]), sample: Sample(0, 0.1))])),
        ])
        guard case .table(let table) = builder.build(panel: panel, data: data).content else {
            Issue.record("not a table")
            return
        }
        #expect(table.columns.map(\.name) == ["job", "Value #A", "Value #B"])
        #expect(table.rows.map { $0.map(\.text) } == [["x", "50%", "10%"], ["y", "25%", ""]])
        let sorted = TableBuilder.sorted(table.rows, by: 1, descending: false)
        #expect(sorted.map { $0[0].text } == ["y", "x"])
    }

    @Test func statusFollowsResults() {
        let panel = Fixture.portfolio
        #expect(builder.build(panel: panel, data: nil).status == .loading)
        #expect(builder.build(panel: panel, data: PanelData(results: [TargetResult(refId: "A", result: .vector([]))])).status == .noData)
        let failed = builder.build(panel: panel, data: PanelData(results: [TargetResult(refId: "A", error: QueryError(.http, "HTTP 503 from server", summary: "HTTP 503"))]))
        #expect(failed.status == .error("HTTP 503"))
        var twoTargets = panel
        twoTargets.targets.append(Target(refId: "B", expr: "b"))
        let partial = builder.build(panel: twoTargets, data: PanelData(results: [
            TargetResult(refId: "A", result: .vector([InstantSample(labels: Labels(), sample: Sample(0, 1))])),
            TargetResult(refId: "B", error: QueryError(.timeout, "timed out")),
        ]))
        #expect(partial.status == .ok && partial.warnings == ["B: timeout"])
        let stale = builder.build(panel: panel, data: PanelData(results: Fixture.data[1]?.results ?? [], staleAge: 300))
        #expect(stale.status == .stale(age: 300) && stale.status.label == "stale 5m")
        #expect(stale.staleReason == nil)
    }

    @Test func staleCornerShowsAgeAndShortReason() {
        let data = PanelData(results: Fixture.data[1]?.results ?? [], staleAge: 12, staleReason: "connection refused")
        let model = builder.build(panel: Fixture.portfolio, data: data)
        #expect(model.status == .stale(age: 12) && model.staleReason == "connection refused")
        var buffer = Buffer(width: 80, height: 8)
        PanelFrame(model: model).render(into: &buffer, area: buffer.area, theme: Theme())
        let top = buffer.lines.first ?? ""
        #expect(top.contains(" stale 12s · connection refused ┐"), "\(top)")
        // A fresh panel has no reason to show even if one is passed.
        let fresh = builder.build(panel: Fixture.portfolio, data: PanelData(results: Fixture.data[1]?.results ?? [], staleReason: "connection refused"))
        #expect(fresh.staleReason == nil)
    }

    @Test func errorSummariesAreSanitised() {
        let model = builder.build(panel: Fixture.portfolio, data: PanelData(results: [TargetResult(refId: "A", error: QueryError(.badData, "x", summary: "bad\u{1B}[2J"))]))
        #expect(model.status == .error("bad␛[2J"))
    }

    @Test func statReducesWithTheConfiguredCalcAndDisplayName() throws {
        var panel = Fixture.positions
        panel.type = "stat"
        panel.options.reduceOptions.calcs = ["max"]
        panel.fieldConfig.defaults.displayName = "pos ${__field.labels.symbol}"
        panel.fieldConfig.defaults.unit = "none"
        let model = builder.build(panel: panel, data: Fixture.data[4])
        guard case .stat(let stat) = model.content else { Issue.record("not a stat"); return }
        #expect(stat.values.map(\.name) == ["pos BTCUSDT", "pos ETHUSDT", "pos SOLUSDT", "pos BNBUSDT", "pos XRPUSDT"])
        #expect(stat.values.map(\.display.text) == ["12", "7", "17", "3", "9"])
        let sol = try #require(stat.values.first { $0.name.hasSuffix("SOLUSDT") })
        #expect(sol.display.color == ValueColor(name: "red", level: 2))
    }

    @Test func timeSeriesNamesColoursAndLegendValues() {
        let model = builder.build(panel: Fixture.requestRate, data: Fixture.data[5])
        guard case .timeSeries(let series) = model.content else { Issue.record("not a time series"); return }
        #expect(series.lines.map(\.name) == Fixture.jobs)
        #expect(series.lines.map(\.color.name) == ["green", "yellow", "blue"])
        #expect(series.lines[0].legendValues.map(\.id) == ["lastNotNull", "max"])
        #expect(series.start == Fixture.start && series.end == Fixture.end && series.step == 60_000)
    }

    @Test func pieSlicesHavePercentages() {
        let model = builder.build(panel: Fixture.distribution, data: Fixture.data[9])
        guard case .pie(let pie) = model.content else { Issue.record("not a pie"); return }
        #expect(pie.donut)
        #expect(pie.slices.map(\.name) == Fixture.eventTypes)
        #expect(abs(pie.slices[0].percent - 120.0 / 187.0) < 1e-12)
        #expect(pie.slices[0].text == "120 msg/s")
    }

    @Test func labelValuesWithEscapesAreInertInNames() {
        let panel = Panel(id: 1, type: "timeseries", targets: [Target(expr: "x", legendFormat: "{{job}}")])
        let data = PanelData(results: [TargetResult(refId: "A", result: .matrix([Series(labels: Labels(["job": "evil\u{1B}]0;pwned\u{07}"]), samples: [Sample(0, 1)])]))])
        let model = builder.build(panel: panel, data: data)
        #expect(model.series.first?.name == "evil␛]0;pwned␇")
    }
}
