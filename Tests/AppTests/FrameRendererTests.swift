import Bundled
import Dashboards
import PromModel
import Render
import Terminal
import Testing
@testable import App

@Suite struct FrameRendererTests {
    private let renderer = FrameRenderer()

    @Test func showsTitlesValuesAndHonestStates() {
        var harness = Harness(Fixtures.state(width: 100, height: 30))
        harness.start()
        let ids = harness.state.inFlight.keys.sorted()
        for id in ids {
            let query = harness.state.inFlight[id]!
            if query.key.expr == "sum(up)" {
                harness.send(.queryResult(id, Fixtures.vector(5), duration: 3))
            } else if query.key.expr.contains("errors_total") {
                harness.send(.queryFailed(id, QueryError(.timeout, "query timed out in expression evaluation", summary: "timeout"), duration: 30_000))
            } else if query.key.expr.contains("http_requests_total") {
                harness.send(.queryResult(id, QueryResponse(result: .matrix([])), duration: 3))
            }
        }
        let text = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("[1/2] Service Health"))
        #expect(text.contains("Last 1h ⟳ 5s"))
        #expect(text.contains("Up again"))
        // Both stat panels show the value in their body row.
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("║") && $0.contains(" 5 ") && $0.contains("│ ") })
        #expect(text.contains("No data"))
        // Errors: A timed out, B answered; the failure is named in the corner.
        #expect(text.contains("! A: timeout"))
        #expect(text.contains("? help  q quit"))
    }

    @Test func staleBadgeShowsAgeAndReason() {
        var harness = Harness(Fixtures.state([Fixtures.trading], width: 80, height: 24))
        harness.send(.start)
        harness.answerAll(with: Fixtures.vector(1234))
        harness.now += 10_000
        harness.send(.tick)
        for id in harness.state.inFlight.keys { harness.send(.queryFailed(id, QueryError(.http, "HTTP 503 Service Unavailable", summary: "HTTP 503"), duration: 1)) }
        harness.now += 30_000
        let text = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        // Age and the short reason share the corner; the full message stays in inspect.
        #expect(text.contains("stale 40s · HTTP 503"))
        #expect(!text.contains("Service Unavailable"))
        harness.press(.char("i"))
        let inspect = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(inspect.contains("HTTP 503 Service Unavailable"))
        // The last good value stays on screen.
        #expect(text.contains("1234"))
    }

    @Test func helpAndInspectOverlays() {
        var harness = Harness(Fixtures.state(width: 100, height: 30))
        harness.send(.start)
        harness.press(.char("?"))
        var text = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("Keys"))
        #expect(text.contains("zoom time range in / out"))
        // The help is longer than 30 lines: its end is a scroll away.
        harness.press(.end)
        text = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("quit"))
        harness.press(.escape)
        for id in harness.state.inFlight.keys.sorted() {
            harness.send(.queryFailed(id, QueryError(.badData, "1:8: parse error: unexpected end of input", summary: "parse error"), duration: 4))
        }
        harness.press(.char("i"))
        text = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("Inspect"))
        #expect(text.contains("sum(up) step=1m"))
        #expect(text.contains("1:8: parse error: unexpected end of input"))
        #expect(text.contains("promdeck \(Bundled.version)"))
    }

    @Test func tooSmallTerminalSaysSo() {
        var state = Fixtures.state(width: 30, height: 8)
        state.size = TerminalSize(width: 30, height: 8)
        let text = renderer.render(state, size: state.size, now: Fixtures.t0).text
        #expect(text.contains("Terminal too small: 30x8"))
    }

    @Test func pausedPromptAndAdhocTable() {
        var harness = Harness(Fixtures.state(width: 100, height: 30))
        harness.send(.start)
        harness.press(.char("p"))
        var text = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("PAUSED"))
        harness.press(.char(":"))
        harness.type("up")
        text = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.split(separator: "\n").last?.hasPrefix(":up█") == true)
        harness.press(.enter)
        harness.answerAll(with: Fixtures.matrix([1, 2, 3], labels: Labels(name: "up", ["job": "api"])))
        text = renderer.render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains(" : up "))
        #expect(text.contains("up{job=\"api\"}"))
        #expect(text.contains("Last: 3"))
    }
}
