import Testing
import PromModel

@Suite struct LabelsTests {
    @Test func sortsDeduplicatesAndDropsEmptyValues() {
        let labels = Labels([Label("b", "2"), Label("a", "1"), Label("b", "3"), Label("c", "")])
        #expect(labels.pairs == [Label("a", "1"), Label("b", "3")])
    }

    @Test func printsLikePrometheus() {
        let labels = Labels(name: "http_requests_total", ["job": "execution", "path": "a\"b\\c\n"])
        #expect(labels.description == #"http_requests_total{job="execution", path="a\"b\\c\n"}"#)
        #expect(Labels(name: "up").description == "up")
        #expect(Labels(["job": "x"]).description == #"{job="x"}"#)
    }

    @Test func setKeepsOrderAndEmptyRemoves() {
        var labels = Labels(["a": "1", "c": "3"])
        labels.set("b", "2")
        #expect(labels.pairs.map(\.name) == ["a", "b", "c"])
        labels.set("a", "")
        #expect(labels.pairs.map(\.name) == ["b", "c"])
        #expect(labels.keeping(["c"]).description == #"{c="3"}"#)
    }

    @Test func rangeTimestampsIncludeEnd() {
        #expect(Array(QueryRange(start: 0, end: 30_000, step: 15_000).timestamps) == [0, 15_000, 30_000])
    }
}
