import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// The zoomed time series' legend list, hidden series, cursor box, named calcs and
/// monochrome markers, asserted on the buffer's text.
@Suite struct SeriesExplorerWidgetTests {
    /// Three series: big ~ 1000, mid = 20 + i, small = 5, over Fixture's hour.
    struct NotATimeSeries: Error {}

    func model(calcs: [String] = ["mean"], explorer: SeriesExplorer? = SeriesExplorer()) throws -> TimeSeriesModel {
        var panel = Panel(id: 1, type: "timeseries", title: "T", gridPos: GridPos(x: 0, y: 0, w: 24, h: 10),
                          targets: [Target(refId: "A", expr: "x", legendFormat: "{{s}}")])
        panel.options.legend = LegendOptions(calcs: calcs)
        let data = Fixture.matrix([
            Fixture.series(Labels(["s": "big"])) { _ in 1000 },
            Fixture.series(Labels(["s": "mid"])) { 20 + Double($0) },
            Fixture.series(Labels(["s": "small"])) { _ in 5 },
        ])
        guard case .timeSeries(var series) = PanelViewModelBuilder().build(panel: panel, data: data).content else { throw NotATimeSeries() }
        series.explorer = explorer
        return series
    }

    func draw(_ model: TimeSeriesModel, _ width: Int = 80, _ height: Int = 20, theme: Theme = Theme()) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        TimeSeriesWidget(model: model).render(into: &buffer, area: buffer.area, theme: theme)
        return buffer
    }

    @Test func legendListNamesEveryCalcAndMarksHiddenSeries() throws {
        let shown = draw(try model(calcs: ["mean", "max"])).text
        #expect(shown.contains("━ big    Mean: 1000 Max: 1000"))
        #expect(shown.contains("━ small  Mean: 5 Max: 5"))
        let hidden = draw(try model(explorer: SeriesExplorer(hidden: ["big"]))).text
        #expect(hidden.contains("○ big    Mean: 1000"))
    }

    @Test func selectedEntryIsReversed() throws {
        let buffer = draw(try model(explorer: SeriesExplorer(selection: 1)))
        let lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let y = try #require(lines.firstIndex { String($0).contains("━ mid") })
        #expect(buffer[2, y].style.attributes.contains(.reverse))
        #expect(!buffer[2, y - 1].style.attributes.contains(.reverse))
    }

    @Test func hidingTheBigSeriesRescalesTheAxis() throws {
        let all = TimeSeriesWidget(model: try model()).yRange(plotRows: 12)
        #expect(all.high >= 1000)
        let without = TimeSeriesWidget(model: try model(explorer: SeriesExplorer(hidden: ["big"]))).yRange(plotRows: 12)
        #expect(without.high < 100 && without.high >= 80)
        // The filter leaves out what it does not match, axis included.
        let filtered = TimeSeriesWidget(model: try model(explorer: SeriesExplorer(filter: "SMA"))).yRange(plotRows: 12)
        #expect(filtered.high < 20)
        #expect(draw(try model(explorer: SeriesExplorer(filter: "SMA"))).text.contains("━ small"))
        #expect(!draw(try model(explorer: SeriesExplorer(filter: "SMA"))).text.contains("big"))
    }

    @Test func cursorBoxShowsTimeAndValuesSortedAwayFromTheCursor() throws {
        // Step 10 of 60: 22:13:20 - 50 min = 21:23:20, mid = 30 there.
        let text = draw(try model(explorer: SeriesExplorer(cursorStep: 10)), 100, 24).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(text.contains("2023-11-14 21:23:20"))
        let big = try #require(lines.firstIndex { $0.contains("━ big") && $0.contains("1000") && !$0.contains("Mean") })
        let mid = try #require(lines.firstIndex { $0.contains("━ mid") && $0.contains("30") && !$0.contains("Mean") })
        let small = try #require(lines.firstIndex { $0.contains("━ small") && !$0.contains("Mean") })
        #expect(big < mid && mid < small)
        // The cursor sits left of the middle, so the box is on its right.
        let header = try #require(lines.first { $0.contains("2023-11-14 21:23:20") })
        let bar = try #require(lines[big].firstIndex(of: "│"))
        #expect(header.distance(from: header.startIndex, to: header.firstIndex(of: "2")!) > lines[big].distance(from: lines[big].startIndex, to: bar))
        // Hidden series leave the box (the legend still lists them, marked).
        let hidden = draw(try model(explorer: SeriesExplorer(hidden: ["big"], cursorStep: 10)), 100, 24).text
        #expect(!hidden.contains("━ big"))
        #expect(hidden.contains("│━ mid            30│"))
    }

    @Test func cursorNearTheEndPutsTheBoxOnTheLeft() throws {
        let text = draw(try model(explorer: SeriesExplorer(cursorStep: 60)), 100, 24).text
        let lines = text.split(separator: "\n").map { Array($0) }
        let header = try #require(lines.first { String($0).contains("22:13:20") })
        let top = try #require(lines.first { $0.contains("┌") })
        let boxEnd = try #require(top.firstIndex(of: "┐"))
        let cursor = try #require(lines[lines.count / 2].lastIndex(of: "│"))
        #expect(boxEnd < cursor)
        #expect(header.firstIndex(of: "2") ?? 0 < 80)
    }

    @Test func compactAndListLegendsNameTheirCalcs() throws {
        // Few rows: the compact legend packs entries, each still naming its calc.
        var compact = try model(calcs: ["mean"], explorer: nil)
        compact.lines += compact.lines.map { var copy = $0; copy.name += "2"; return copy }
        let text = draw(compact, 60, 8).text
        #expect(text.contains("big Mean: 1000"))
        #expect(!text.contains("big 1000"))
        // No calcs asked for: Grafana's legend shows names only.
        let bare = draw(try model(calcs: [], explorer: nil), 60, 20).text
        #expect(bare.contains("━ big"))
        #expect(!bare.contains("Mean") && !bare.contains("Last"))
    }

    @Test func monochromeAndASCIISeriesHaveDistinctMarkers() throws {
        let mono = draw(try model(explorer: nil), 60, 20, theme: Theme(options: RenderOptions(capability: .monochrome))).text
        #expect(mono.contains("━ big") && mono.contains("╍ mid") && mono.contains("┅ small"))
        let ascii = draw(try model(explorer: nil), 60, 20, theme: Theme(options: RenderOptions(capability: .monochrome, asciiOnly: true))).text
        #expect(ascii.contains("* big") && ascii.contains("o mid") && ascii.contains("+ small"))
        // The ASCII plot draws each series with its own character.
        let plot = ascii.split(separator: "\n").prefix(16).joined()
        #expect(plot.contains("*") && plot.contains("o") && plot.contains("+"))
        // With colour every series keeps the solid marker.
        let colour = draw(try model(explorer: nil), 60, 20).text
        #expect(colour.contains("━ mid") && colour.contains("━ small"))
    }

    @Test func isolateAndToggle() {
        var explorer = SeriesExplorer()
        explorer.isolate("b", among: ["a", "b", "c"])
        #expect(explorer.hidden == ["a", "c"])
        explorer.isolate("b", among: ["a", "b", "c"])
        #expect(explorer.hidden.isEmpty)
        explorer.toggle("c")
        #expect(explorer.hidden == ["c"])
        explorer.isolate("c", among: ["a", "b", "c"])
        #expect(explorer.hidden == ["a", "b"])
        explorer.toggle("c")
        #expect(explorer.hidden == ["a", "b", "c"])
    }
}
