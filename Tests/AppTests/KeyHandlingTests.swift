import Dashboards
import PromModel
import Render
import Terminal
import Testing
@testable import App

@Suite struct KeyHandlingTests {
    private func started() -> Harness {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        return harness
    }

    @Test func focusMovesBetweenNeighbours() {
        var harness = started()
        #expect(harness.state.focusedPanelID == 1)
        harness.press(.right)
        #expect(harness.state.focusedPanelID == 2)
        harness.press(.char("j"))
        #expect(harness.state.focusedPanelID == 4)
        harness.press(.char("h"))
        #expect(harness.state.focusedPanelID == 3)
        harness.press(.up)
        #expect(harness.state.focusedPanelID == 1)
        // At the edge nothing changes.
        #expect(harness.press(.left).isEmpty)
        #expect(harness.state.focusedPanelID == 1)
    }

    @Test func enterZoomsWithAFinerStepAndEscReturns() {
        var harness = started()
        harness.press(.down)
        #expect(harness.state.focusedPanelID == 3)
        let narrowStep = harness.state.panels[3]?.queries.first?.step
        let zoom = harness.press(.enter)
        #expect(harness.state.zoomedPanelID == 3)
        #expect(zoom.contains(.fullRedraw))
        let zoomedJobs = zoom.jobs
        #expect(zoomedJobs.count == 1)
        #expect(zoomedJobs[0].key.step < narrowStep ?? 0)
        // Focus keys do not move focus while zoomed (in a graph they move its cursor).
        harness.press(.right)
        #expect(harness.state.focusedPanelID == 3)
        harness.answerAll()
        harness.press(.escape)
        #expect(harness.state.zoomedPanelID == nil)
        #expect(harness.state.focusedPanelID == 3)
    }

    @Test func plusMinusZoomAndBracketsPan() {
        var harness = started()
        harness.press(.char("-"))
        #expect(harness.state.window == .relative(span: 7_200_000, offset: 0))
        harness.press(.char("+"), .char("="))
        #expect(harness.state.window == .relative(span: 1_800_000, offset: 0))
        harness.press(.char("["))
        #expect(harness.state.window == .relative(span: 1_800_000, offset: 900_000))
        let jobs = harness.press(.char("]")).jobs
        #expect(harness.state.window == .relative(span: 1_800_000, offset: 0))
        #expect(!jobs.isEmpty)
        // Never into the future.
        harness.press(.char("]"))
        #expect(harness.state.window == .relative(span: 1_800_000, offset: 0))
    }

    @Test func timePickerPresetsAndTypedRanges() {
        var harness = started()
        harness.press(.char("t"))
        #expect(harness.state.overlay == .timePicker(selection: 3, typed: ""))
        let effects = harness.press(.down, .enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.window == .relative(span: 3 * 3_600_000, offset: 0))
        #expect(effects.jobs.count == 3)
        harness.answerAll()
        harness.press(.char("t"))
        harness.type("now-6h")
        harness.press(.enter)
        #expect(harness.state.window == .relative(span: 6 * 3_600_000, offset: 0))
        harness.press(.char("t"))
        harness.type("now-2h to now-1h")
        harness.press(.enter)
        #expect(harness.state.window == .relative(span: 3_600_000, offset: 3_600_000))
        harness.press(.char("t"))
        harness.type("yesterday")
        harness.press(.enter)
        #expect(harness.state.status?.isError == true)
        #expect(harness.state.overlay != nil)
        harness.press(.escape)
        #expect(harness.state.overlay == nil)
    }

    @Test func helpOverlayOpensAndCloses() {
        var harness = started()
        harness.press(.char("?"))
        #expect(harness.state.overlay == .help)
        // Keys go to the overlay, not the dashboard.
        harness.press(.char("2"))
        #expect(harness.state.dashboardIndex == 0)
        harness.press(.escape)
        #expect(harness.state.overlay == nil)
    }

    @Test func quitAndCtrlCQuitAndCancel() {
        var harness = Harness()
        harness.send(.start)
        let effects = harness.press(.char("q"))
        #expect(effects.quits)
        #expect(!effects.cancelled.isEmpty)
        var other = started()
        #expect(other.press(.ctrl("c")).quits)
        #expect(other.send(.terminate).quits)
    }

    @Test func tabsAndPickerSwitchDashboards() {
        var harness = started()
        harness.press(.tab)
        #expect(harness.state.dashboardIndex == 1)
        harness.press(.tab)
        #expect(harness.state.dashboardIndex == 0)
        harness.press(.backTab)
        #expect(harness.state.dashboardIndex == 1)
        harness.press(.char("d"))
        #expect(harness.state.overlay == .dashboardPicker(selection: 1))
        harness.press(.up, .enter)
        #expect(harness.state.dashboardIndex == 0)
        #expect(harness.state.overlay == nil)
        // A digit past the last dashboard is ignored.
        #expect(harness.press(.char("9")).isEmpty)
    }

