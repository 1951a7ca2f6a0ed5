import PromModel
import Testing
@testable import PromQL

/// Range queries whose range functions are computed series by series (RangeCallColumns)
/// against the same engine evaluating every step on its own: the same samples bit for bit,
/// the same warnings in the same order, the same errors.
@Suite("Engine: series-wise range functions")
struct EngineSeriesWiseTests {
    /// Counters with a reset, a gauge with a gap and a staleness marker, a series that starts
    /// late, a classic histogram, two metrics whose rates share their labels, and a name that is not a counter's.
    static func store() -> SeriesStore {
        let store = SeriesStore()
        var pairs: [(Labels, Sample)] = []
        for i in 0..<240 {
            let t = Timestamp(i) * 15_000
            pairs.append((Labels(name: "req_total", ["job": "a"]), Sample(t, Double(i * 3 % 200))))
            pairs.append((Labels(name: "req_total", ["job": "b"]), Sample(t + 7_000, Double(i) * 1.5)))
            if i > 100 { pairs.append((Labels(name: "late_total", ["job": "a"]), Sample(t, Double(i)))) }
            if i % 40 < 30 { pairs.append((Labels(name: "level", ["job": "a"]), Sample(t, Double(i % 17) - 4))) }
            if i == 150 { pairs.append((Labels(name: "level", ["job": "b"]), Sample.staleMarker(at: t))) }
            else if i < 200 { pairs.append((Labels(name: "level", ["job": "b"]), Sample(t, Double(i).squareRoot()))) }
            for (index, le) in ["0.1", "1", "+Inf"].enumerated() {
                pairs.append((Labels(name: "lat_bucket", ["job": "a", "le": le]), Sample(t, Double(i * (index + 1)))))
            }
            if i > 180 { pairs.append((Labels(name: "other_total", ["job": "a"]), Sample(t, Double(i) * 2))) }
        }
        _ = store.append(contentsOf: pairs)
        return store
    }

    static let expressions = [
        "rate(req_total[1m])", "increase(req_total[2m] offset 1m)", "delta(level[1m])", "irate(req_total[1m])",
        "idelta(level[45s])", "deriv(level[2m])", "predict_linear(level[2m], 60)", "changes(level[5m])",
        "resets(req_total[5m])", "avg_over_time(level[1m])", "sum_over_time(level[1m])", "min_over_time(level[1m])",
        "max_over_time(level[1m] offset -30s)", "count_over_time(level[30s])", "last_over_time(level[1m])",
        "first_over_time(level[1m])", "stddev_over_time(level[2m])", "quantile_over_time(0.9, level[2m])",
        "quantile_over_time(2, level[2m])", "double_exponential_smoothing(level[5m], 0.3, 0.5)",
        "double_exponential_smoothing(level[5m], 1.5, 0.5)", "rate(level[1m])", "absent_over_time(late_total[1m])",
        "sum by (job) (rate({__name__=~\".*_total\"}[1m]))", "rate({__name__=~\"req_total|other_total\"}[1m])",
        "histogram_quantile(0.5, sum by (le) (rate(lat_bucket[1m])))", "rate(req_total[1m]) / rate(late_total[1m] @ 2000)",
        "max_over_time(rate(req_total[1m])[5m:30s])", "rate(req_total[31s])", "rate(req_total[1m:15s])",
    ]

    static func rendered(_ engine: Engine, _ expr: String, _ range: QueryRange) -> String {
        do {
            let response = try engine.rangeQuery(expr, range: range)
            guard case .matrix(let series) = response.result else { return "not a matrix" }
            let samples = series.map { element in
                "\(element.labels) " + element.samples.map { "\($0.timestamp):\($0.value.bitPattern)" }.joined(separator: ",")
            }
            return (samples + response.warnings).joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    @Test(arguments: [PromQLVersion.v3, .v2], [Int64(15_000), 10_000, 60_000])
    func seriesWiseMatchesStepByStep(_ version: PromQLVersion, _ step: Int64) {
        var engine = Engine(storage: Self.store())
        engine.promQLVersion = version
        var stepwise = engine
        stepwise.seriesWiseRangeCalls = false
        let range = QueryRange(start: 30_000, end: 3_600_000, step: step)
        for expr in Self.expressions {
            let expected = Self.rendered(stepwise, expr, range)
            #expect(Self.rendered(engine, expr, range) == expected, "\(expr)")
            #expect(!expected.isEmpty, "\(expr) selects something")
        }
    }

    /// A range query's vector selectors walk forward from the last step (LookbackCursor):
    /// every step answers as an instant query at that time does, also where one selector is
    /// evaluated at times that go back (a subquery's own steps, @, offsets).
    @Test(arguments: [PromQLVersion.v3, .v2])
    func lookbackMatchesInstantQueries(_ version: PromQLVersion) throws {
        var engine = Engine(storage: Self.store())
        engine.promQLVersion = version
        let range = QueryRange(start: 0, end: 3_600_000, step: 40_000)
        for expr in ["level", "level offset 1m", "req_total @ 2000", "max_over_time(level[5m:1m]) - level",
                     "level - level offset 30s", "sum(req_total)", "timestamp(level)", "level and level @ 3000"] {
            guard case .matrix(let series) = try engine.rangeQuery(expr, range: range).result else {
                Issue.record("\(expr): not a matrix")
                continue
            }
            var ranged: [String: Double] = [:]
            for element in series { for sample in element.samples { ranged["\(element.labels)@\(sample.timestamp)"] = sample.value } }
            var instant: [String: Double] = [:]
            for t in stride(from: range.start, through: range.end, by: Int(range.step)) {
                guard case .vector(let vector) = try engine.instantQuery(expr, at: t).result else { continue }
                for sample in vector { instant["\(sample.labels)@\(t)"] = sample.sample.value }
            }
            #expect(ranged == instant, "\(expr)")
            #expect(!instant.isEmpty, "\(expr) selects something")
        }
    }

    /// The sample limit trips at the same queries: the columns count each step's windows.
    @Test(arguments: [200, 2_000, 6_000, 20_000])
    func sampleLimitTripsAlike(_ maxSamples: Int) {
        let engine = Engine(storage: Self.store(), maxSamples: maxSamples)
        var stepwise = engine
        stepwise.seriesWiseRangeCalls = false
        let range = QueryRange(start: 0, end: 3_600_000, step: 15_000)
        for expr in ["rate(req_total[5m])", "sum(count_over_time(level[10m]))", "rate(req_total[1m]) + rate(req_total[5m])"] {
            let expected = Self.rendered(stepwise, expr, range)
            #expect(Self.rendered(engine, expr, range) == expected, "\(expr) at \(maxSamples)")
            if maxSamples == 200 { #expect(expected.hasPrefix("error"), "\(expr) trips the limit") }
        }
    }
}
