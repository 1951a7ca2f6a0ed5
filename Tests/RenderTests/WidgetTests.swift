import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// Every widget as golden text at several sizes, plus the style facts text cannot show.
@Suite struct WidgetTests {
    let theme = Theme()
    let builder = PanelViewModelBuilder()

    func model(_ panel: Panel) -> PanelViewModel {
        builder.build(panel: panel, data: Fixture.data[panel.id])
    }

    func draw(_ widget: some Widget, _ width: Int, _ height: Int, theme: Theme? = nil) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        widget.render(into: &buffer, area: buffer.area, theme: theme ?? self.theme)
        return buffer
    }

    func content<T>(_ panel: Panel, _ extract: (PanelContent) -> T?) throws -> T {
        try #require(extract(model(panel).content))
    }

    static let sizes = [(20, 3), (30, 6), (50, 10)]

    @Test(arguments: sizes)
    func stat(width: Int, height: Int) throws {
        let stat = try content(Fixture.portfolio) { if case .stat(let m) = $0 { m } else { nil } }
        Golden.check(draw(StatWidget(model: stat), width, height), "stat-\(width)x\(height)")
    }

    @Test func statColoursByThresholdAndMonochromeUsesAttributes() throws {
        var panel = Fixture.winRate
        panel.fieldConfig.defaults.thresholds = Fixture.steps("green", [(0.5, "red")])
        let stat = try content(panel) { if case .stat(let m) = $0 { m } else { nil } }
        #expect(stat.values[0].display.color == ValueColor(name: "red", level: 1))
        let buffer = draw(StatWidget(model: stat), 30, 6)
        let valueCell = try #require(buffer.cells.first { $0.symbol == "5" })
        #expect(valueCell.style.foreground == .rgb(0xF2, 0x49, 0x5C))
        let mono = draw(StatWidget(model: stat), 30, 6, theme: Theme(options: RenderOptions(capability: .monochrome)))
        let monoCell = try #require(mono.cells.first { $0.symbol == "5" })
        #expect(monoCell.style.attributes.contains(.bold) && monoCell.style.foreground == .default)
    }

    @Test func statWithSeveralValuesShowsNames() throws {
        var panel = Fixture.positions
        panel.type = "stat"
        let stat = try content(panel) { if case .stat(let m) = $0 { m } else { nil } }
        Golden.check(draw(StatWidget(model: stat), 60, 6), "stat-multi-60x6")
    }

    @Test(arguments: sizes)
    func gauge(width: Int, height: Int) throws {
        let gauge = try content(Fixture.queueLag) { if case .gauge(let m) = $0 { m } else { nil } }
        Golden.check(draw(GaugeWidget(model: gauge), width, height), "gauge-\(width)x\(height)")
    }

    @Test(arguments: ["basic", "gradient", "lcd"], [false, true])
    func barGauge(mode: String, vertical: Bool) throws {
        var panel = Fixture.positions
        panel.options.displayMode = mode
        panel.options.orientation = vertical ? "vertical" : "horizontal"
        let bar = try content(panel) { if case .barGauge(let m) = $0 { m } else { nil } }
        Golden.check(draw(BarGaugeWidget(model: bar), 40, 10), "bargauge-\(mode)-\(vertical ? "vertical" : "horizontal")-40x10")
    }

    @Test func gradientBarCellsTakeTheirThresholdColour() throws {
        var panel = Fixture.positions
        panel.options.displayMode = "gradient"
        let bar = try content(panel) { if case .barGauge(let m) = $0 { m } else { nil } }
        let buffer = draw(BarGaugeWidget(model: bar), 40, 5)
        // SOLUSDT (17 of 20) crosses 10 (orange) and 15 (red).
        let row = (0..<40).map { buffer[$0, 2] }.filter { $0.symbol == "█" }
        #expect(row.first?.style.foreground == .rgb(0x73, 0xBF, 0x69))
        #expect(row.last?.style.foreground == .rgb(0xF2, 0x49, 0x5C))
        #expect(row.contains { $0.style.foreground == .rgb(0xFF, 0x98, 0x30) })
    }

    @Test(arguments: [(40, 8), (60, 12), (100, 20)])
    func timeSeries(width: Int, height: Int) throws {
        let series = try content(Fixture.requestRate) { if case .timeSeries(let m) = $0 { m } else { nil } }
        Golden.check(draw(TimeSeriesWidget(model: series), width, height), "timeseries-\(width)x\(height)")
    }

    @Test func timeSeriesHonoursFixedBoundsAndLeavesGaps() throws {
        var panel = Fixture.requestRate
        panel.fieldConfig.defaults.min = 0
        panel.fieldConfig.defaults.max = 200
        let series = try content(panel) { if case .timeSeries(let m) = $0 { m } else { nil } }
        #expect(series.fixedMin == 0 && series.fixedMax == 200)
        let widget = TimeSeriesWidget(model: series)
        let range = widget.yRange(plotRows: 10)
        #expect(range.low == 0 && range.high == 200)
        Golden.check(draw(widget, 60, 12), "timeseries-fixed-0-200-60x12")
        // Only the execution series, which has NaNs at points 20…24: a gap in the line.
        var gapModel = series
        gapModel.lines = [series.lines[1]]
        gapModel.showLegend = false
        let buffer = draw(TimeSeriesWidget(model: gapModel), 61 + 8, 6)
        let emptyColumns = (8..<69).filter { x in (0..<5).allSatisfy { buffer[x, $0].symbol == " " } }
        #expect(!emptyColumns.isEmpty)
        // Distinct colours per series.
        let colours = Set(draw(widget, 60, 12).cells.filter { $0.symbol.unicodeScalars.first.map { $0.value >= 0x2800 && $0.value <= 0x28FF } ?? false }.map(\.style.foreground))
        #expect(colours.count == 3)
    }

    @Test func timeSeriesTableLegend() throws {
        var panel = Fixture.requestRate
        panel.options.legend = LegendOptions(displayMode: "table", calcs: ["mean", "max", "lastNotNull"])
        let series = try content(panel) { if case .timeSeries(let m) = $0 { m } else { nil } }
        #expect(series.legendAsTable)
        Golden.check(draw(TimeSeriesWidget(model: series), 70, 14), "timeseries-table-legend-70x14")
    }

    @Test func timeSeriesLabelsFollowTheTimeZoneOffset() throws {
        let series = try content(Fixture.latency) { if case .timeSeries(let m) = $0 { m } else { nil } }
        let utc = draw(TimeSeriesWidget(model: series), 60, 10).text
        let tokyo = draw(TimeSeriesWidget(model: series), 60, 10, theme: Theme(options: RenderOptions(timeZoneOffset: 9 * 3600))).text
        #expect(utc.contains("21:30") && tokyo.contains("06:30"))
    }

    @Test(arguments: [(30, 6), (60, 14)])
    func table(width: Int, height: Int) throws {
        let table = try content(Fixture.positionsTable) { if case .table(let m) = $0 { m } else { nil } }
        Golden.check(draw(TableWidget(model: table), width, height), "table-\(width)x\(height)")
    }

    @Test func tableTruncatesWithEllipsisAndFitsWidths() {
        #expect(TableWidget.fitWidths(natural: [10, 30, 5], total: 30) == [10, 13, 5])
        let model = TableModel(columns: [.init(name: "instance", numeric: false), .init(name: "Value", numeric: true)],
                               rows: [[.init(text: "portfolio-intelligence:8004", number: nil, color: nil), .init(text: "1.23K", number: 1230, color: nil)]],
                               sortColumn: nil, descending: false)
        let buffer = draw(TableWidget(model: model), 20, 2)
        #expect(buffer.lines[1] == "portfolio-int… 1.23K")
    }

    @Test(arguments: [(40, 8), (80, 16)])
    func heatmap(width: Int, height: Int) throws {
        let heatmap = try content(Fixture.heatmap) { if case .heatmap(let m) = $0 { m } else { nil } }
        Golden.check(draw(HeatmapWidget(model: heatmap), width, height), "heatmap-\(width)x\(height)")
        Golden.check(draw(HeatmapWidget(model: heatmap), width, height, theme: Theme(options: RenderOptions(capability: .monochrome, asciiOnly: true))), "heatmap-ascii-\(width)x\(height)")
    }

    @Test(arguments: [(30, 10), (60, 12)], [false, true])
    func pie(size: (Int, Int), donut: Bool) throws {
        var panel = Fixture.distribution
        panel.options.pieType = donut ? "donut" : "pie"
        let pie = try content(panel) { if case .pie(let m) = $0 { m } else { nil } }
        #expect(abs(pie.slices.map(\.percent).reduce(0, +) - 1) < 1e-9)
        Golden.check(draw(PieChartWidget(model: pie), size.0, size.1), "pie-\(donut ? "donut" : "pie")-\(size.0)x\(size.1)")
    }

    @Test func pieInASCII() throws {
        let pie = try content(Fixture.distribution) { if case .pie(let m) = $0 { m } else { nil } }
        Golden.check(draw(PieChartWidget(model: pie), 60, 12, theme: Theme(options: RenderOptions(capability: .monochrome, asciiOnly: true))), "pie-ascii-60x12")
    }

    @Test(arguments: [(24, 8), (60, 6)])
    func text(width: Int, height: Int) {
        Golden.check(draw(TextPanelWidget(content: Fixture.runbook.options.content ?? ""), width, height), "text-\(width)x\(height)")
    }

    @Test func rowHeadersAndUnsupported() {
        Golden.check(draw(RowHeaderWidget(title: "Infrastructure", collapsed: true, panelCount: 4), 40, 1), "row-collapsed-40x1")
        Golden.check(draw(RowHeaderWidget(title: "Overview", collapsed: false, panelCount: 4), 40, 1), "row-open-40x1")
        let unsupported = builder.build(panel: Fixture.news, data: nil)
        var buffer = Buffer(width: 40, height: 5)
        PanelFrame(model: unsupported).render(into: &buffer, area: buffer.area, theme: theme)
        Golden.check(buffer, "unsupported-40x5")
    }

    @Test func panelFramesInEveryState() {
        let renderer = DashboardRenderer()
        let models = renderer.viewModels(dashboard: Fixture.dashboard, data: Fixture.data)
        for id in [10, 11, 12, 13] {
            guard let model = models[id] else { Issue.record("no model for \(id)"); continue }
            var buffer = Buffer(width: 34, height: 5)
            PanelFrame(model: model, focused: id == 11, refreshing: id == 11).render(into: &buffer, area: buffer.area, theme: theme)
            Golden.check(buffer, "frame-\(model.status.label.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: ""))")
            var ascii = Buffer(width: 34, height: 5)
            PanelFrame(model: model).render(into: &ascii, area: ascii.area, theme: Theme(options: RenderOptions(capability: .monochrome, asciiOnly: true)))
            #expect(ascii.cells.allSatisfy { $0.symbol.unicodeScalars.allSatisfy(\.isASCII) })
        }
    }
}

