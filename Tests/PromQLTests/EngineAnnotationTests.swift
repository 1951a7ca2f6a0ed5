import PromModel
import Testing
@testable import PromQL

/// 3.x's query annotations from the embedded engine (util/annotations/annotations.go and
/// the engine.go / functions.go sites that raise them, v3.14.0), in a response's warnings
/// as a server's arrive (infos as "info: …"); 2.42 semantics raise none.
@Suite("Engine: 3.x annotations")
struct EngineAnnotationTests {
    static func store() -> SeriesStore {
        let store = SeriesStore()
        for minute in 0...10 {
            let t = Timestamp(minute) * 60_000
            _ = store.append(Labels(name: "queue_depth", ["job": "a"]), Sample(t, Double(minute % 3)))
            _ = store.append(Labels(name: "requests_total", ["job": "a"]), Sample(t, Double(minute * 10)))
            for (le, count) in [("0.1", 5.0), ("1", 3.0), ("+Inf", 9.0), ("Hello World", 1.0)] {
                _ = store.append(Labels(name: "latency_bucket", ["job": "a", "le": le]), Sample(t, count * Double(minute + 1)))
            }
        }
        return store
    }

    static let t: Timestamp = 600_000

    func instant(_ expr: String, _ version: PromQLVersion = .v3) throws -> [String] {
        var engine = Engine(storage: Self.store())
        engine.promQLVersion = version
        return try engine.instantQuery(expr, at: Self.t).warnings
    }

    @Test func rateOfANameThatIsNotACountersIsAnInfo() throws {
        let info = "info: PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"queue_depth\""
        #expect(try instant("rate(queue_depth[5m])") == [info])
        #expect(try instant("sum(increase(queue_depth[5m]))") == [info])
        #expect(try instant("rate(requests_total[5m])").isEmpty)
        // irate and subqueries are not checked (engine.go looks at rate/increase of a selector).
        #expect(try instant("irate(queue_depth[5m])").isEmpty)
        #expect(try instant("rate(queue_depth[5m:1m])").isEmpty)
        #expect(try instant("rate(queue_depth[5m])", .v2).isEmpty)
    }

    @Test func quantilesOutsideZeroToOneWarn() throws {
        #expect(try instant("quantile(1.5, queue_depth)") == ["PromQL warning: quantile value should be between 0 and 1, got 1.5"])
        #expect(try instant("quantile_over_time(-1, queue_depth[5m])") == ["PromQL warning: quantile value should be between 0 and 1, got -1"])
        // Even over no series at all (histograms.test: histogram_quantile(NaN, non_existent)).
        #expect(try instant("histogram_quantile(NaN, nothing_bucket)") == ["PromQL warning: quantile value should be between 0 and 1, got NaN"])
        #expect(try instant("quantile(0.5, queue_depth)").isEmpty)
        #expect(try instant("quantile(1.5, queue_depth)", .v2).isEmpty)
    }

    @Test func classicHistogramsWarnOfBadLeAndInformOfFixedMonotonicity() throws {
        let warnings = try instant("histogram_quantile(0.5, latency_bucket)")
        #expect(warnings == [
            "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"Hello World\"",
            "info: PromQL info: input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)",
        ])
        #expect(try instant("histogram_fraction(0, 1, latency_bucket)") == [
            "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"Hello World\"",
        ])
        #expect(try instant("histogram_quantile(0.5, latency_bucket{le!=\"Hello World\", le!=\"1\"})").isEmpty)
    }

    @Test func sortingARangeQueryWarnsOnce() throws {
        let engine = Engine(storage: Self.store())
        let range = QueryRange(start: 0, end: Self.t, step: 60_000)
        #expect(try engine.rangeQuery("sum(sort(queue_depth))", range: range).warnings
            == ["PromQL warning: sort is ineffective for range queries since results are always ordered by labels"])
        #expect(try engine.instantQuery("sort(queue_depth)", at: Self.t).warnings.isEmpty)
    }

    @Test func theAPIWritesInfosApart() throws {
        let response = QueryResponse(result: .vector([]), warnings: ["PromQL warning: w", "info: PromQL info: i"])
        #expect(PrometheusJSON.response(response)
            == #"{"status":"success","data":{"resultType":"vector","result":[]},"warnings":["PromQL warning: w"],"infos":["PromQL info: i"]}"#)
    }
}
