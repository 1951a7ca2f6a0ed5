import Foundation
import PromModel
import PrometheusAPI
import Simulator
import Synchronization
import Testing
import TestSupport
@testable import App

/// Incremental refreshes against real engines: the embedded one of the demo and a real
/// Prometheus. After the window moves, only the tail is asked, and the merged answer equals a
/// full query of the new window.
@Suite struct IncrementalQueryEndToEndTests {
    /// Passes calls through and keeps the ranges asked.
    final class Recording: Datasource, @unchecked Sendable {
        let base: any Datasource
        let asked = Mutex<[QueryRange]>([])
        init(_ base: any Datasource) { self.base = base }
        func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse { try await base.query(expr, at: time) }
        func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse {
            asked.withLock { $0.append(range) }
            return try await base.queryRange(expr, range: range)
        }
        func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] {
            try await base.series(matching: selectors, start: start, end: end)
        }
        func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
            try await base.labelNames(matching: selectors, start: start, end: end)
        }
        func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
            try await base.labelValues(name, matching: selectors, start: start, end: end)
        }
        func alerts() async throws(QueryError) -> [Alert] { try await base.alerts() }
    }

    static let queries = [
        "sum by (job) (rate(http_requests_total[1m]))",
        "histogram_quantile(0.95, sum by (le, job) (rate(http_request_duration_seconds_bucket[1m])))",
        "service_health_status",
    ]

    /// Two refreshes `moved` apart through the cache, then the second window in full.
    static func compare(_ expr: String, through datasource: Recording, first: QueryRange, moved: Int64, overlapMs: Int64,
                        beforeSecond: () -> Void = {}) async throws {
        let cache = IncrementalQueryCache(options: IncrementalOptions(overlapMs: overlapMs))
        let key = QueryKey(expr: expr, step: first.step, instant: false)
        _ = try await cache.queryRange(key, range: first, signature: "now-20m", datasource: datasource)
        beforeSecond()
        let second = QueryRange(start: first.start + moved, end: first.end + moved, step: first.step)
        let merged = try await cache.queryRange(key, range: second, signature: "now-20m", datasource: datasource)
        let tail = try #require(datasource.asked.withLock { $0.last })
        #expect(tail == QueryRange(start: first.end - overlapMs, end: second.end, step: first.step), "\(expr)")
        let full = try await datasource.base.queryRange(expr, range: second)
        guard case .matrix(let mergedSeries) = merged.result, case .matrix(let fullSeries) = full.result else {
            Issue.record("not matrices: \(expr)")
            return
        }
        #expect(!fullSeries.isEmpty, "\(expr)")
        #expect(mergedSeries.count == fullSeries.count, "\(expr)")
        for (lhs, rhs) in zip(mergedSeries, fullSeries) {
            #expect(lhs.labels == rhs.labels, "\(expr)")
            #expect(lhs.samples.count == rhs.samples.count && zip(lhs.samples, rhs.samples).allSatisfy { $0.isIdentical(to: $1) },
                    "\(expr) \(lhs.labels): \(lhs.samples.count) merged points vs \(rhs.samples.count)")
        }
    }

    @Test func theDemoEngineEvaluatesOnlyTheTailAndTheMergeEqualsAFullQuery() async throws {
        let start: Timestamp = 1_767_268_800_000 // 2026-01-01T12:00:00Z
        let now = Mutex<Timestamp>(start)
        let platform = DemoPlatform(seed: 7, now: start, history: 30 * 60_000)
        let demo = Recording(LiveDemoDatasource(platform: platform, clock: { now.withLock { $0 } }))
        let first = QueryRange(start: start - 20 * 60_000, end: start, step: 15_000)
        for expr in Self.queries {
            try await Self.compare(expr, through: demo, first: first, moved: 5 * 60_000, overlapMs: 120_000) {
                now.withLock { $0 = start + 5 * 60_000 }
            }
            now.withLock { $0 = start }
        }
    }

    @Test(.tags(.prometheus, .promtool, .endToEnd)) func aRealPrometheusAnswersTheTailAndTheMergeEqualsAFullQuery() async throws {
        let directory = try TemporaryDirectory("incremental")
        defer { directory.remove() }
        // Half an hour of the simulated platform, backfilled: the data does not change between
        // the refreshes and the full query, so they must agree exactly.
        let end: Int64 = 1_767_268_800
        let blocks = try await simulationBlocks(start: String(end - 1800), duration: "30m", in: directory)
        let prometheus = try await PrometheusServer(dataDirectory: blocks)
        defer { prometheus.stop() }
        let client = PrometheusClient(settings: try DatasourceSettings.adHoc(url: prometheus.baseURL))
        let recording = Recording(client)
        let first = QueryRange(start: end * 1000 - 25 * 60_000, end: end * 1000 - 10 * 60_000, step: 15_000)
        for expr in Self.queries {
            try await Self.compare(expr, through: recording, first: first, moved: 6 * 60_000, overlapMs: 90_000)
        }
        await client.shutdown()
    }
}
