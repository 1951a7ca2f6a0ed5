import Dashboards
import PromModel
import Render
import Terminal
import Testing
@testable import App

/// What a steady refresh repaints: nothing when no value changed (new timestamps alone are
/// not a change), and only the changed stat's cells when one value did.
@Suite struct SteadyRefreshTests {
    static let stats = Dashboard(
        uid: "stats", title: "Stats", refresh: "5s",
        panels: (1...3).map { index in
            Panel(id: index, type: "stat", title: "Stat \(index)", gridPos: GridPos(x: (index - 1) * 8, y: 0, w: 8, h: 5),
                  targets: [Target(expr: "metric_\(index)", instant: true, range: false)])
        })

    /// Answers each query in flight with its metric's value, samples stamped `at`.
    static func answer(_ harness: inout Harness, values: [String: Double], at time: Timestamp) {
        for (id, query) in harness.state.inFlight.sorted(by: { $0.key < $1.key }) {
            let value = values[query.key.expr] ?? 0
            harness.send(.queryResult(id, QueryResponse(result: .vector([InstantSample(labels: Labels(), sample: Sample(time, value))])), duration: 3))
        }
    }

    @Test func aSteadyRefreshRepaintsNothingAndOneChangedStatOnlyItsCells() throws {
        var harness = Harness(Fixtures.state([Self.stats], width: 120, height: 30))
        let renderer = FrameRenderer()
        var values = ["metric_1": 1.0, "metric_2": 2.0, "metric_3": 3.0]
        harness.send(.start)
        Self.answer(&harness, values: values, at: harness.now)
        var shown = renderer.render(harness.state, size: harness.state.size, now: harness.now)

        // Same values a refresh later: the queries go out, come back with new timestamps, and
        // no frame along the way differs from the one on screen.
        harness.now += 5_000
        let effects = harness.send(.tick)
        #expect(effects.jobs.count == 3)
        #expect(renderer.render(harness.state, size: harness.state.size, now: harness.now).diff(from: shown).isEmpty)
        Self.answer(&harness, values: values, at: harness.now)
        let steady = renderer.render(harness.state, size: harness.state.size, now: harness.now)
        #expect(steady.diff(from: shown).isEmpty)
        shown = steady

        // One value changes: only cells inside that stat's box are repainted.
        harness.now += 5_000
        harness.send(.tick)
        values["metric_2"] = 42
        Self.answer(&harness, values: values, at: harness.now)
        let frame = renderer.frame(harness.state, size: harness.state.size, now: harness.now)
        let runs = frame.buffer.diff(from: shown)
        #expect(!runs.isEmpty)
        let box = try #require(frame.layout.placements.first { $0.panelID == 2 }?.rect)
        let top = DashboardRenderer.headerHeight + box.y - frame.scroll
        for run in runs {
            #expect(run.y >= top && run.y < top + box.height && run.x >= box.x && run.x + run.cells.count <= box.maxX,
                    "run at \(run.x),\(run.y) (\(run.cells.count) cells) is outside stat 2 at \(box)")
        }
    }
}
