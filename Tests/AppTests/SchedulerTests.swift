import Dashboards
import PromModel
import Render
import Testing
@testable import App

@Suite struct SchedulerTests {
    @Test func startQueriesVisiblePanelsOnceEach() {
        var harness = Harness()
        let effects = harness.send(.start)
        let exprs = effects.jobs.map(\.key.expr)
        // sum(up) is wanted by panels 1, 2 and 4/B; all three are half the screen wide, so
        // they get one step and share one query. Panel 3 uses $service, whose options are
        // loading: it waits for them.
        #expect(exprs.filter { $0 == "sum(up)" }.count == 1)
        #expect(exprs.count == 2 && !exprs.contains { $0.contains("$service") || $0.contains("http_requests_total") })
        #expect(harness.state.panelsAwaitingVariables == [3])
        #expect(harness.state.panels[3] == nil)
        let released = harness.answerVariables().jobs.map(\.key.expr)
        #expect(released.count == 1 && released.first?.contains(#"service=~"execution""#) == true, "\(released)")
        #expect(harness.state.panelsAwaitingVariables.isEmpty)
        let shared = harness.state.inFlight.values.first { $0.key.expr == "sum(up)" }
        #expect(shared?.consumers.map(\.panelID).sorted() == [1, 2, 4])
        #expect(effects.contains(.loadVariableOptions(VariableOptionsRequest(
            dashboardUID: "health", name: "service", label: "service", selectors: ["http_requests_total"],
            start: Fixtures.t0 - 3_600_000, end: Fixtures.t0, text: "label_values(http_requests_total, service)",
            query: .labelValues(selector: "http_requests_total", label: "service")))))
        #expect(effects.contains(.scheduleTick(at: Fixtures.t0 + 5000)))
        #expect(harness.state.panels[1]?.status(now: Fixtures.t0) == .loading)
    }

    @Test func stepComesFromPaneWidth() {
        let reducer = ViewerReducer()
        let graph = Panel(id: 1, type: "timeseries", targets: [Target(expr: "x")])
        func step(_ panel: Panel, columns: Int, span: Int64) -> Int64? {
            reducer.plan(
                Dashboard(uid: "d", title: "d", panels: [panel]), widths: [panel.id: columns], variables: [],
                start: Fixtures.t0 - span, end: Fixtures.t0
            ).first?.range.step
        }
        // Grafana: 1h over 100 points = 36 s, rounded to 30 s.
        #expect(step(graph, columns: 100, span: 3_600_000) == 30_000)
        // Narrower pane, coarser step: 1h / 20 points = 180 s → 2 m.
        #expect(step(graph, columns: 20, span: 3_600_000) == 120_000)
        // Never below the scrape interval.
        #expect(step(graph, columns: 500, span: 300_000) == 15_000)
        // maxDataPoints caps the points: 1h / 10 = 360 s → 5 m.
        var capped = graph
        capped.maxDataPoints = 10
        #expect(step(capped, columns: 100, span: 3_600_000) == 300_000)
    }

    @Test func rangeEndsWithinAStepOfTheNewestScrapeOnTheStepGrid() {
        var harness = Harness()
        harness.now = Fixtures.t0 + 7_777 + 3 * 60_000
        let jobs = harness.send(.start).jobs
        #expect(!jobs.isEmpty)
        let newestScrape = harness.now / 15_000 * 15_000
        for job in jobs {
            // The newest data is on screen: the last point is the first grid point at or
            // after the newest scrape (Grafana's alignRange ceils the end), and start and end
            // are multiples of the step, so the next refresh's grid is the same.
            #expect(job.range.end >= newestScrape && job.range.end - newestScrape < job.range.step)
            #expect(job.range.end % job.range.step == 0 && job.range.start % job.range.step == 0)
            #expect(job.range.start <= harness.now - 3_600_000)
        }
    }

    @Test func variablesAreInterpolated() {
        var harness = Harness()
        harness.state.selections["health"]?["service"] = ["execution", "risk.safety"]
        let jobs = harness.start().jobs
        let requests = jobs.first { $0.key.expr.contains("http_requests_total") }
        let expr = try? #require(requests).key.expr
        // Regex metacharacters are escaped for the regex and again for the PromQL string, as
        // Grafana's Prometheus datasource does.
        #expect(expr?.contains(#"service=~"(execution|risk\\.safety)""#) == true)
        // Panel 3 is 58 columns: 116 points over 1h → step 1m; $__rate_interval = max(step + 15s, 4 × 15s).
        #expect(expr?.contains("[1m15s]") == true)
    }

    @Test func tickRefreshesOnlyWhenDueAndNotInFlight() {
        var harness = Harness()
        harness.start()
        let first = harness.state.inFlight.count
        // Due, but everything is still in flight: no second refresh of any panel.
        harness.now += 5000
        #expect(harness.send(.tick).jobs.isEmpty)
        #expect(harness.state.inFlight.count == first)
        // Answers arrive; a tick before the next interval does nothing (the busy tick
        // restarted the clock)...
        harness.answerAll()
        harness.now += 1000
        #expect(harness.send(.tick).jobs.isEmpty)
        // ...and one on time refreshes every visible panel.
        harness.now += 4000
        #expect(harness.state.lastRefreshAt == Fixtures.t0 + 5000)
        let effects = harness.send(.tick)
        #expect(effects.jobs.count == first)
        #expect(effects.contains(.scheduleTick(at: harness.now + 5000)))
    }

    @Test func slowPanelIsSkippedWhileOthersRefresh() {
        var harness = Harness()
        harness.start()
        // Answer everything except the query of panel 3.
        for (id, query) in harness.state.inFlight where !query.consumers.contains(where: { $0.panelID == 3 }) {
            harness.send(.queryResult(id, Fixtures.vector(2), duration: 5))
        }
        harness.now += 5000
        let jobs = harness.send(.tick).jobs
        #expect(!jobs.isEmpty)
        #expect(!jobs.contains { $0.key.expr.contains("http_requests_total") })
        #expect(harness.state.inFlight.values.filter { $0.consumers.contains { $0.panelID == 3 } }.count == 1)
    }

    @Test func pausedTicksDoNotQueryButRefreshKeyDoes() {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        harness.press(.char("p"))
        #expect(harness.state.paused)
        harness.now += 60_000
        #expect(harness.send(.tick).jobs.isEmpty)
        #expect(!harness.press(.char("r")).jobs.isEmpty)
        harness.answerAll()
        let resumed = harness.press(.char("p"))
        #expect(!harness.state.paused)
        #expect(resumed.contains(.scheduleTick(at: harness.now + 5000)))
    }

    @Test func dashboardSwitchCancelsInFlightAndIgnoresLateAnswers() {
        var harness = Harness()
        harness.send(.start)
        let old = harness.state.inFlight.keys.sorted()
        let effects = harness.press(.char("2"))
        #expect(effects.cancelled == old)
        #expect(effects.jobs.map(\.key.expr) == ["sum(trades_executed_total)"])
        #expect(harness.state.dashboard?.uid == "trading")
        #expect(effects.contains(.scheduleTick(at: Fixtures.t0 + 10_000)))
        // A late answer for the old dashboard changes nothing.
        let before = harness.state
        #expect(harness.send(.queryResult(old[0], Fixtures.vector(9), duration: 1)).isEmpty)
        #expect(harness.state == before)
    }

    @Test func timeRangeChangeCancelsAndReplans() {
        var harness = Harness()
        harness.send(.start)
        let old = harness.state.inFlight.keys.sorted()
        let effects = harness.press(.char("+"))
        #expect(effects.cancelled == old)
        #expect(harness.state.window == .relative(span: 1_800_000, offset: 0))
        let range = effects.jobs.first?.range
        // The half hour on the step's grid: at most a step more at each end.
        let span = range.map { $0.end - $0.start } ?? 0
        #expect(span >= 1_800_000 - 15_000 && span < 1_800_000 + 2 * (range?.step ?? 0))
        #expect(harness.state.inFlight.count == effects.jobs.count)
    }

    @Test func failedRefreshKeepsDataAndGoesStale() {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll(with: Fixtures.vector(42))
        #expect(harness.state.panels[1]?.status(now: harness.now) == .ok)
        harness.now += 5000
        harness.send(.tick)
        for id in harness.state.inFlight.keys.sorted() {
            harness.send(.queryFailed(id, QueryError(.connection, "connect ECONNREFUSED 127.0.0.1:9090", summary: "connection refused"), duration: 3))
        }
        harness.now += 2000
        let panel = harness.state.panels[1]
        #expect(panel?.status(now: harness.now) == .stale(age: 7))
        #expect(panel?.lastError?.summary == "connection refused")
        #expect(panel?.results["A"] == Fixtures.vector(42).result)
        #expect(PanelStatus.stale(age: 7).label == "stale 7s")
        // Recovery without user action: the next good answer clears it.
        harness.now += 3000
        harness.send(.tick)
        harness.answerAll(with: Fixtures.vector(43))
        #expect(harness.state.panels[1]?.status(now: harness.now) == .ok)
    }

    @Test func errorWithoutDataShowsTheSummaryAndInspectHasTheMessage() {
        var harness = Harness()
        harness.start()
        let message = "bad_data: 1:5: parse error: unexpected right parenthesis ')'"
        for id in harness.state.inFlight.keys.sorted() {
            harness.send(.queryFailed(id, QueryError(.badData, message, summary: "parse error"), duration: 2))
        }
        #expect(harness.state.panels[3]?.status(now: harness.now) == .error("parse error"))
        #expect(harness.state.panels[3]?.lastError?.message == message)
    }

    @Test func emptyResultIsNoData() {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll(with: QueryResponse(result: .vector([])))
        #expect(harness.state.panels[1]?.status(now: harness.now) == .noData)
    }

    @Test func onlyVisiblePanelsAreQueriedAndScrollingFetchesTheRest() {
        var harness = Harness(Fixtures.state([Fixtures.tall], width: 80, height: 24))
        let jobs = harness.send(.start).jobs.map(\.key.expr)
        #expect(jobs.contains("metric_0"))
        #expect(!jobs.contains("metric_5"))
        harness.answerAll()
        let more = harness.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown).jobs.map(\.key.expr)
        #expect(more.contains("metric_5"))
    }

    @Test func variableOptionsReplaceAMissingSelection() {
        var harness = Harness()
        harness.state.selections["health"]?["service"] = ["gone"]
        harness.send(.start)
        let effects = harness.send(.variableOptions(dashboardUID: "health", name: "service", .success(["ai-engine", "execution"])))
        #expect(harness.state.selections["health"]?["service"] == [Variable.allValueMarker])
        // Panel 3 waited for the options, and the panels without $service are not asked again.
        #expect(effects.cancelled.isEmpty && effects.jobs.count == 1)
        let expr = effects.jobs.first { $0.key.expr.contains("http_requests_total") }?.key.expr ?? ""
        #expect(expr.contains("(ai-engine|execution)"))
    }
}
