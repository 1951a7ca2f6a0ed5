import Testing
@testable import Dashboards
import PromModel

/// Grafana's Prometheus backend naming (pkg/promlib/querydata/response.go, getName).
@Suite struct LegendFormatTests {
    static let labels = Labels(["__name__": "http_requests_total", "job": "execution", "status": "500"])

    @Test func substitutesLabels() {
        #expect(LegendFormat.render("{{job}} {{ status }}", labels: Self.labels) == "execution 500")
        #expect(LegendFormat.render("{{job}} p95", labels: Self.labels) == "execution p95")
        #expect(LegendFormat.render("{{}} {{job", labels: Self.labels) == "{{}} {{job")
    }

    @Test func aMissingLabelBecomesNothingAsInGrafana() {
        #expect(LegendFormat.render("{{missing}}!", labels: Self.labels) == "!")
        #expect(LegendFormat.name(format: "{{missing}}-{{job}}", labels: Self.labels, expr: "x") == "-execution")
    }

    @Test func emptyOrAutoNamesTheSeries() {
        #expect(LegendFormat.name(format: "", labels: Self.labels, expr: "x") == #"http_requests_total{job="execution", status="500"}"#)
        #expect(LegendFormat.name(format: "__auto", labels: Self.labels, expr: "x") == #"http_requests_total{job="execution", status="500"}"#)
        #expect(LegendFormat.name(format: "__auto", labels: Labels(["job": "a\"b"]), expr: "x") == #"{job="a\"b"}"#)
        #expect(LegendFormat.name(format: "", labels: Labels(["job": "a"]), expr: "sum(x)") == #"{job="a"}"#)
        #expect(LegendFormat.name(format: "", labels: Labels(["__name__": "up"]), expr: "x") == "up")
    }

    @Test func aSeriesWithoutLabelsIsNamedByItsQuery() {
        #expect(LegendFormat.name(format: "", labels: Labels(), expr: "sum(rate(x[5m]))") == "sum(rate(x[5m]))")
        #expect(Labels().description == "{}")
    }
}
