import Simulator
import PromModel
import Testing

/// The demo's store holds floats only: functions that read nothing but native histograms
/// are an error naming the function and its position, not an empty answer.
@Suite struct NativeHistogramGuardTests {
    static let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000

    @Test(arguments: [
        ("histogram_count(rate(trade_latency_seconds[5m]))", "histogram_count", 0),
        ("sum(histogram_sum(x)) / 2", "histogram_sum", 4),
        ("1 + avg_over_time(histogram_avg(x)[5m:])", "histogram_avg", 18),
        ("-histogram_stddev(x)", "histogram_stddev", 1),
        ("topk(2, histogram_stdvar(x))", "histogram_stdvar", 8),
    ])
    func nativeOnlyFunctionsAreClearErrors(expr: String, function: String, position: Int) async throws {
        let source = LiveDemoDatasource(platform: DemoPlatform(seed: 1, now: Self.now, history: 60_000), clock: { Self.now })
        for range in [false, true] {
            do {
                if range {
                    _ = try await source.queryRange(expr, range: QueryRange(start: Self.now - 60_000, end: Self.now, step: 15_000))
                } else {
                    _ = try await source.query(expr, at: Self.now)
                }
                Issue.record("\(expr) answered")
            } catch {
                #expect(error.message.hasPrefix("\(function)() reads native histograms only"))
                #expect(error.summary == "needs native histograms")
                #expect(error.position == position)
            }
        }
    }

    @Test func classicHistogramQuantileAndFractionStillAnswer() async throws {
        let source = LiveDemoDatasource(platform: DemoPlatform(seed: 1, now: Self.now, history: 600_000), clock: { Self.now })
        let quantile = try await source.query("histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))", at: Self.now)
        guard case .vector(let elements) = quantile.result else { Issue.record("not a vector"); return }
        #expect(elements.count == 1 && elements[0].sample.value.isFinite)
    }
}
