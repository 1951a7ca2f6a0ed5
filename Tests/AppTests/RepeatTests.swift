import Dashboards
import PromModel
import Render
import Terminal
import Testing
@testable import App

/// Repeated panels in the viewer: one copy per selected value, each queried with its own
/// value, re-expanded when the selection or the options change.
@Suite struct RepeatTests {
    static let expr = "sum(rate(http_requests_total{job=\"$job\"}[5m]))"

    static func dashboard(_ job: Variable) -> Dashboard {
        Dashboard(
            uid: "rep", title: "Repeats",
            panels: [
                Panel(id: 1, type: "stat", title: "Requests $job", gridPos: GridPos(x: 0, y: 0, w: 24, h: 4),
                      targets: [Target(expr: expr)], repeatVariable: "job", maxPerRow: 4),
                Panel(id: 2, type: "stat", title: "Everything", gridPos: GridPos(x: 0, y: 4, w: 24, h: 4),
                      targets: [Target(expr: "sum(up)")]),
            ],
            variables: [job])
    }

    static let custom = Variable(name: "job", kind: .custom, query: "a,b,c", current: ["a", "b"], options: ["a", "b", "c"],
                                 multi: true, includeAll: true)

    static func jobsExprs(_ effects: [Effect]) -> [String] {
        effects.jobs.map(\.key.expr).filter { $0.contains("http_requests_total") }.sorted()
    }

    @Test func eachCopyIsLaidOutDrawnAndQueriedWithItsValue() {
        var harness = Harness(Fixtures.state([Self.dashboard(Self.custom)], width: 120, height: 40))
        let effects = harness.send(.start)
        #expect(Self.jobsExprs(effects) == [
            "sum(rate(http_requests_total{job=\"a\"}[5m]))", "sum(rate(http_requests_total{job=\"b\"}[5m]))",
        ])
        let frames = harness.reducer.frames(harness.state)
        // Copy "b" gets the next id after the largest (2); both share the top grid row.
        #expect(frames.map(\.panelID) == [1, 3, 2])
        #expect(frames[0].rect.y == frames[1].rect.y && frames[0].rect.maxX <= frames[1].rect.x)
        harness.answerAll()
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("Requests a") && text.contains("Requests b") && !text.contains("Requests $job"))
        // Focus moves between the copies.
        #expect(harness.state.focusedPanelID == 1)
        harness.press(.right)
        #expect(harness.state.focusedPanelID == 3)
    }

    @Test func changingTheSelectionReExpands() {
        var harness = Harness(Fixtures.state([Self.dashboard(Self.custom)], width: 120, height: 40))
        harness.send(.start)
        harness.answerAll()
        #expect(harness.state.panels[1]?.results.isEmpty == false)
        // v, Enter on "job", down to "c" (the list is All, a, b, c), Space adds it, Enter applies.
        harness.press(.char("v"), .enter, .down, .down, .down, .char(" "))
        let effects = harness.press(.enter)
        #expect(harness.state.selections["rep"]?["job"] == ["a", "b", "c"])
        #expect(Self.jobsExprs(effects).count == 3)
        #expect(Self.jobsExprs(effects).last == "sum(rate(http_requests_total{job=\"c\"}[5m]))")
        #expect(harness.reducer.frames(harness.state).map(\.panelID) == [1, 3, 4, 2])
        harness.answerAll()
        // Now only "b": id 1 stands for "b", so "a"'s old data must not show under it.
        harness.press(.char("v"), .enter, .down, .char(" "), .down, .down, .char(" "))
        harness.press(.enter)
        #expect(harness.state.selections["rep"]?["job"] == ["b"])
        #expect(harness.state.dashboard?.panels.map(\.id) == [1, 2])
        #expect(harness.state.panels[1]?.scope == ["job": "b"])
        #expect(harness.state.panels[1]?.results.isEmpty == true)
        #expect(harness.state.panels[1]?.queries.map(\.expr) == ["sum(rate(http_requests_total{job=\"b\"}[5m]))"])
    }

    @Test func optionsArrivingUnderAllCreateTheCopies() {
        let query = Variable(name: "job", kind: .query, query: "label_values(up, job)", current: [Variable.allValueMarker],
                             multi: true, includeAll: true)
        var harness = Harness(Fixtures.state([Self.dashboard(query)], width: 120, height: 40))
        let first = harness.send(.start)
        // No options yet: the repeated panel waits for them (Grafana's repeat waits for its
        // variable too), rather than asking once with All before options (`()`).
        #expect(Self.jobsExprs(first).isEmpty)
        #expect(harness.state.panelsAwaitingVariables == [1])
        let effects = harness.send(.variableOptions(dashboardUID: "rep", name: "job", .success(["execution", "risk-safety"])))
        #expect(Self.jobsExprs(effects) == [
            "sum(rate(http_requests_total{job=\"execution\"}[5m]))", "sum(rate(http_requests_total{job=\"risk-safety\"}[5m]))",
        ])
        #expect(harness.reducer.frames(harness.state).map(\.panelID) == [1, 3, 2])
    }
}
