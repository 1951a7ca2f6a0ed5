import Dashboards
import Foundation
import PromModel
import Render
import Terminal
import Testing
@testable import App

/// The `:` prompt and `y` in the viewer's state machine, and as drawn.
@Suite struct PromptKeyTests {
    private func started() -> Harness {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        return harness
    }

    private func prompt(_ harness: Harness) -> PromptState? {
        if case .prompt(let prompt) = harness.state.overlay { prompt } else { nil }
    }

    @Test func editingKeysReachTheEditor() {
        var harness = started()
        harness.press(.char(":"))
        harness.type("rate(x[5m])")
        harness.press(.home, .delete, .char("i"), .ctrl("e"), .left, .backspace)
        #expect(prompt(harness)?.text == "iate(x[5m)")
        harness.press(.ctrl("a"), .ctrl("k"))
        #expect(prompt(harness)?.text == "")
        #expect(harness.press(.function(3)).isEmpty)
    }

    @Test func aSyntaxErrorStaysInThePromptWithACaret() throws {
        var harness = started()
        harness.press(.char(":"))
        harness.type("sum(rate(x[5m])")
        let effects = harness.press(.enter)
        #expect(effects.jobs.isEmpty)
        #expect(harness.state.adhoc == nil)
        let error = try #require(prompt(harness)?.error)
        #expect(error.message.contains("unclosed left parenthesis"), "\(error.message)")
        // The message and the caret are drawn above the line.
        let frame = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now)
        let lines = frame.lines
        let queryLine = try #require(lines.lastIndex { $0.hasPrefix(" sum(rate(x[5m])") })
        let caret = lines[queryLine + 1]
        #expect(caret.trimmingCharacters(in: .whitespaces) == "^")
        #expect(lines[queryLine - 1].contains("unclosed left parenthesis"))
        #expect(lines.last?.hasPrefix(":sum(rate(x[5m])█") == true)
        // An edit clears the error; fixing it runs the query.
        harness.type(")")
        #expect(prompt(harness)?.error == nil)
        #expect(harness.press(.enter).jobs.map(\.key.expr) == ["sum(rate(x[5m]))"])
        #expect(harness.state.adhoc?.expr == "sum(rate(x[5m]))")
    }

    @Test func enterAgainRunsAQueryOurParserRejects() {
        var harness = started()
        harness.press(.char(":"))
        // MetricsQL's default range: not PromQL.
        harness.type("rate(x)")
        #expect(harness.press(.enter).jobs.isEmpty)
        #expect(harness.press(.enter).jobs.map(\.key.expr) == ["rate(x)"])
    }

    @Test func theCursorIsDrawnWhereItIs() {
        var harness = started()
        harness.press(.char(":"))
        harness.type("up{job}")
        harness.press(.left)
        let frame = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now)
        #expect(frame.lines.last?.hasPrefix(":up{job}") == true)
        #expect(frame.lines.last?.contains("█") == false, "the cursor is on the `}`, reversed, not after the end")
        // A long line scrolls so the cursor stays on screen.
        var state = harness.state
        state.size = TerminalSize(width: 60, height: 20)
        state.overlay = .prompt(PromptState(text: String(repeating: "a", count: 90) + "END"))
        let narrow = FrameRenderer().render(state, size: state.size, now: harness.now)
        let last = narrow.lines.last ?? ""
        #expect(last.hasPrefix(":…a") && last.trimmingCharacters(in: .whitespaces).hasSuffix("END█"), "\(last)")
    }

    @Test func yCopiesTheFocusedPanelsInterpolatedQuery() {
        var harness = started()
        harness.press(.down)
        // Panel 3's query as sent, $service interpolated.
        let focused = harness.state.focusedPanelID
        let effects = harness.press(.char("y"))
        guard case .copy(let text) = effects.first else {
            Issue.record("no copy effect: \(effects) for \(String(describing: focused))")
            return
        }
        #expect(!text.contains("$"), "\(text)")
        #expect(text == harness.state.panels[focused ?? 0]?.answeredQueries.values.first?.expr)
        harness.send(.copied(text, error: nil))
        #expect(harness.state.status?.text.hasPrefix("Copied") == true)
        harness.send(.copied(text, error: "too long for the terminal's clipboard"))
        #expect(harness.state.status == StatusMessage(text: "Not copied: too long for the terminal's clipboard", isError: true, at: harness.now))
        // In inspect, `Y` copies the inspected panel's (`y` its selected value).
        harness.press(.char("i"))
        #expect(harness.press(.char("Y")) == [.copy(text)])
    }

    @Test func yOnTheAdhocViewCopiesItsQueryAndWithNothingFocusedSaysSo() {
        var harness = Harness(Fixtures.state([Dashboard(uid: "empty", title: "Empty")]))
        harness.send(.start)
        let none = harness.press(.char("y"))
        #expect(none == [.redraw] && harness.state.status?.isError == true)
        harness.press(.char(":"))
        harness.type("up == 1")
        harness.press(.enter)
        #expect(harness.press(.char("y")) == [.copy("up == 1")])
    }

    @Test func osc52Sequence() {
        #expect(OSC52.sequence("up") == "\u{1B}]52;c;dXA=\u{07}")
        #expect(OSC52.sequence("rate(x[5m])") == "\u{1B}]52;c;cmF0ZSh4WzVtXSk=\u{07}")
        #expect(OSC52.sequence("日本") == "\u{1B}]52;c;5pel5pys\u{07}")
        #expect(OSC52.sequence(String(repeating: "x", count: 80_000)) == nil)
        let screen = TextScreen(width: 10, height: 2)
        #expect(screen.copyToClipboard("up") == nil)
        #expect(screen.clipboard == ["up"])
    }
}

