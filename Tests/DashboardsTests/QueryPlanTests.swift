import Testing
@testable import Dashboards

@Suite struct QueryPlanTests {
    static let from: Int64 = 1_700_000_007_000
    static let to: Int64 = 1_700_003_607_000 // one hour later

    static func dashboard() -> Dashboard {
        let rate = #"sum by (job) (rate(http_requests_total{job=~"$job"}[$__rate_interval]))"#
        let job = Variable(name: "job", kind: .query, current: ["execution"], multi: true, includeAll: true)
        return Dashboard(uid: "u", title: "t", panels: [
            Panel(id: 1, type: "timeseries", targets: [Target(refId: "A", expr: rate, legendFormat: "{{job}}")]),
            Panel(id: 2, type: "stat", targets: [
                Target(refId: "A", expr: rate), Target(refId: "B", expr: "up", instant: true, range: false),
                Target(refId: "C", expr: "hidden", hide: true), Target(refId: "D", expr: "  "), Target(refId: "E", expr: "\n\t\u{A0}"),
            ]),
            Panel(id: 3, type: "timeseries", targets: [Target(refId: "A", expr: rate)], maxDataPoints: 1000),
            Panel(id: 4, type: "row", collapsed: true, panels: [
                Panel(id: 5, type: "timeseries", targets: [Target(refId: "A", expr: rate)]),
            ]),
        ], variables: [job])
    }

    @Test func plansEachVisibleTargetWithGrafanaSteps() {
        let plan = QueryPlan(dashboard: Self.dashboard(), fromMs: Self.from, toMs: Self.to, panelWidths: [1: 100, 2: 100])
        #expect(plan.queries.map { "\($0.panelID)\($0.refID)" } == ["1A", "2A", "2B", "3A"])
        let first = plan.queries[0]
        #expect(first.expr == #"sum by (job) (rate(http_requests_total{job=~"execution"}[1m]))"#)
        #expect(first.stepMs == 30_000 && first.legendFormat == "{{job}}" && !first.instant)
        // On the 30 s grid (Grafana's alignRange): the start floored, the end the first grid
        // point at or after the newest scrape (`to` floored to 15 s: 1_700_003_595_000).
        #expect(first.startMs == 1_699_999_980_000 && first.endMs == 1_700_003_610_000)
        let instant = plan.queries[2]
        #expect(instant.instant && instant.startMs == Self.to && instant.endMs == Self.to)
        // maxDataPoints 1000 beats the width: 3.6 s → floor of 15 s.
        #expect(plan.queries[3].stepMs == 15_000 && plan.queries[3].startMs == 1_699_999_995_000)
        #expect(plan.queries[3].endMs == 1_700_003_595_000)
    }

    @Test func deduplicatesIdenticalQueries() {
        let plan = QueryPlan(dashboard: Self.dashboard(), fromMs: Self.from, toMs: Self.to, panelWidths: [1: 100, 2: 100])
        #expect(plan.requests.count == 3)
        #expect(plan.requests[0].consumers.map { "\($0.panelID)\($0.refID)" } == ["1A", "2A"])
        #expect(plan.requests[1].expr == "up" && plan.requests[1].instant)
        // Same expression, different step: a separate request.
        #expect(plan.requests[2].consumers.map(\.panelID) == [3])
    }

    @Test func narrowerPanelsGetCoarserSteps() {
        let plan = QueryPlan(dashboard: Self.dashboard(), fromMs: Self.from, toMs: Self.to, panelWidths: [1: 40, 2: 100])
        #expect(plan.queries[0].stepMs == 120_000)
        #expect(plan.queries[0].expr.hasSuffix("[2m15s]))"))
        #expect(plan.requests.count == 4)
    }

    @Test func collapsedRowsOnlyWhenAsked() {
        let plan = QueryPlan(dashboard: Self.dashboard(), fromMs: Self.from, toMs: Self.to, includeCollapsed: true)
        #expect(plan.queries.map(\.panelID) == [1, 2, 2, 3, 5])
    }

    @Test func variablesCanBeOverridden() {
        let dashboard = Self.dashboard()
        let plan = QueryPlan(dashboard: dashboard, variables: dashboard.variables(overriding: ["job": ["a", "b"]]),
                             fromMs: Self.from, toMs: Self.to)
        #expect(plan.queries[0].expr.contains(#"job=~"(a|b)""#))
    }
}

/// Where a range query's grid lies: on multiples of the step while its last point stays
/// within Prometheus's 5 m lookback of the newest scrape, else ending at that scrape.
@Suite struct QueryPlanRangeBoundsTests {
    let from: Int64 = 1_700_000_007_000, to: Int64 = 1_700_003_607_000

    @Test func fineStepsLieOnTheStepGrid() {
        let (start, end) = QueryPlan.rangeBounds(from: from, to: to, step: 60_000, scrapeIntervalMs: 15_000)
        #expect(start % 60_000 == 0 && end % 60_000 == 0)
        #expect(start <= from && from - start < 60_000)
        // The newest scrape is at 1_700_003_595_000; the last point the next minute.
        #expect(end == 1_700_003_640_000)
    }

    @Test func coarseStepsEndAtTheNewestScrapeSoTheLastPointHasData() {
        let (start, end) = QueryPlan.rangeBounds(from: from, to: to, step: 600_000, scrapeIntervalMs: 15_000)
        #expect(end == 1_700_003_595_000, "not up to 10 m past the newest sample, beyond the lookback")
        #expect((end - start) % 600_000 == 0 && start <= from && from - start < 600_000)
    }

    @Test func theBoundaryIsStepPlusScrapeAtTheLookback() {
        let onGrid = QueryPlan.rangeBounds(from: from, to: to, step: 285_000, scrapeIntervalMs: 15_000)
        #expect(onGrid.end % 285_000 == 0)
        let offGrid = QueryPlan.rangeBounds(from: from, to: to, step: 300_000, scrapeIntervalMs: 15_000)
        #expect(offGrid.end == 1_700_003_595_000)
    }
}
