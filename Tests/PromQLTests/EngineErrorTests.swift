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

    static func engine(_ version: PromQLVersion) -> Engine {
        var engine = Engine(storage: store())
        engine.promQLVersion = version
        return engine
    }

    @Test("function argument errors")
    func functions() {
        let v2 = Self.engine(.v2)
        #expect(message(#"label_replace(left, "1x", "y", "job", ".*")"#, engine: v2) == "invalid destination label name in label_replace(): 1x")
        #expect(message(#"label_replace(left, "x", "y", "job", "(")"#) == "invalid regular expression in label_replace(): (")
        #expect(message(#"label_join(left, "x", "-", "bad-name")"#, engine: v2) == "invalid source label name in label_join(): bad-name")
        #expect(message("double_exponential_smoothing(left[5m], 1, 0.5)") == "invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000")
        #expect(message("double_exponential_smoothing(left[5m], 0.5, 0)") == "invalid trend factor. Expected: 0 < tf < 1, got: 0.000000")
        #expect(message(#"count_values("a-b", left)"#, engine: v2) == #"invalid label name "a-b""#)
        #expect(message("topk(NaN, left)", engine: v2) == "Scalar value NaN overflows int64")
        // 3.x: the aggregation's own message (engine.go rangeEvalAgg).
        #expect(message("topk(NaN, left)") == "Parameter value is NaN")
    }

    @Test("3.x takes UTF-8 label names in label_replace, label_join and count_values; 2.42 does not")
    func utf8LabelNames() throws {
        let v3 = Self.engine(.v3)
        let replaced = try v3.instantQuery(#"label_replace(right, "service.name", "$1", "job", "(.*)")"#, at: 300_000)
        #expect(replaced.result.series.map(\.labels) == [Labels(name: "right", ["job": "a", "service.name": "a"])])
        let joined = try v3.instantQuery(#"label_join(right, "1x", "-", "job", "job")"#, at: 300_000)
        #expect(joined.result.series.map(\.labels) == [Labels(name: "right", ["job": "a", "1x": "a-a"])])
        let counted = try v3.instantQuery(#"count_values("value.of", left)"#, at: 300_000)
        #expect(counted.result.series.map(\.labels) == [Labels(["value.of": "1"]), Labels(["value.of": "2"])])
        #expect(message(#"label_replace(right, "", "$1", "job", "(.*)")"#, engine: v3) == "invalid destination label name in label_replace(): ")
    }

    @Test("3.x's `.` matches a newline in matchers and label_replace; 2.42's does not")
    func dotMatchesNewline() throws {
        let store = SeriesStore()
        store.append(Labels(name: "m", ["text": "a\nb"]), Sample(0, 1))
        var engine = Engine(storage: store)
        for (version, expected) in [(PromQLVersion.v3, 1), (.v2, 0)] {
            engine.promQLVersion = version
            for query in [#"m{text=~"a.b"}"#, #"m{text=~".*"}"#, #"m{text=~"a.*"}"#, #"m{text=~".+"}"#] {
                #expect(try engine.instantQuery(query, at: 0).result.series.count == expected, "\(query) in \(version)")
            }
            let replaced = try engine.instantQuery(#"label_replace(m, "first", "$1", "text", "(.*)b")"#, at: 0)
            #expect(replaced.result.series.first?.labels["first"] == (version == .v3 ? "a\n" : nil))
        }
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
