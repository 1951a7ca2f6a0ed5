@testable import PromQL
import Testing

/// Issue 13 item 4: lint's MetricsQL check (VictoriaMetrics datasources). Its extensions are
/// not errors; broken structure and names MetricsQL does not have are.
@Suite("MetricsQL check")
struct MetricsQLCheckTests {
    func errors(_ expr: String) -> [String] {
        ExpressionLint.check(expr, language: .metricsQL).filter(\.isError).map { "\($0.offset): \($0.message)" }
    }

    @Test(arguments: [
        "rate(x)",
        "sum(rate(x[5i])) by (job) limit 10 + 1.5m",
        "WITH (f = rate(x)) f keep_metric_names default 0 if y > 1Ki",
        "WITH (ru(freev, maxv) = clamp_min(maxv - clamp_min(freev, 0), 0)) ru(a, b) / b",
        "x ifnot y or 1",
        "topk_max(5, increases_over_time(errors_total[1h]))",
        "rollup_rate(x[5m])",
        "increase(sum(x))",
        "(vm_app_version{job=~\"a\"} or on() vector(0)) * 1e3",
        "label_set(time() > 0, \"job\", \"b\")",
        "SUM(Rate(x[1m]))",
        "sum(x) by (\"service.name\") # a comment (",
        "histogram_quantile(0.99, sum(increase(x[$__interval])) by (vmrange))",
    ])
    func extensionsAreNotErrors(_ expr: String) {
        #expect(errors(expr).isEmpty, "\(expr)")
    }

    @Test func brokenStructureIsAnError() {
        #expect(errors("sum(rate(x[5m]) by (job") == ["19: unclosed ("])
        #expect(errors("rate(x))") == ["7: unexpected )"])
        #expect(errors("x{job=\"a}") == ["6: unterminated quoted string"])
        #expect(errors("rate(x) +") == ["8: unexpected end of input after +"])
    }

    /// metricsql parses any name before `(`; VictoriaMetrics answers "unknown func" for those
    /// outside its tables, so lint names them (a WITH template's name is known).
    @Test func namesMetricsQLDoesNotHaveAreErrors() {
        #expect(errors("sum(rat(x))") == ["4: unknown function \"rat\": not a MetricsQL function"])
        #expect(errors("rate(x) + no_such_func(y)") == ["10: unknown function \"no_such_func\": not a MetricsQL function"])
        #expect(errors("WITH (g(a) = rate(a)) g(x) + h(x)").count == 1)
    }
}
