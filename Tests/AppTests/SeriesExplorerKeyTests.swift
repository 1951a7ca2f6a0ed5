import Dashboards
import PromModel
import Render
import Terminal
import Testing
@testable import App

/// `/`, the zoomed graph's legend list (select, hide, isolate) and its cursor, key by key.
@Suite struct SeriesExplorerKeyTests {
    /// Three series named a, b, c over 11 steps of 15 s.
    static let three = QueryResponse(result: .matrix(["a", "b", "c"].enumerated().map { index, name in
        Series(labels: Labels(["service": name]), samples: (0...10).map { Sample(Fixtures.t0 + Int64($0) * 15_000, Double(index * 10 + $0)) })
    }))

    /// Panel 3 (Requests, a time series) zoomed with three series answered.
    private func zoomed() -> Harness {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        harness.press(.down, .enter)
        harness.answerAll(with: Self.three)
        return harness
    }

    @Test func legendSelectionHidesAndIsolates() throws {
        var harness = zoomed()
        let names = try #require(harness.state.exploredSeries(now: harness.now)?.names)
        #expect(names.count == 3)
        harness.press(.down)
        #expect(harness.state.explore.series.selection == 1)
        harness.press(.char(" "))
        #expect(harness.state.explore.series.hidden == [names[1]])
        harness.press(.char(" "))
        #expect(harness.state.explore.series.hidden.isEmpty)
        harness.press(.enter)
        #expect(harness.state.explore.series.hidden == [names[0], names[2]])
        #expect(harness.state.zoomedPanelID == 3)
        harness.press(.enter)
        #expect(harness.state.explore.series.hidden.isEmpty)
        // The selection stays on the list.
        harness.press(.char("j"), .char("j"), .char("j"), .pageDown)
        #expect(harness.state.explore.series.selection == 2)
        harness.press(.char("k"), .pageUp)
        #expect(harness.state.explore.series.selection == 0)
        // Esc leaves the zoom and forgets the choices.
        harness.press(.char(" "), .escape)
        #expect(harness.state.zoomedPanelID == nil)
        #expect(harness.state.explore.series == SeriesExplorer())
    }

    @Test func cursorMovesByStepAndStopsAtTheEnds() throws {
        var harness = zoomed()
        let steps = try #require(harness.state.exploredSeries(now: harness.now)?.steps)
        #expect(steps > 10)
        harness.press(.left)
        #expect(harness.state.explore.series.cursorStep == steps)
        harness.press(.left, .char("h"))
        #expect(harness.state.explore.series.cursorStep == steps - 2)
        harness.press(.right, .char("l"), .right)
        #expect(harness.state.explore.series.cursorStep == steps)
        harness.press(.home)
        #expect(harness.state.explore.series.cursorStep == 0)
        harness.press(.left)
        #expect(harness.state.explore.series.cursorStep == 0)
        harness.press(.end)
        #expect(harness.state.explore.series.cursorStep == steps)
        // Esc leaves the zoom, cursor and all.
        harness.press(.escape)
        #expect(harness.state.zoomedPanelID == nil)
        #expect(harness.state.explore.series.cursorStep == nil)
    }

    @Test func cursorBoxIsOnTheScreen() {
        var harness = zoomed()
        harness.press(.home)
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        // The range starts an hour before now (22:13:20 UTC): the box names that time.
        #expect(text.contains("│2023-11-14 21:13"))
        #expect(text.contains("│━ {service=\"c\"}"))
        #expect(text.contains("Space hide"))
    }

    @Test func slashFiltersTheSeriesAndEscClears() throws {
        var harness = zoomed()
        harness.press(.down)
        harness.press(.char("/"))
        #expect(harness.state.explore.editingFilter)
        harness.type("\"B")
        #expect(harness.state.explore.series.filter == "\"B")
        #expect(harness.state.explore.series.selection == 0)
        #expect(harness.state.exploredSeries(now: harness.now)?.names.count == 1)
        var text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("/\"B█"))
        // Keys while typing are text, not commands.
        harness.type("q")
        #expect(harness.state.explore.series.filter == "\"Bq")
        harness.press(.backspace, .enter)
        #expect(!harness.state.explore.editingFilter)
        #expect(harness.state.explore.series.filter == "\"B")
        text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("/\"B  Esc clear filter"))
        // Space acts on the one entry left.
        harness.press(.char(" "))
        let b = try #require(harness.state.exploredSeries(now: harness.now)?.names.first)
        #expect(harness.state.explore.series.hidden == [b])
        harness.press(.escape)
        #expect(harness.state.explore.series.filter == "")
        #expect(harness.state.zoomedPanelID == 3)
        #expect(harness.state.exploredSeries(now: harness.now)?.names.count == 3)
    }

    @Test func slashFiltersDashboardPanelsByTitle() {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        harness.press(.char("/"))
        let effects = harness.type("ERR")
        #expect(harness.state.dashboard?.panels.map(\.id) == [4])
        #expect(harness.state.focusedPanelID == 4)
        #expect(effects.contains(.redraw))
        harness.press(.enter)
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("Errors") && !text.contains("Requests") && !text.contains("Up again"))
        #expect(text.contains("/ERR"))
        // Ctrl-U while typing empties it; Esc afterwards clears it.
        harness.press(.char("/"), .ctrl("u"))
        #expect(harness.state.dashboard?.panels.count == 4)
        harness.type("up")
        #expect(harness.state.dashboard?.panels.map(\.id) == [1, 2])
        harness.press(.enter, .escape)
        #expect(harness.state.explore.panelFilter == "")
        #expect(harness.state.dashboard?.panels.count == 4)
        #expect(!harness.state.explore.editingFilter)
    }

    @Test func statPanelZoomHasNoExplorer() {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        harness.press(.enter)
        #expect(harness.state.zoomedPanelID == 1)
        #expect(harness.state.exploredSeries(now: harness.now) == nil)
        #expect(harness.press(.left).isEmpty)
        #expect(harness.press(.char("/")).isEmpty)
        #expect(!harness.state.explore.editingFilter)
    }
}