    @Test func promptRunsAdhocQueryWithHistory() {
        var harness = started()
        harness.press(.char(":"))
        harness.type("rate(x[5m])")
        let effects = harness.press(.enter)
        #expect(harness.state.adhoc?.expr == "rate(x[5m])")
        #expect(effects.jobs.map(\.key.expr) == ["rate(x[5m])"])
        harness.answerAll(with: Fixtures.matrix([1, 2, 3]))
        #expect(harness.state.adhoc?.panel.status(now: harness.now) == .ok)
        harness.press(.tab)
        #expect(harness.state.adhoc?.asTable == true)
        // Time keys apply to the ad-hoc query.
        let zoomed = harness.press(.char("+"))
        #expect(zoomed.jobs.map(\.key.expr) == ["rate(x[5m])"])
        harness.answerAll()
        // On the result view, `:` edits the current query.
        harness.press(.char(":"))
        #expect(harness.state.overlay == .prompt(PromptState(text: "rate(x[5m])", historyIndex: nil)))
        harness.press(.escape, .escape)
        #expect(harness.state.adhoc == nil)
        harness.press(.char(":"))
        harness.type("upp")
        harness.press(.backspace, .enter)
        harness.answerAll()
        harness.press(.escape, .char(":"), .up)
        #expect(harness.state.overlay == .prompt(PromptState(text: "up", historyIndex: 0)))
        harness.press(.up)
        #expect(harness.state.overlay == .prompt(PromptState(text: "rate(x[5m])", historyIndex: 1)))
        harness.press(.down)
        #expect(harness.state.overlay == .prompt(PromptState(text: "up", historyIndex: 0)))
        harness.press(.escape, .escape)
        #expect(harness.state.adhoc == nil)
    }

    @Test func exportWritesTheFocusedPanelAsCSV() {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll(with: Fixtures.matrix([1, 2.5], labels: Labels(name: "up", ["job": "api"])))
        let effects = harness.press(.char("e"))
        guard case .writeFile(let path, let contents) = effects.first else {
            Issue.record("no file written: \(effects)")
            return
        }
        #expect(path.hasPrefix("./promdeck-health-panel1-"))
        #expect(path.hasSuffix(".csv"))
        #expect(contents == """
            time,"up{job=""api""}"
            2023-11-14T22:13:20.000Z,1
            2023-11-14T22:13:35.000Z,2.5

            """)
        harness.send(.fileWritten(path: path, error: nil))
        #expect(harness.state.status?.text == "Exported to \(path)")
    }

    @Test func exportWithoutDataSaysSo() {
        var harness = Harness()
        harness.send(.start)
        #expect(!harness.press(.char("e")).contains { if case .writeFile = $0 { true } else { false } })
        #expect(harness.state.status?.isError == true)
    }

    @Test func inspectAndAlerts() {
        var harness = started()
        harness.press(.char("i"))
        #expect(harness.state.overlay == .inspect(panelID: 1))
        harness.press(.escape)
        let effects = harness.press(.char("a"))
        #expect(effects.contains(.fetchAlerts))
        #expect(harness.state.alerts == .loading)
        let alert = Alert(labels: Labels(["alertname": "HighErrorRate"]), annotations: [:], state: .firing, activeAt: Fixtures.t0, value: 1)
        harness.send(.alerts(.success([alert])))
        #expect(harness.state.alerts == .loaded([alert], at: harness.now))
    }

    @Test func variablePickerMultiSelectRequeries() {
        var harness = started()
        harness.send(.variableOptions(dashboardUID: "health", name: "service", .success(["ai-engine", "execution", "risk"])))
        harness.press(.char("v"))
        #expect(harness.state.overlay == .variableList(selection: 0))
        harness.press(.enter)
        #expect(harness.state.overlay == .variableOptions(name: "service", selection: 0, chosen: ["execution"]))
        #expect(harness.state.pickerOptions(for: "service") == [Variable.allValueMarker, "ai-engine", "execution", "risk"])
        harness.press(.down, .char(" "), .down, .down, .char(" "))
        #expect(harness.state.overlay == .variableOptions(name: "service", selection: 3, chosen: ["execution", "ai-engine", "risk"]))
        let effects = harness.press(.enter)
        #expect(harness.state.selections["health"]?["service"] == ["execution", "ai-engine", "risk"])
        let expr = effects.jobs.first { $0.key.expr.contains("http_requests_total") }?.key.expr ?? ""
        #expect(expr.contains("service=~\"(execution|ai-engine|risk)\""))
    }

    @Test func mouseClickFocusesAndWheelScrolls() throws {
        var harness = Harness(Fixtures.state([Fixtures.tall], width: 80, height: 24))
        harness.send(.start)
        // The second panel's first body line, under the 1-line header.
        let second = try #require(DashboardLayout.compute(dashboard: Fixtures.tall, width: 80, availableHeight: 22).placements.first { $0.panelID == 101 })
        harness.send(.mouse(MouseEvent(.click, x: 5, y: 1 + second.rect.y + 1)))
        #expect(harness.state.focusedPanelID == 101)
        harness.send(.mouse(MouseEvent(.wheelDown, x: 5, y: 5)))
        #expect(harness.state.scroll == 3)
    }
}
