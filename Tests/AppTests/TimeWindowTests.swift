import Dashboards
import PromModel
import Testing
@testable import App

@Suite struct TimeWindowTests {
    let now: Int64 = 1_700_000_000_000

    @Test func parsesGrafanaRanges() throws {
        #expect(try TimeWindow(from: "now-1h", to: "now", now: now) == .relative(span: 3_600_000, offset: 0))
        #expect(try TimeWindow(from: "now-2d", to: "now-1d", now: now) == .relative(span: 86_400_000, offset: 86_400_000))
        #expect(try TimeWindow(from: "1699990000", to: "now", now: now) == .absolute(start: 1_699_990_000_000, end: now))
        #expect(try TimeWindow(from: "2023-11-14T22:00:00Z", to: "2023-11-14T23:00:00Z", now: now)
            == .absolute(start: 1_700_000_000_000 - 800_000, end: 1_700_000_000_000 + 2_800_000))
        #expect(throws: TimeWindowError.self) { try TimeWindow(from: "now", to: "now-1h", now: now) }
        #expect(throws: TimeWindowError.self) { try TimeWindow(from: "last tuesday", to: "now", now: now) }
    }

    @Test func dateMathIsTheOneGrammar() throws {
        // now/d (today so far) is resolved afresh: the same window a minute later ends later.
        let today = try TimeWindow(from: "now/d", to: "now", now: now)
        #expect(today == .expression(from: "now/d", to: "now"))
        #expect(today.resolve(now: now) == (1_699_920_000_000, now))
        #expect(try TimeWindow(from: "now-1d/d", to: "now-1d/d", now: now).resolve(now: now) == (1_699_833_600_000, 1_699_919_999_999))
        // Prometheus durations after the sign, Unix seconds with a fraction.
        #expect(try TimeWindow(from: "now-1h30m", to: "now", now: now) == .relative(span: 5_400_000, offset: 0))
        #expect(try TimeWindow(from: "1699990000.5", to: "1700000000000", now: now) == .absolute(start: 1_699_990_000_500, end: now))
        #expect(throws: TimeWindowError.self) { try TimeWindow(from: "now/x", to: "now", now: now) }
    }

    @Test func typedRanges() throws {
        #expect(try TimeWindow(typed: "6h", now: now) == .relative(span: 21_600_000, offset: 0))
        #expect(try TimeWindow(typed: "now-15m", now: now) == .relative(span: 900_000, offset: 0))
    }

    @Test func zoomAndPanKeepTheirBounds() {
        let window = TimeWindow.relative(span: 120_000, offset: 0)
        #expect(window.zoomed(out: false, now: now) == .relative(span: 60_000, offset: 0))
        #expect(window.zoomed(out: false, now: now).zoomed(out: false, now: now) == .relative(span: 60_000, offset: 0))
        #expect(TimeWindow.absolute(start: 0, end: 1000 * 3600).panned(forward: true, now: now) == .absolute(start: 1_800_000, end: 5_400_000))
        #expect(TimeWindow.relative(span: 3_600_000, offset: 0).resolve(now: now) == (now - 3_600_000, now))
    }

    @Test func durations() {
        #expect(PrometheusDuration.milliseconds("1h30m") == 5_400_000)
        #expect(PrometheusDuration.milliseconds("500ms") == 500)
        #expect(PrometheusDuration.milliseconds("7d") == 604_800_000)
        #expect(PrometheusDuration.milliseconds("5x") == nil)
        #expect(PrometheusDuration.milliseconds("") == nil)
        #expect(PrometheusDuration.format(5_400_000) == "1h30m")
        #expect(PrometheusDuration.format(75_000) == "1m15s")
        #expect(TimeWindow.relative(span: 3_600_000, offset: 0).description == "Last 1h")
    }

    @Test func variableQueriesTheViewerSends() {
        #expect(VariableQuery("label_values(job)") == .labelValues(selector: nil, label: "job"))
        #expect(VariableQuery("label_values(up{env=~\"a,b\"}, instance)") == .labelValues(selector: "up{env=~\"a,b\"}", label: "instance"))
        #expect(VariableQuery("query_result(up)") == .queryResult(expr: "up"))
    }
}
