import Testing
@testable import PromQL

/// `Expr.metricNames`: every metric an expression selects, once, in order.
@Suite struct MetricNamesTests {
    private func names(_ query: String) throws -> [String] { try parsePromQL(query).metricNames }

    @Test func collectsEveryNamedSelectorOnceInOrder() throws {
        #expect(try names("up") == ["up"])
        #expect(try names(#"sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.02"#) == ["http_requests_total"])
        #expect(try names("histogram_quantile(0.99, sum by (le) (rate(latency_seconds_bucket[5m]))) > on() group_left vector(scalar(slo_target))")
            == ["latency_seconds_bucket", "slo_target"])
        #expect(try names("max_over_time(deriv(queue_depth[10m])[1h:1m]) - -lag_seconds offset 1h") == ["queue_depth", "lag_seconds"])
        #expect(try names("topk(scalar(k_value), (errors_total + errors_total))") == ["k_value", "errors_total"])
    }

    @Test func nameMatchersCountRegexesAndLiteralsDoNot() throws {
        #expect(try names(#"{__name__="node_load1", job="node"}"#) == ["node_load1"])
        #expect(try names(#"{__name__=~"node_.*"}"#) == [])
        #expect(try names(#"1 + 2 * time()"#) == [])
        #expect(try names(#"label_replace(vector(1), "a", "b", "c", "d")"#) == [])
    }
}
