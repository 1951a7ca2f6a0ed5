import PromModel
import Render
import Testing
@testable import App

/// Tab's candidates with `/api/v1/metadata`'s type and help beside them, and label names in
/// grouping lists.
@Suite struct CompletionMetadataTests {
    private func typed(_ text: String) -> Harness { Harness.prompted(text) }

    private func popup(_ harness: Harness) -> CompletionPopup? {
        if case .prompt(let prompt) = harness.state.overlay { prompt.completion } else { nil }
    }

    @Test func metricCandidatesShowTypeAndHelpOnceMetadataAnswers() throws {
        var harness = typed("rate(http_")
        let effects = harness.press(.tab)
        #expect(effects.contains(.fetchMetadata))
        harness.send(.completions(CompletionQuery.metricNames, .success(["http_requests_total", "http_request_duration_seconds_bucket"])))
        // The names come first; their details when metadata answers, in the popup already open.
        #expect(try #require(popup(harness)).details.allSatisfy(\.isEmpty))
        harness.send(.metadata(.success([
            "http_requests_total": [MetricMetadata(type: "counter", help: "Total HTTP requests.")],
            "http_request_duration_seconds": [MetricMetadata(type: "histogram", help: "HTTP request latency.")],
        ])))
        let shown = try #require(popup(harness))
        #expect(shown.details == ["histogram · HTTP request latency.", "counter · Total HTTP requests."])
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("http_requests_total  counter · Total HTTP requests."), "\(text)")
        // Metadata is asked once per session.
        harness.press(.escape)
        harness.type(" + http_")
        #expect(!harness.press(.tab).contains(.fetchMetadata))
        #expect(try #require(popup(harness)).details.first == "histogram · HTTP request latency.")
    }

    @Test func labelNamesCompleteInsideBy() throws {
        var harness = typed("sum(rate(http_requests_total[5m])) by (st")
        let names = CompletionQuery.labelNames(metric: "http_requests_total")
        let effects = harness.press(.tab)
        #expect(effects.contains { if case .fetchCompletions(names, _, _) = $0 { true } else { false } })
        // Label names are no metrics: no metadata asked for them.
        #expect(!effects.contains(.fetchMetadata))
        harness.send(.completions(names, .success(["__name__", "job", "status", "statistic"])))
        #expect(try #require(popup(harness)).shown == ["statistic", "status"])
        harness.press(.tab, .enter)
        if case .prompt(let prompt) = harness.state.overlay {
            #expect(prompt.text == "sum(rate(http_requests_total[5m])) by (status")
        } else {
            Issue.record("the prompt closed")
        }
    }
}
