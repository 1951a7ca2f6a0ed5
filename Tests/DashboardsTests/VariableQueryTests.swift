import PromModel
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
        #expect(VariableFilter.apply(regex: "/^(ai|exec).*/", to: ["ai-engine", "execution", "risk-safety", "ai-x"]) == ["ai", "exec"])
        #expect(VariableFilter.apply(regex: "/(?<value>[A-Z]+)USDT/i", to: ["BTCUSDT", "ethusdt", "SOL"]) == ["BTC", "eth"])
        #expect(VariableFilter.apply(regex: "/(?<text>[a-z]+)-\\d/", to: ["web-1", "db-2"]) == ["web", "db"])
        #expect(VariableFilter.apply(regex: nil, to: ["b", "a", "b"]) == ["b", "a"])
        // Without a group the whole value stays; with /g every match's group is an option.
        #expect(VariableFilter.apply(regex: "/^node/", to: ["node-a", "db"]) == ["node-a"])
        #expect(VariableFilter.apply(regex: "/job=\"([^\"]+)\"/g", to: [#"{job="a"} {job="b"}"#]) == ["a", "b"])
        // query_result options cut with a regex, as Grafana's docs show.
        #expect(VariableFilter.apply(regex: "/instance=\"([^\"]+)\"/", to: [#"up{instance="h:9100",job="node"} 1 1700000000000"#]) == ["h:9100"])
    }

    @Test func sortModesAreGrafanas() {
        let values = ["b10", "B2", "a1", "b9"]
        #expect(VariableFilter.sort(values, mode: 0) == values)
        #expect(VariableFilter.sort(values, mode: 1) == ["B2", "a1", "b10", "b9"])
        #expect(VariableFilter.sort(values, mode: 2) == ["b9", "b10", "a1", "B2"])
        #expect(VariableFilter.sort(values, mode: 3) == ["a1", "B2", "b9", "b10"])
        #expect(VariableFilter.sort(values, mode: 4) == ["b10", "b9", "B2", "a1"])
        #expect(VariableFilter.sort(values, mode: 5) == ["a1", "b10", "B2", "b9"])
        #expect(VariableFilter.sort(values, mode: 7) == ["a1", "B2", "b9", "b10"])
        #expect(VariableFilter.sort(values, mode: 8) == ["b10", "b9", "B2", "a1"])
        // No number sorts first (-1), ties keep their order.
        #expect(VariableFilter.sort(["x", "y3", "z"], mode: 3) == ["x", "z", "y3"])
    }

    @Test func choiceOnLoadIsGrafanas() {
        let single = Variable(name: "job", kind: .query)
        #expect(VariableSelection.onLoad(current: ["node"], options: ["api", "node"], variable: single) == ["node"])
        #expect(VariableSelection.onLoad(current: ["gone"], options: ["api", "node"], variable: single) == ["api"])
        #expect(VariableSelection.onLoad(current: [], options: [], variable: single) == [])
        let all = Variable(name: "job", kind: .query, multi: true, includeAll: true)
        #expect(VariableSelection.onLoad(current: ["gone"], options: ["api"], variable: all) == [Variable.allValueMarker])
        #expect(VariableSelection.onLoad(current: ["gone", "api"], options: ["api"], variable: all) == ["api"])
        #expect(VariableSelection.onLoad(current: [Variable.allValueMarker], options: [], variable: all) == [Variable.allValueMarker])
        // All with no options is the empty alternation, not ".*".
        var empty = all
        empty.current = [Variable.allValueMarker]
        #expect(TemplateInterpolator(variables: [empty]).interpolate(#"up{job=~"$job"}"#) == #"up{job=~"()"}"#)
    }

    @Test func queryResultOptionsAreGrafanasText() {
        let texts = VariableOptionsLoader.texts(of: .vector([
            InstantSample(labels: Labels(["__name__": "up", "job": "api"]), sample: Sample(1_700_000_000_000, 1)),
            InstantSample(labels: Labels(["job": "web"]), sample: Sample(1_700_000_000_000, 0.25)),
        ]))
        #expect(texts == [#"up{job="api"} 1 1700000000000"#, #"{job="web"} 0.25 1700000000000"#])
        #expect(VariableOptionsLoader.filter(["up", "http_requests_total", "process_up"], regex: "^.*up$") == ["up", "process_up"])
    }
}
