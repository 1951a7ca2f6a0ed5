import Testing
@testable import Dashboards

@Suite struct LegendFormatTests {
    static let labels = ["__name__": "http_requests_total", "job": "execution", "status": "500"]

    @Test func substitutesLabels() {
        #expect(LegendFormat.render("{{job}} {{ status }}", labels: Self.labels) == "execution 500")
        #expect(LegendFormat.render("{{job}} p95", labels: Self.labels) == "execution p95")
        #expect(LegendFormat.render("{{missing}}!", labels: Self.labels) == "missing!")
        #expect(LegendFormat.render("{{}} {{job", labels: Self.labels) == "{{}} {{job")
    }

    @Test func emptyOrAutoNamesTheSeries() {
        #expect(LegendFormat.render("", labels: Self.labels) == #"http_requests_total{job="execution", status="500"}"#)
        #expect(LegendFormat.render("__auto", labels: ["job": "a\"b"]) == #"{job="a\"b"}"#)
        #expect(LegendFormat.render("", labels: ["__name__": "up"]) == "up")
        #expect(LegendFormat.render("", labels: [:]) == "{}")
    }
}
