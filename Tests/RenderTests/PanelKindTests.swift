import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// The panel types beyond the seed's: view models from data built here, widgets as golden
/// text (Unicode, ASCII), colour facts checked on cells.
@Suite struct PanelKindTests {
    let builder = PanelViewModelBuilder()
    static let ascii = Theme(options: RenderOptions(capability: .monochrome, asciiOnly: true))

    func draw(_ model: PanelViewModel, _ width: Int, _ height: Int, theme: Theme = Theme()) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: theme)
        return buffer
    }

    static let upDown = FieldDefaults(
        thresholds: Fixture.steps("red", [(1, "green")]),
        mappings: [.value(["0": MappingResult(text: "down", color: "red"), "1": MappingResult(text: "up", color: "green")])])

    /// Two services: api is up but for a quarter of the hour; db goes down for the last third.
    static var states: PanelData {
        Fixture.matrix([
            Fixture.series(Labels(["job": "api"]), { $0 >= 20 && $0 < 35 ? 0 : 1 }),
            Fixture.series(Labels(["job": "db"]), { $0 >= 40 ? 0 : 1 }),
        ])
    }

    @Test func stateTimelineMergesRunsAndColoursThem() throws {
        let panel = Fixture.panel(1, "state-timeline", "Up", x: 0, y: 0, w: 12, h: 6, legend: "{{job}}", defaults: Self.upDown)
        let model = builder.build(panel: panel, data: Self.states)
        guard case .stateTimeline(let timeline) = model.content else { Issue.record("not a timeline"); return }
        #expect(timeline.rows.map(\.name) == ["api", "db"])
        #expect(timeline.rows[0].segments.map(\.text) == ["up", "down", "up"])
        #expect(timeline.rows[1].segments.map(\.text) == ["up", "down"])
        #expect(timeline.rows[1].segments[1].color?.name == "red")
        let buffer = draw(model, 60, 5)
        Golden.check(buffer, "state-timeline-60x5")
        Golden.check(draw(model, 60, 5, theme: Self.ascii), "state-timeline-ascii-60x5")
        let red = try #require(buffer.cells.last { $0.symbol == "█" })
        #expect(red.style.foreground == .rgb(0xF2, 0x49, 0x5C))
    }

    @Test func statusHistoryKeepsOneCellPerPoint() throws {
        let panel = Fixture.panel(2, "status-history", "Checks", x: 0, y: 0, w: 12, h: 6, legend: "{{job}}", defaults: Self.upDown)
        let model = builder.build(panel: panel, data: Self.states)
        guard case .stateTimeline(let history) = model.content else { Issue.record("not a history"); return }
        #expect(history.discrete && history.rows[0].segments.count == Fixture.timestamps.count)
        Golden.check(draw(model, 60, 5), "status-history-60x5")
    }

    @Test func histogramCountsValuesIntoNiceBuckets() throws {
        let panel = Fixture.panel(3, "histogram", "Latency", x: 0, y: 0, w: 12, h: 6, defaults: FieldDefaults(unit: "ms"))
        let data = Fixture.matrix([Fixture.series(Labels(), { 100 + 40 * sin(Double($0) / 3) })])
        let model = builder.build(panel: panel, data: data)
        guard case .histogram(let histogram) = model.content else { Issue.record("not a histogram"); return }
        #expect(histogram.buckets.map(\.count).reduce(0, +) == Double(Fixture.timestamps.count))
        // 80 ms over 30 buckets → 5 ms steps (the 1-2-5 step at least 80/30).
        #expect(histogram.buckets[0].upper - histogram.buckets[0].lower == 5)
        Golden.check(draw(model, 40, 8), "histogram-40x8")
        Golden.check(draw(model, 40, 8, theme: Self.ascii), "histogram-ascii-40x8")
        var sized = panel
        sized.options = PanelOptions(raw: try JSONDocument.parse(#"{"bucketSize": 20, "bucketOffset": 10}"#).root.value)
        guard case .histogram(let fixed) = builder.build(panel: sized, data: data).content else { Issue.record("not a histogram"); return }
        #expect(fixed.buckets.map(\.lower) == [50, 70, 90, 110, 130])
    }

    @Test func barChartGroupsRowsOfATableQuery() throws {
        var panel = Fixture.panel(4, "barchart", "Orders", x: 0, y: 0, w: 12, h: 8, expr: "sum by (symbol) (orders)")
        panel.targets[0].format = "table"
        let data = Fixture.vector([(Labels(["symbol": "BTC"]), 120), (Labels(["symbol": "ETH"]), 80), (Labels(["symbol": "SOL"]), 30)])
        let model = builder.build(panel: panel, data: data)
        guard case .barChart(let chart) = model.content else { Issue.record("not a bar chart"); return }
        #expect(chart.groups.map(\.label) == ["BTC", "ETH", "SOL"])
        #expect(chart.groups.map { $0.bars.map(\.value) } == [[120], [80], [30]])
        Golden.check(draw(model, 36, 8), "barchart-vertical-36x8")
        var horizontal = panel
        horizontal.options.orientation = "horizontal"
        Golden.check(draw(builder.build(panel: horizontal, data: data), 36, 4, theme: Self.ascii), "barchart-horizontal-ascii-36x4")
    }

    @Test func alertListFiltersSortsAndShowsAge() throws {
        let now = Fixture.end
        let alerts = [
            Alert(labels: Labels(["alertname": "HighLatency", "job": "api"]), annotations: ["summary": "p99 above 500 ms"], state: .firing, activeAt: now - 300_000, value: 1),
            Alert(labels: Labels(["alertname": "DiskFilling"]), annotations: [:], state: .pending, activeAt: now - 60_000, value: 1),
            Alert(labels: Labels(["alertname": "Backlog"]), annotations: ["summary": "queue growing"], state: .firing, activeAt: now - 7_200_000, value: 1),
        ]
        let context = PanelContext(alerts: alerts, alertsTime: now)
        var panel = Panel(id: 5, type: "alertlist", title: "Alerts")
        panel.options = PanelOptions(raw: try JSONDocument.parse(#"{"sortOrder": 3, "stateFilter": {"firing": true, "pending": true}}"#).root.value)
        let model = PanelViewModelBuilder(context: context).build(panel: panel, data: nil)
        guard case .alertList(let list) = model.content else { Issue.record("not an alert list"); return }
        #expect(list.items.map(\.name) == ["Backlog", "HighLatency", "DiskFilling"])
        #expect(list.items.map(\.since) == ["for 2h", "for 5m", "for 1m"])
        Golden.check(draw(model, 60, 4), "alertlist-60x4")
        panel.options = PanelOptions(raw: try JSONDocument.parse(#"{"stateFilter": {"pending": true}}"#).root.value)
        guard case .alertList(let pending) = PanelViewModelBuilder(context: context).build(panel: panel, data: nil).content else { return }
        #expect(pending.items.map(\.name) == ["DiskFilling"])
        // Before alerts arrive the panel is loading, not empty.
        #expect(builder.build(panel: panel, data: nil).status == .loading)
    }

    @Test func dashListFiltersByQueryAndTags() throws {
        let dashboards = [
            DashListModel.Item(uid: "a", title: "Trading Performance", tags: ["trading"], current: true),
            DashListModel.Item(uid: "b", title: "EventBus Monitoring", tags: ["infra", "bus"], current: false),
            DashListModel.Item(uid: "c", title: "Infrastructure Metrics", tags: ["infra"], current: false),
        ]
        var panel = Panel(id: 6, type: "dashlist", title: "Dashboards")
        let model = PanelViewModelBuilder(context: PanelContext(dashboards: dashboards)).build(panel: panel, data: nil)
        guard case .dashList(let all) = model.content else { Issue.record("not a dashboard list"); return }
        #expect(all.items.map(\.uid) == ["b", "c", "a"])
        Golden.check(draw(model, 50, 3), "dashlist-50x3")
        panel.options = PanelOptions(raw: try JSONDocument.parse(#"{"query": "metrics", "tags": ["infra"]}"#).root.value)
        guard case .dashList(let some) = PanelViewModelBuilder(context: PanelContext(dashboards: dashboards)).build(panel: panel, data: nil).content else { return }
        #expect(some.items.map(\.uid) == ["c"])
    }

    @Test func markdownTextRendersHeadingsEmphasisListsLinksAndCode() throws {
        let content = """
        # Runbook
        Check **the queue** first, then *latency*; see [the docs](https://example.com/runbook).

        1. Restart `execution`
        2. Page risk
        - bullets *wrap* when they are longer than the pane is wide
        > quoted note
        ```
        kubectl get pods
        ```
        ---
        """
        var buffer = Buffer(width: 40, height: 12)
        TextPanelWidget(content: content).render(into: &buffer, area: buffer.area, theme: Theme())
        Golden.check(buffer, "text-markdown-40x12")
        let bold = try #require(buffer.cells.first { $0.symbol == "q" })
        #expect(bold.style.attributes.contains(.bold))
        let italic = try #require(buffer.cells.first { $0.symbol == "y" && $0.style.attributes.contains(.italic) })
        #expect(!italic.style.attributes.contains(.bold))
        #expect(!buffer.lines.joined().contains("https://"))
        var ascii = Buffer(width: 40, height: 12)
        TextPanelWidget(content: content).render(into: &ascii, area: ascii.area, theme: Self.ascii)
        Golden.check(ascii, "text-markdown-ascii-40x12")
    }

    @Test func htmlTextDropsTags() {
        let panel = Panel(id: 7, type: "text", title: "", options: PanelOptions(mode: "html", content: "<p>You're using <a href=\"x\">Prometheus</a> &amp; Grafana.</p><br>Next"))
        guard case .text(let text) = builder.build(panel: panel, data: nil).content else { Issue.record("not text"); return }
        #expect(Markdown.lines(text, width: 60, theme: Theme()).map { $0.map(\.text).joined() } == ["You're using Prometheus & Grafana.", "", "Next"])
    }

    @Test func unknownTypesDrawAnUnsupportedBox() {
        let model = builder.build(panel: Panel(id: 8, type: "grafana-worldmap-panel"), data: nil)
        #expect(model.content == .unsupported("grafana-worldmap-panel"))
        #expect(draw(model, 50, 3).lines.joined().contains("Unsupported panel type: grafana-worldmap-panel"))
    }
}
