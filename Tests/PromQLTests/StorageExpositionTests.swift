import PromModel
import Testing
@testable import PromQL

@Suite("Storage: exposition formats")
struct StorageExpositionTests {
    @Test("Prometheus text: labels, escapes, millisecond timestamps, defaults, histograms")
    func prometheusText() throws {
        let text = """
            # HELP http_requests_total Requests.
            # TYPE http_requests_total counter
            http_requests_total{method="GET",path="/a\\"b\\\\c\\nd"} 10 1700000000000
            http_requests_total{method="POST",} 3.5e2
            latency_bucket{le="0.1"} 1
            latency_bucket{le="+Inf"} 4
            latency_sum 1.5
            latency_count 4
            weird NaN
            neg -Inf

            """
        let samples = try ExpositionParser(format: .prometheusText, defaultTimestamp: 42).parse(text)
        #expect(samples.count == 8)
        #expect(samples[0].0["path"] == "/a\"b\\c\nd")
        #expect(samples[0].1 == Sample(1_700_000_000_000, 10))
        #expect(samples[1].1 == Sample(42, 350))
        #expect(samples[3].0["le"] == "+Inf")
        #expect(samples[6].1.value.isNaN && !samples[6].1.isStaleMarker)
        #expect(samples[7].1.value == -.infinity)
    }

    @Test("OpenMetrics: seconds with fractions, _created skipped, exemplars, # EOF")
    func openMetrics() throws {
        let text = """
            # TYPE jobs counter
            jobs_total{a="1"} 3 1700000000.5
            jobs_created{a="1"} 1699990000 1700000000.5
            jobs_total{a="1"} 4 1700000015.25 # {trace_id="x"} 1 1700000015
            # TYPE temp gauge
            temp 21.5 1700000000
            # EOF

            """
        #expect(ExpositionFormat.detect(text) == .openMetrics)
        let store = SeriesStore()
        #expect(try store.ingest(text, defaultTimestamp: 0) == 3)
        let all = store.select([try LabelMatcher(.regexMatch, "__name__", ".+")])
        #expect(all.map { $0.labels.name ?? "" } == ["jobs_total", "temp"])
        #expect(all[0].samples == [Sample(1_700_000_000_500, 3), Sample(1_700_000_015_250, 4)])
    }

    @Test("errors name the line and column", arguments: [
        ("up{job=\"a\" 1\n", ExpositionFormat.prometheusText, 1, 12, "expected ',' or '}' after label value"),
        ("ok 1\nup{job=a} 1\n", .prometheusText, 2, 8, "expected '\"' to start a label value"),
        ("ok 1\nok2 abc\n", .prometheusText, 2, 5, "invalid value \"abc\""),
        ("up 1 12.5\n", .prometheusText, 1, 6, "timestamp must be an integer number of milliseconds"),
        ("up{a=\"1\",a=\"2\"} 1\n", .prometheusText, 1, 10, "duplicate label name a"),
        ("up 1\n", .openMetrics, 1, 1, "data does not end with # EOF"),
        ("up 1\n# EOF\nup 2\n", .openMetrics, 3, 1, "unexpected data after # EOF"),
        ("{a=\"b\"} 1\n", .prometheusText, 1, 1, "expected metric name"),
    ])
    func errors(_ input: String, _ format: ExpositionFormat, _ line: Int, _ column: Int, _ message: String) {
        #expect(throws: ExpositionError(line: line, column: column, message: message)) {
            try ExpositionParser(format: format, defaultTimestamp: 0).parse(input)
        }
    }
}