/// Tab completion in the prompt: datasource answers cached, late answers dropped.
@Suite struct PromptCompletionTests {
    private func typed(_ text: String) -> Harness { Harness.prompted(text) }

    private func prompt(_ harness: Harness) -> PromptState? {
        if case .prompt(let prompt) = harness.state.overlay { prompt } else { nil }
    }

    @Test func tabAsksForMetricNamesAndASingleCandidateGoesIn() {
        var harness = typed("rate(http_req")
        let query = CompletionQuery.labelValues(label: "__name__", metric: nil)
        #expect(harness.press(.tab).contains { if case .fetchCompletions(query, _, _) = $0 { true } else { false } })
        harness.send(.completions(query, .success(["up", "http_requests_total", "process_cpu_seconds_total"])))
        #expect(prompt(harness)?.text == "rate(http_requests_total")
        // Cached: the next Tab asks nothing.
        harness.type("[5m]) + rate(http_")
        #expect(harness.press(.tab).allSatisfy { if case .fetchCompletions = $0 { false } else { true } })
        #expect(prompt(harness)?.text == "rate(http_requests_total[5m]) + rate(http_requests_total")
    }

    @Test func severalCandidatesOpenThePopupTabCyclesEnterTakes() throws {
        var harness = typed("hist")
        let query = CompletionQuery.labelValues(label: "__name__", metric: nil)
        harness.press(.tab)
        harness.send(.completions(query, .success(["histogram_demo_bucket"])))
        let popup = try #require(prompt(harness)?.completion)
        #expect(popup.shown.first == "histogram_demo_bucket" && popup.shown.contains("histogram_quantile"))
        let frame = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now)
        #expect(frame.lines.contains { $0.contains("▸ histogram_demo_bucket") })
        harness.press(.tab)
        #expect(prompt(harness)?.completion?.selected == 1)
        harness.press(.enter)
        #expect(prompt(harness)?.text == popup.inserted[1] && prompt(harness)?.completion == nil)
        #expect(harness.state.adhoc == nil, "Enter took the candidate, did not run the query")
        // Esc closes the popup, not the prompt; another key closes it and edits.
        harness.press(.ctrl("u"))
        harness.type("hist")
        harness.press(.tab, .escape)
        #expect(prompt(harness)?.completion == nil && prompt(harness)?.text == "hist")
        harness.press(.tab, .char("o"))
        #expect(prompt(harness)?.completion == nil && prompt(harness)?.text == "histo")
    }

    @Test func labelNamesAndValuesOfTheTypedMetric() {
        var harness = typed("http_requests_total{ser")
        let names = CompletionQuery.labelNames(metric: "http_requests_total")
        #expect(harness.press(.tab).contains { if case .fetchCompletions(names, _, _) = $0 { true } else { false } })
        harness.send(.completions(names, .success(["__name__", "job", "service"])))
        #expect(prompt(harness)?.text == "http_requests_total{service")
        harness.type("=")
        let values = CompletionQuery.labelValues(label: "service", metric: "http_requests_total")
        #expect(harness.press(.tab).contains { if case .fetchCompletions(values, _, _) = $0 { true } else { false } })
        harness.send(.completions(values, .success(["exec\"ution"])))
        #expect(prompt(harness)?.text == "http_requests_total{service=\"exec\\\"ution\"")
    }

    @Test func typingOnDropsTheAnswerTabWaitedFor() {
        var harness = typed("http_req")
        let query = CompletionQuery.labelValues(label: "__name__", metric: nil)
        harness.press(.tab)
        harness.type("x")
        #expect(harness.send(.completions(query, .success(["http_requests_total"]))).isEmpty)
        #expect(prompt(harness)?.text == "http_reqx")
        #expect(harness.state.completions.answers[query] == ["http_requests_total"], "kept for the next Tab")
    }
}
