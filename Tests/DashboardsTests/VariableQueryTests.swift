import Testing
@testable import Dashboards

@Suite struct VariableQueryTests {
    @Test(arguments: [
        ("label_values(http_requests_total, job)", VariableQuery.labelValues(selector: "http_requests_total", label: "job")),
        ("label_values(up{a=\"x,y\", b=~\"(c|d)\"}, instance)", .labelValues(selector: "up{a=\"x,y\", b=~\"(c|d)\"}", label: "instance")),
        (" label_values(job) ", .labelValues(selector: nil, label: "job")),
        ("label_names()", .labelNames(selector: nil)),
        ("metrics(^http_.*)", .metrics(regex: "^http_.*")),
        ("query_result(topk(3, up))", .queryResult(expr: "topk(3, up)")),
        ("sum by (job) (up)", .expression("sum by (job) (up)")),
    ])
    func parses(text: String, expected: VariableQuery) {
        #expect(VariableQuery(text) == expected)
    }

    @Test func regexFiltersAndCaptures() {
        var variable = Variable(name: "v", kind: .query, regex: "/^(ai|exec).*/")
        #expect(variable.filterOptions(["ai-engine", "execution", "risk-safety", "ai-x"]) == ["ai", "exec"])
        variable.regex = "/(?<value>[A-Z]+)USDT/i"
        #expect(variable.filterOptions(["BTCUSDT", "ethusdt", "SOL"]) == ["BTC", "eth"])
        variable.regex = nil
        #expect(variable.filterOptions(["b", "a", "b"]) == ["b", "a"])
    }
}
