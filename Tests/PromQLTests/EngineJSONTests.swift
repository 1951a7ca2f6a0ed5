import PromModel
import Testing
@testable import PromQL

@Suite("Engine: Prometheus API JSON")
struct EngineJSONTests {
    @Test("values are formatted like Go's strconv.FormatFloat(v, 'f', -1, 64)", arguments: [
        (1.0, "1"), (0.1, "0.1"), (-2.5, "-2.5"), (1e21, "1000000000000000000000"), (1e-7, "0.0000001"),
        (123456789.125, "123456789.125"), (0.14333333333333334, "0.14333333333333334"), (Double.leastNonzeroMagnitude, "0." + String(repeating: "0", count: 323) + "5"),
        (Double.nan, "NaN"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (-0.0, "-0"), (1.7976931348623157e308, "17976931348623157" + String(repeating: "0", count: 292)),
    ])
    func values(_ value: Double, _ expected: String) {
        #expect(PrometheusJSON.formatValue(value) == expected)
    }

    @Test("Go's %v spelling for error messages", arguments: [
        (1e20, "1e+20"), (123456.0, "123456"), (1234567.0, "1.234567e+06"), (0.0001, "0.0001"), (0.00001, "1e-05"), (-2.5, "-2.5"),
    ])
    func goVerbV(_ value: Double, _ expected: String) {
        #expect(GoMath.formatGo(value) == expected)
    }

    @Test("timestamps are seconds with milliseconds only when non-zero")
    func timestamps() {
        #expect(PrometheusJSON.formatTimestamp(1_700_000_000_000) == "1700000000")
        #expect(PrometheusJSON.formatTimestamp(1_700_000_000_500) == "1700000000.500")
        #expect(PrometheusJSON.formatTimestamp(1_700_000_000_007) == "1700000000.007")
        #expect(PrometheusJSON.formatTimestamp(-1500) == "-1.500")
    }

    @Test("data objects match Prometheus's shapes")
    func shapes() {
        let labels = Labels(name: "up", ["job": "a<b>&\"c\""])
        #expect(PrometheusJSON.data(.vector([InstantSample(labels: labels, sample: Sample(1000, 1))]))
            == #"{"resultType":"vector","result":[{"metric":{"__name__":"up","job":"a\u003cb\u003e\u0026\"c\""},"value":[1,"1"]}]}"#)
        #expect(PrometheusJSON.data(.matrix([Series(labels: Labels(), samples: [Sample(0, .nan), Sample(15_000, 2.5)])]))
            == #"{"resultType":"matrix","result":[{"metric":{},"values":[[0,"NaN"],[15,"2.5"]]}]}"#)
        #expect(PrometheusJSON.data(.scalar(Sample(1500, -.infinity))) == #"{"resultType":"scalar","result":[1.5,"-Inf"]}"#)
        #expect(PrometheusJSON.data(.string("x", timestamp: 0)) == #"{"resultType":"string","result":[0,"x"]}"#)
        #expect(PrometheusJSON.data(.vector([])) == #"{"resultType":"vector","result":[]}"#)
        #expect(PrometheusJSON.error(QueryError(.badData, "1:5: parse error: x")) == #"{"status":"error","errorType":"bad_data","error":"1:5: parse error: x"}"#)
    }

    @Test("CLI time arguments")
    func timeArguments() throws {
        #expect(try TimeArgument.step("60s") == 60_000)
        #expect(try TimeArgument.step("1m30s") == 90_000)
        #expect(try TimeArgument.step("15") == 15_000)
        #expect(try TimeArgument.step("0.5") == 500)
        #expect(throws: TimeArgument.ParseError.self) { try TimeArgument.step("5m1h") }
        #expect(TimeArgument.format(1_700_000_000_000) == "2023-11-14T22:13:20Z")
        #expect(TimeArgument.format(951_782_400_123) == "2000-02-29T00:00:00.123Z")
    }
}
