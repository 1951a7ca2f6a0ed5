import Testing
import PromModel
import Dashboards
@testable import Render

@Suite struct DashboardTests {
    func frame(_ width: Int, _ height: Int, options: RenderOptions = RenderOptions(), state: DashboardViewState = Fixture.state) -> DashboardFrame {
        let renderer = DashboardRenderer(options: options)
        return renderer.render(dashboard: Fixture.dashboard, data: Fixture.data, width: width, height: height, state: state)
    }

    @Test(arguments: [(80, 24), (160, 45), (240, 70)])
    func goldenScreens(width: Int, height: Int) {
        Golden.check(frame(width, height).buffer, "dashboard-\(width)x\(height)")
    }

    @Test func scrolledNarrowScreenAndVisiblePanels() {
        var state = Fixture.state
        state.scroll = 30
        let scrolled = frame(80, 24, state: state)
        Golden.check(scrolled.buffer, "dashboard-80x24-scrolled")
        let top = frame(80, 24)
        #expect(top.visiblePanelIDs.contains(100) && !top.visiblePanelIDs.contains(14))
        #expect(scrolled.visiblePanelIDs != top.visiblePanelIDs)
        #expect(top.layout.stacked && !frame(160, 45).layout.stacked)
        #expect(frame(80, 24, state: DashboardViewState(scroll: 10_000)).scroll == top.maxScroll)
    }

    @Test func asciiMonochromeScreen() {
        let buffer = frame(120, 40, options: RenderOptions(capability: .monochrome, asciiOnly: true)).buffer
        Golden.check(buffer, "dashboard-120x40-ascii")
        #expect(buffer.cells.allSatisfy { $0.symbol.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(buffer.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
    }

    @Test func zoomedPanel() {
        var state = Fixture.state
        state.zoomedPanelID = 5
        let zoomed = frame(100, 30, state: state)
        Golden.check(zoomed.buffer, "dashboard-zoomed-timeseries")
        #expect(zoomed.visiblePanelIDs == [5])
    }

    @Test func tooSmallScreen() {
        let small = frame(30, 8)
        #expect(small.tooSmall)
        #expect(small.buffer.text.contains("Terminal too small: 30x8"))
        #expect(small.buffer.text.contains("needs at least 40x10"))
    }

    @Test func statesLookDistinct() {
        let text = frame(240, 70).buffer.text
        #expect(text.contains("✗ timeout"))
        #expect(text.contains("stale 2m"))
        #expect(text.contains("No data"))
        #expect(text.contains("Loading…"))
        #expect(text.contains("Unsupported panel type: news"))
        #expect(text.contains("▸ Infrastructure (1 panel)"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func rowsCollapsedHideTheirPanelsAndOpenRowsShowThem() {
        let layout = DashboardLayout.compute(dashboard: Fixture.dashboard, width: 200)
        let stretched = DashboardLayout.compute(dashboard: Fixture.dashboard, width: 200, availableHeight: 68)
        #expect(stretched.contentHeight <= 68 && stretched.contentHeight > layout.contentHeight)
        #expect(DashboardLayout.compute(dashboard: Fixture.dashboard, width: 200, availableHeight: 20) == layout)
        #expect(layout.placement(of: 16) == nil)
        #expect(layout.placement(of: 102)?.rect.height == 1)
        #expect(layout.placement(of: 1)?.rect == Rect(x: 0, y: 1, width: 50, height: 5))
        #expect(layout.placement(of: 4)?.rect.maxX == 200)
        // Neighbours on a grid row share a top edge.
        #expect(layout.placement(of: 5)?.rect.y == layout.placement(of: 6)?.rect.y)
    }

    @Test func snapshotJSONCarriesComputedValues() throws {
        let renderer = DashboardRenderer()
        let models = renderer.viewModels(dashboard: Fixture.dashboard, data: Fixture.data)
        let snapshot = DashboardSnapshot(dashboard: Fixture.dashboard, models: models, time: Fixture.end)
        let portfolio = try #require(snapshot.panels.first { $0.id == 1 })
        #expect(portfolio.values.first?.value == 1_055_000)
        #expect(portfolio.values.first?.text == "$1.06M")
        #expect(portfolio.values.first?.color == "green")
        #expect(portfolio.series.first?.points.count == 61)
        let errorPanel = try #require(snapshot.panels.first { $0.id == 10 })
        #expect(errorPanel.status == "error: timeout")
        #expect(snapshot.panels.first { $0.id == 11 }?.status == "stale 2m")
        let table = try #require(snapshot.panels.first { $0.id == 7 }?.table)
        #expect(table.columns == ["side", "symbol", "Value"])
        #expect(table.rows.first == ["buy", "XRPUSDT", "14"])
        let json = try snapshot.json()
        #expect(json.contains("\"uid\" : \"trading-fixture\""))
        #expect(!json.contains("NaN"))
    }

    @Test func ansiOutputHasColoursAndResets() {
        let buffer = frame(160, 45).buffer
        let ansi = AnsiSerializer.serialize(buffer, capability: .truecolor)
        #expect(ansi.contains("\u{1B}[0;1;38;2;115;191;105m"))
        let eight = AnsiSerializer.serialize(buffer, capability: .ansi8)
        #expect(!eight.contains("38;2;") && eight.contains("\u{1B}[0;1;32m"))
        let mono = AnsiSerializer.serialize(buffer, capability: .monochrome)
        #expect(!mono.contains("38;") && !mono.contains(";3") || !mono.contains("[0;3"))
        #expect(AnsiSerializer.plainText(buffer).filter { $0 == "\n" }.count == 45)
    }
}
