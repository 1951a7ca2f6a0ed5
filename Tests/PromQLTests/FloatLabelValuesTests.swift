import PromModel
import Testing
@testable import PromQL

/// 3.x stores classic histogram `le` and summary `quantile` values as OpenMetrics floats.
@Suite("le/quantile normalisation on ingestion")
struct FloatLabelValuesTests {
    @Test(
        "FormatOpenMetricsFloat of the written value",
        arguments: [
            ("1", "1.0"), ("0", "0.0"), ("-1", "-1.0"), ("0.005", "0.005"), ("10", "10.0"), ("2.5", "2.5"),
            ("+Inf", "+Inf"), ("inf", "+Inf"), ("-Inf", "-Inf"), ("NaN", "NaN"), ("1e3", "1000.0"),
            ("1e-3", "0.001"), ("1000000", "1e+06"), ("0.00001", "1e-05"), ("1.0", "1.0"), ("abc", "abc"), ("", ""),
        ])
    func normalized(written: String, stored: String) {
        #expect(FloatLabelValues.normalized(written) == stored)
    }

    static let text = """
        # TYPE h histogram
        h_bucket{le="1"} 2 1000
        h_bucket{le="+Inf"} 3 1000
        h_count 3 1000
        # TYPE s summary
        s{quantile="0.5"} 1 1000
        s{quantile="1"} 2 1000
        # TYPE g gauge
        g{le="1"} 5 1000

        """

    @Test("3.x by default; the text as written for 2.42")
    func ingestion() throws {
        let store = SeriesStore()
        try store.ingest(Self.text, defaultTimestamp: 0)
        #expect(store.labelValues("le") == ["+Inf", "1", "1.0"])  // the gauge keeps its le="1"
        #expect(store.labelValues("quantile") == ["0.5", "1.0"])
        let old = SeriesStore()
        try old.ingest(Self.text, defaultTimestamp: 0, normalizesFloatLabels: false)
        #expect(old.labelValues("le") == ["+Inf", "1"])
        #expect(old.labelValues("quantile") == ["0.5", "1"])
    }

    @Test("without a TYPE: a _bucket series' le and any quantile (the simulator's series)")
    func untyped() {
        var values = FloatLabelValues()
        #expect(values.normalizing(Labels(name: "x_bucket", ["le": "5"]))["le"] == "5.0")
        #expect(values.normalizing(Labels(name: "x", ["le": "5"]))["le"] == "5")
        #expect(values.normalizing(Labels(name: "x", ["quantile": "1"]))["quantile"] == "1.0")
    }
}
