import PromModel
import Testing
@testable import App

/// The explorer's default query by metric type, and the label breakdown it groups by.
@Suite struct DefaultQueryTests {
    private func expr(_ metric: String, _ type: String?, by label: String? = nil) -> String {
        DefaultQuery.expr(metric: metric, metadata: type.map { MetricMetadata(type: $0, help: "") }, groupBy: label)
    }

    @Test func countersAreRatedAndSummedByTheGroupingLabel() {
        #expect(expr("http_requests_total", "counter", by: "status") == "sum by (status) (rate(http_requests_total[$__rate_interval]))")
        #expect(expr("http_requests_total", "counter") == "sum(rate(http_requests_total[$__rate_interval]))")
        // No metadata: the `_total` naming convention says counter.
        #expect(expr("jobs_done_total", nil) == "sum(rate(jobs_done_total[$__rate_interval]))")
    }

    @Test func histogramsGiveTheirP95() {
        // Classic: from the `_bucket` series, keeping `le`.
        #expect(expr("latency_seconds_bucket", "histogram", by: "job") == "histogram_quantile(0.95, sum by (le) (rate(latency_seconds_bucket[$__rate_interval])))")
        #expect(expr("latency_seconds_bucket", nil) == "histogram_quantile(0.95, sum by (le) (rate(latency_seconds_bucket[$__rate_interval])))")
        // Native: the family's own name is the series, no `le`.
        #expect(expr("latency_seconds", "histogram") == "histogram_quantile(0.95, sum(rate(latency_seconds[$__rate_interval])))")
        // `_sum` and `_count` count up.
        #expect(expr("latency_seconds_count", "histogram", by: "job") == "sum by (job) (rate(latency_seconds_count[$__rate_interval]))")
        #expect(expr("rpc_seconds_sum", "summary") == "sum(rate(rpc_seconds_sum[$__rate_interval]))")
    }

    @Test func gaugesSummariesAndUnknownsAreShownAsTheyAre() {
        #expect(expr("queue_lag", "gauge", by: "job") == "queue_lag")
        #expect(expr("rpc_seconds", "summary") == "rpc_seconds")
        #expect(expr("mystery", nil) == "mystery")
        #expect(expr("weird_bucket", "gauge") == "weird_bucket")
    }

    @Test func theBreakdownCountsSeriesPerValueAndPicksALegibleGroupingLabel() {
        let series = (0..<12).map { index in
            Labels(["__name__": "m", "instance": "host\(index % 3)", "job": "api", "pod": "p\(index)", "code": index % 4 == 0 ? "500" : "200"])
        }
        let breakdown = LabelBreakdown(series: series)
        #expect(breakdown.seriesCount == 12)
        #expect(breakdown.entries.map(\.label) == ["code", "instance", "job", "pod"])
        #expect(breakdown.entries[0].values.map { "\($0.value)=\($0.series)" } == ["200=9", "500=3"])
        // pod has 12 values (too many for a legend), job one; instance is the scrape's: code wins.
        #expect(breakdown.groupingLabel == "code")
        #expect(LabelBreakdown(series: series.map { $0.removing(["code"]) }).groupingLabel == "instance")
        #expect(LabelBreakdown(series: [Labels(["__name__": "m", "job": "a"])]).groupingLabel == nil)
        #expect(LabelBreakdown(series: []).entries.isEmpty)
    }
}