@Suite struct OutputTests {
    @Test func statBackgroundModeFillsWithTheThresholdColour() throws {
        var panel = Fixture.winRate
        panel.options.colorMode = "background"
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.data[2])
        var buffer = Buffer(width: 16, height: 3)
        PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: Theme())
        #expect(buffer.cells.allSatisfy { $0.style.background == .rgb(0x73, 0xBF, 0x69) })
        var mono = Buffer(width: 16, height: 3)
        PanelBody(model: model).render(into: &mono, area: mono.area, theme: Theme(options: RenderOptions(capability: .monochrome)))
        #expect(mono.cells.allSatisfy { $0.style.attributes.contains(.reverse) })
    }

    @Test func ansiGoldenOfAStatIn256Colours() throws {
        let model = PanelViewModelBuilder().build(panel: Fixture.portfolio, data: Fixture.data[1])
        var buffer = Buffer(width: 24, height: 5)
        PanelFrame(model: model).render(into: &buffer, area: buffer.area, theme: Theme(options: RenderOptions(capability: .palette256)))
        let ansi = AnsiSerializer.serialize(buffer, capability: .palette256)
        Golden.check(text: ansi.replacingOccurrences(of: "\u{1B}", with: "\\e"), "ansi-stat-256")
        #expect(ansi.contains("\u{1B}[0;1;38;5;71m$1.06M"))
    }

    @Test func snapshotFormats() throws {
        let renderer = DashboardRenderer(options: RenderOptions(capability: .ansi8))
        let text = try renderer.snapshot(dashboard: Fixture.dashboard, data: Fixture.data, width: 100, height: 30, time: Fixture.end, format: .text)
        #expect(text.hasPrefix(" Trading Performance") && !text.contains("\u{1B}"))
        let ansi = try renderer.snapshot(dashboard: Fixture.dashboard, data: Fixture.data, width: 100, height: 30, time: Fixture.end, format: .ansi)
        #expect(ansi.contains("\u{1B}[") && !ansi.contains("38;2;"))
        let json = try renderer.snapshot(dashboard: Fixture.dashboard, data: Fixture.data, width: 100, height: 30, time: Fixture.end, format: .json)
        #expect(json.contains("\"text\" : \"55.0%\""))
    }

    @Test func panelWidthsForTheQueryPlan() {
        let layout = DashboardLayout.compute(dashboard: Fixture.dashboard, width: 120)
        #expect(layout.panelWidths[5] == 58)
        #expect(layout.panelWidths[100] == nil)
    }
}
