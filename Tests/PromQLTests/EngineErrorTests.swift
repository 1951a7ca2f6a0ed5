import PromModel
import Testing
@testable import PromQL

@Suite("Engine: errors and the embedded datasource")
struct EngineErrorTests {
    static func store() -> SeriesStore {
        let store = SeriesStore()
        for minute in 0..<10 {
            let t = Timestamp(minute) * 60_000
            store.append(Labels(name: "left", ["job": "a", "instance": "1"]), Sample(t, 1))
            store.append(Labels(name: "left", ["job": "a", "instance": "2"]), Sample(t, 2))
            store.append(Labels(name: "right", ["job": "a"]), Sample(t, 10))
        }
        return store
    }

    func message(_ query: String, engine: Engine = Engine(storage: store())) -> String? {
        do {
            _ = try engine.instantQuery(query, at: 300_000)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("vector matching errors read like Prometheus's")
    func matching() {
        #expect(message("right / on(job) left") == #"found duplicate series for the match group {job="a"} on the right hand-side of the operation: [{__name__="left", instance="2", job="a"}, {__name__="left", instance="1", job="a"}];many-to-many matching not allowed: matching labels must be unique on one side"#)
        #expect(message("left / on(job) group_right right") == #"found duplicate series for the match group {job="a"} on the left hand-side of the operation: [{__name__="left", instance="2", job="a"}, {__name__="left", instance="1", job="a"}];many-to-many matching not allowed: matching labels must be unique on one side"#)
        #expect(message("left * on(job) right") == "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
        // group_left(instance) copies `instance` from the "one" side, which lacks it.
        #expect(message("left * on(job) group_left(instance) right") == "multiple matches for labels: grouping labels must ensure unique matches")
        #expect(message("left * on(job) group_left right") == nil)
        #expect(message(#"label_replace(left, "instance", "x", "instance", ".*")"#) == "vector cannot contain metrics with the same labelset")
        #expect(message("-left") == nil)
        #expect(message("left - ignoring(instance) group_left right") == nil)
    }

    @Test("function argument errors")
    func functions() {
        #expect(message(#"label_replace(left, "1x", "y", "job", ".*")"#) == "invalid destination label name in label_replace(): 1x")
        #expect(message(#"label_replace(left, "x", "y", "job", "(")"#) == "invalid regular expression in label_replace(): (")
        #expect(message(#"label_join(left, "x", "-", "bad-name")"#) == "invalid source label name in label_join(): bad-name")
        #expect(message("double_exponential_smoothing(left[5m], 1, 0.5)") == "invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000")
        #expect(message("double_exponential_smoothing(left[5m], 0.5, 0)") == "invalid trend factor. Expected: 0 < tf < 1, got: 0.000000")
        #expect(message(#"count_values("a-b", left)"#) == #"invalid label name "a-b""#)
        #expect(message("topk(NaN, left)") == "Scalar value NaN overflows int64")
    }

    @Test("sample and resolution limits")
    func limits() {
        let tight = Engine(storage: Self.store(), maxSamples: 5)
        #expect(message("left[5m]", engine: tight) == "query processing would load too many samples into memory in query execution")
        #expect(message("left", engine: tight) == nil)
        #expect(throws: QueryError(.badData, "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")) {
            try Engine(storage: Self.store()).rangeQuery("left", range: QueryRange(start: 0, end: 11_001_000, step: 1000))
        }
        #expect(throws: QueryError(.badData, "end timestamp must not be before start time")) {
            try Engine(storage: Self.store()).rangeQuery("left", range: QueryRange(start: 10, end: 0, step: 1000))
        }
        #expect(throws: QueryError(.badData, "invalid expression type \"range vector\" for range query, must be Scalar or instant Vector")) {
            try Engine(storage: Self.store()).rangeQuery("left[5m]", range: QueryRange(start: 0, end: 60_000, step: 1000))
        }
    }

    @Test("parse errors carry the position")
    func parseErrors() {
        do {
            _ = try Engine(storage: Self.store()).instantQuery("sum(left", at: 0)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.kind == .badData)
            #expect(error.position != nil)
        }
    }

    @Test("EmbeddedDatasource answers series, label names and values from the index")
    func datasource() async throws {
        let source = EmbeddedDatasource(store: Self.store())
        let series = try await source.series(matching: [#"left{instance="2"}"#, "right"], start: 0, end: 600_000)
        #expect(series.map(\.description) == [#"left{instance="2", job="a"}"#, #"right{job="a"}"#])
        #expect(try await source.labelNames(matching: [], start: 0, end: 600_000) == ["__name__", "instance", "job"])
        #expect(try await source.labelNames(matching: ["right"], start: 0, end: 600_000) == ["__name__", "job"])
        #expect(try await source.labelValues("instance", matching: [], start: 0, end: 600_000) == ["1", "2"])
        #expect(try await source.labelValues("__name__", matching: [#"{job="a"}"#], start: 0, end: 600_000) == ["left", "right"])
        #expect(try await source.series(matching: ["left"], start: 700_000, end: 800_000).isEmpty)
        let response = try await source.queryRange("sum(left)", range: QueryRange(start: 0, end: 120_000, step: 60_000))
        #expect(response.result == .matrix([Series(labels: Labels(), samples: [Sample(0, 3), Sample(60_000, 3), Sample(120_000, 3)])]))
        #expect(try await source.alerts().isEmpty)
    }
}
