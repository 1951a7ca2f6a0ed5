import PromQL
import Simulator
import PromModel
import Synchronization
import Testing

@Suite struct DemoPlatformTests {
    static let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000 + 7_000  // 2026-01-01 14:00:07 UTC

    @Test func fillsAnHourOfHistoryOnScrapeBoundaries() async throws {
        let platform = DemoPlatform(seed: 1, now: Self.now)
        let source = LiveDemoDatasource(platform: platform, clock: { Self.now })
        let response = try await source.query("count_over_time(process_start_time_seconds[1h])", at: Self.now)
        guard case .vector(let elements) = response.result else { Issue.record("expected a vector"); return }
        #expect(elements.map { $0.labels["job"] ?? "" }.sorted() == ["ai-engine", "execution", "monitoring-health", "portfolio-intelligence", "risk-safety"])
        // An hour back from 14:00:07 holds the boundaries 13:00:15 ... 14:00:00: 240 scrapes.
        for element in elements { #expect(element.sample.value == 240) }
    }

    /// The embedded store holds the buckets as Prometheus of its version scrapes them.
    @Test func storesBucketBoundsAs3xDoes() {
        let bounds = Set(DemoPlatform(seed: 1, now: Self.now, history: 60_000).store.labelValues("le"))
        #expect(bounds.contains("1.0") && !bounds.contains("1") && bounds.contains("+Inf"), "\(bounds.sorted())")
        let old = Set(DemoPlatform(seed: 1, now: Self.now, history: 60_000, promQLVersion: .v2).store.labelValues("le"))
        #expect(old.contains("1") && !old.contains("1.0"), "\(old.sorted())")
    }

    @Test func catchesUpWithTheClockAndAnswersRates() async throws {
        let clock = Mutex(Self.now)
        let platform = DemoPlatform(seed: 3, now: Self.now)
        let source = LiveDemoDatasource(platform: platform, clock: { clock.withLock { $0 } })
        clock.withLock { $0 += 60_000 }
        let later = Self.now + 60_000
        let response = try await source.query("sum(rate(http_requests_total[5m])) > 0", at: later)
        guard case .vector(let elements) = response.result else { Issue.record("expected a vector"); return }
        #expect(elements.count == 1)
        let newest = try await source.query("timestamp(process_start_time_seconds{job=\"execution\"})", at: later)
        guard case .vector(let stamps) = newest.result, let stamp = stamps.first else { Issue.record("no sample"); return }
        #expect(stamp.sample.value == Double(later - 7_000) / 1000)
    }
}
