import Dashboards
import PromModel
import Render
import Terminal
import Testing
@testable import App

/// The metric explorer (`m`) in the viewer's state machine, and as drawn.
@Suite struct MetricExplorerKeyTests {
    static let names = ["http_requests_total", "http_request_duration_seconds_bucket", "http_request_duration_seconds_count",
                        "eventbus_queue_lag", "orphan_metric"]
    static let metadata: [String: [MetricMetadata]] = [
        "http_requests_total": [MetricMetadata(type: "counter", help: "Total HTTP requests.")],
        "http_request_duration_seconds": [MetricMetadata(type: "histogram", help: "HTTP request latency.")],
        "eventbus_queue_lag": [MetricMetadata(type: "gauge", help: "Messages waiting to be consumed.")],
    ]

    private func opened() -> Harness {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        harness.press(.char("m"))
        harness.send(.completions(CompletionQuery.metricNames, .success(Self.names)))
        harness.send(.metadata(.success(Self.metadata)))
        return harness
    }

    private func seriesAsked(_ effects: [Effect]) -> String? {
        effects.compactMap { if case .fetchSeries(let metric, _, _) = $0 { metric } else { nil } }.first
    }

    @Test func mAsksForNamesAndMetadataOnceAndListsThemWithTypeAndHelp() throws {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        let effects = harness.press(.char("m"))
        #expect(effects.contains(.fetchCompletions(CompletionQuery.metricNames, start: harness.state.window.resolve(now: harness.now).start,
                                                   end: harness.state.window.resolve(now: harness.now).end)))
        #expect(effects.contains(.fetchMetadata))
        #expect(harness.state.metricList?.isEmpty != false)
        // Loading is said, not a blank screen.
        #expect(FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text.contains("loading metric names…"))
        // Closing and opening again while the asks are out does not ask twice.
        harness.press(.escape)
        #expect(harness.state.metricExplorer == nil)
        #expect(!harness.press(.char("m")).contains(.fetchMetadata))
        harness.send(.completions(CompletionQuery.metricNames, .success(Self.names)))
        harness.send(.metadata(.success(Self.metadata)))
        let list = try #require(harness.state.metricList)
        #expect(list.map(\.name) == Self.names.sorted())
        #expect(list.first { $0.name == "http_requests_total" }?.type == "counter")
        // A classic histogram's series take their family's metadata; none at all reads unknown.
        #expect(list.first { $0.name == "http_request_duration_seconds_bucket" }?.help == "HTTP request latency.")
        #expect(list.first { $0.name == "orphan_metric" }?.type == "unknown")
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("eventbus_queue_lag") && text.contains("Messages waiting to be consumed."), "\(text)")
        #expect(text.contains("5 of 5 metrics"))
    }

    @Test func typingFiltersByNameOrHelpAndBackspaceUndoes() throws {
        var harness = opened()
        harness.type("http")
        #expect(harness.state.metricList?.count == 3)
        harness.type(" latency")
        #expect(harness.state.metricList?.map(\.name) == ["http_request_duration_seconds_bucket", "http_request_duration_seconds_count"])
        harness.press(.ctrl("u"))
        #expect(harness.state.metricExplorer?.filter == "")
        harness.type("zzz")
        #expect(FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text.contains("no metric matches \"zzz\""))
        harness.press(.backspace, .backspace, .backspace)
        #expect(harness.state.metricList?.count == 5)
        // Letters filter; they are not the dashboard's keys (q does not quit).
        #expect(!harness.press(.char("q")).quits)
        #expect(harness.state.metricExplorer?.filter == "q")
    }

    @Test func arrowsPagesHomeAndEndMoveTheCursorWithinTheList() {
        var harness = opened()
        harness.press(.down, .down)
        #expect(harness.state.metricExplorer?.cursor.selection == 2)
        harness.press(.end)
        #expect(harness.state.metricExplorer?.cursor.selection == 4)
        harness.press(.down, .pageDown)
        #expect(harness.state.metricExplorer?.cursor.selection == 4)
        harness.press(.home)
        #expect(harness.state.metricExplorer?.cursor.selection == 0)
        harness.press(.up, .pageUp)
        #expect(harness.state.metricExplorer?.cursor.selection == 0)
        // A filter puts the cursor back on its first match.
        harness.press(.end)
        harness.type("lag")
        #expect(harness.state.metricExplorer?.cursor.selection == 0)
    }

    @Test func enterAsksForTheSeriesThenShowsTheBreakdownAndRunsTheCounterRate() throws {
        var harness = opened()
        harness.type("requests_total")
        let effects = harness.press(.enter)
        #expect(seriesAsked(effects) == "http_requests_total")
        #expect(harness.state.metricExplorer?.opened?.name == "http_requests_total")
        #expect(FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text.contains("loading series…"))
        let series = ["GET", "GET", "POST"].enumerated().map { index, method in
            Labels(["__name__": "http_requests_total", "job": "execution", "method": method, "status": index == 0 ? "500" : "200"])
        }
        let answer = harness.send(.metricSeries("http_requests_total", .success(series)))
        // method and status have two values each: the first by name groups.
        let expr = "sum by (method) (rate(http_requests_total[$__rate_interval]))"
        #expect(harness.state.adhoc?.expr == expr)
        // The panel's query goes out with $__rate_interval expanded by the planner.
        let job = try #require(answer.jobs.first)
        #expect(job.key.expr.hasPrefix("sum by (method) (rate(http_requests_total[") && !job.key.expr.contains("$"), "\(job.key.expr)")
        let breakdown = try #require(try harness.state.metricExplorer?.opened?.breakdown?.get())
        #expect(breakdown.seriesCount == 3)
        #expect(breakdown.entries.map(\.label) == ["job", "method", "status"])
        #expect(breakdown.entries[1].values.map { "\($0.value)=\($0.series)" } == ["GET=2", "POST=1"])
        harness.answerAll(with: Fixtures.matrix([1, 2, 3], labels: Labels(["status": "200"])))
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("http_requests_total · counter · Total HTTP requests. · 3 series"), "\(text)")
        #expect(text.contains("method") && text.contains("GET (2)  POST (1)"))
        // The ad-hoc panel draws under the breakdown.
        #expect(text.contains(expr))
    }

    @Test func escGoesBackALevelAtATime() {
        var harness = opened()
        harness.press(.down)
        harness.press(.enter)
        let bucket = "http_request_duration_seconds_bucket"
        harness.send(.metricSeries(bucket, .success(["0.1", "+Inf"].map { Labels(["__name__": bucket, "le": $0]) })))
        #expect(harness.state.adhoc?.expr == "histogram_quantile(0.95, sum by (le) (rate(\(bucket)[$__rate_interval])))")
        let back = harness.press(.escape)
        #expect(harness.state.adhoc == nil && harness.state.metricExplorer?.opened == nil)
        #expect(back.contains(.fullRedraw))
        // The list keeps its place.
        #expect(harness.state.metricExplorer?.cursor.selection == 1)
        harness.press(.escape)
        #expect(harness.state.metricExplorer == nil)
        #expect(FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text.contains("Service Health"))
    }

    @Test func anAnswerForAMetricNoLongerOpenIsDropped() {
        var harness = opened()
        harness.press(.enter)
        harness.press(.escape)
        #expect(harness.send(.metricSeries("eventbus_queue_lag", .success([]))).isEmpty)
        #expect(harness.state.adhoc == nil)
    }

    @Test func failedSeriesAreShownAndTheQueryStillRuns() {
        var harness = opened()
        harness.type("lag")
        harness.press(.enter)
        let effects = harness.send(.metricSeries("eventbus_queue_lag", .failure(QueryError(.connection, "cannot connect to x: connection refused"))))
        #expect(effects.jobs.map(\.key.expr) == ["eventbus_queue_lag"])
        #expect(FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text.contains("✗ series: cannot connect"))
    }

    @Test func failedMetadataListsEveryMetricAsUnknownAndSaysWhy() {
        var harness = Harness()
        harness.send(.start)
        harness.press(.char("m"))
        harness.send(.completions(CompletionQuery.metricNames, .success(["a_total"])))
        harness.send(.metadata(.failure(QueryError(.notFound, "HTTP 404", summary: "HTTP 404"))))
        #expect(harness.state.metricList?.map(\.type) == ["unknown"])
        #expect(FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text.contains("no metadata: HTTP 404"))
        // Without metadata a `_total` name is still taken for a counter.
        harness.press(.enter)
        harness.send(.metricSeries("a_total", .success([])))
        #expect(harness.state.adhoc?.expr == "sum(rate(a_total[$__rate_interval]))")
    }

    @Test func pageKeysScrollTheBreakdownAndOtherKeysReachTheGraph() {
        var harness = opened()
        harness.press(.enter)
        let labels = (0..<30).map { Labels(["__name__": "eventbus_queue_lag", "l\($0)": "v"]) }
        harness.send(.metricSeries("eventbus_queue_lag", .success(labels)))
        harness.press(.pageDown)
        #expect((harness.state.metricExplorer?.opened?.cursor.top ?? 0) > 0)
        harness.press(.pageUp)
        #expect(harness.state.metricExplorer?.opened?.cursor.top == 0)
        // Tab is the ad-hoc view's table/graph switch.
        harness.press(.tab)
        #expect(harness.state.adhoc?.asTable == true)
    }

    @Test func emptyAnswersAndStrayKeysChangeNothingTheyShouldNot() {
        var harness = Harness(Fixtures.state(width: 40, height: 12))
        harness.send(.start)
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .enter, .backspace, .tab, .backTab, .left, .right, .delete,
                           .function(5), .ctrl("u"), .char(" "), .char("/")]
        // Before any answer, with none, and with a list filtered to nothing.
        harness.press(.char("m"))
        for key in keys { harness.press(key) }
        harness.send(.completions(CompletionQuery.metricNames, .success([])))
        for key in keys { harness.press(key) }
        #expect(harness.state.metricExplorer?.opened == nil)
        harness.send(.completions(CompletionQuery.metricNames, .success(["x"])))
        harness.press(.ctrl("u"))
        harness.type("nothing")
        #expect(harness.press(.enter).isEmpty)
        harness.press(.ctrl("u"), .enter)
        #expect(harness.state.metricExplorer?.opened?.name == "x")
        // While the series are out, the dashboard beneath gets no keys.
        let focus = harness.state.focusedPanelID
        for key in keys where key != .enter { harness.press(key) }
        #expect(harness.state.focusedPanelID == focus && harness.state.dashboardIndex == 0)
        harness.send(.metricSeries("x", .success([Labels(["__name__": "x"])])))
        #expect(harness.state.metricExplorer?.opened?.breakdown.flatMap { try? $0.get() }?.entries.isEmpty == true)
        for key in keys { harness.press(key) }
        for size in [(20, 5), (40, 12), (200, 60)] {
            _ = FrameRenderer().render(harness.state, size: TerminalSize(width: size.0, height: size.1), now: harness.now)
        }
        #expect(harness.state.adhoc?.expr == "x")
    }
}
