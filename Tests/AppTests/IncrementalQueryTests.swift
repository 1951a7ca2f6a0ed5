import Foundation
import PromModel
import Synchronization
import Terminal
import Testing
@testable import App

/// The pure rules of incremental range queries (Grafana's QueryCache.ts): when a refresh may
/// ask only the tail, and how the tail merges into what was kept.
@Suite struct IncrementalQueryTests {
    private func entry(_ start: Timestamp, _ end: Timestamp, step: Int64 = 10, signature: String = "now-1h") -> IncrementalEntry {
        IncrementalEntry(signature: signature, range: QueryRange(start: start, end: end, step: step), series: [])
    }

    @Test func aMovedWindowAsksTheTailFromTheOverlapFlooredOntoTheGrid() {
        let tail = IncrementalQuery.tail(of: entry(0, 1000), for: QueryRange(start: 200, end: 1200, step: 10), signature: "now-1h", overlapMs: 95)
        // prevTo 1000 - 95 = 905, floored to the grid from 200: 900.
        #expect(tail == QueryRange(start: 900, end: 1200, step: 10))
    }

    @Test func theOverlapNeverReachesBeforeTheWindow() {
        let tail = IncrementalQuery.tail(of: entry(0, 1000), for: QueryRange(start: 800, end: 1800, step: 10), signature: "now-1h", overlapMs: 600)
        #expect(tail == QueryRange(start: 800, end: 1800, step: 10))
    }

    @Test func theSameRangeAsksOnlyItsOverlap() {
        let tail = IncrementalQuery.tail(of: entry(0, 1000), for: QueryRange(start: 0, end: 1000, step: 10), signature: "now-1h", overlapMs: 100)
        #expect(tail == QueryRange(start: 900, end: 1000, step: 10))
    }

    @Test func everythingElseIsAFullQuery() {
        let range = QueryRange(start: 200, end: 1200, step: 10)
        let kept = entry(0, 1000)
        #expect(IncrementalQuery.tail(of: nil, for: range, signature: "now-1h", overlapMs: 100) == nil)
        // Another window (a time-range change).
        #expect(IncrementalQuery.tail(of: kept, for: range, signature: "now-6h", overlapMs: 100) == nil)
        // Another step, or the grid shifted by part of a step: a full query evaluates elsewhere.
        #expect(IncrementalQuery.tail(of: entry(0, 1000, step: 20), for: range, signature: "now-1h", overlapMs: 100) == nil)
        #expect(IncrementalQuery.tail(of: kept, for: QueryRange(start: 205, end: 1205, step: 10), signature: "now-1h", overlapMs: 100) == nil)
        // A gap after the last answer, a window that went back, or one that starts earlier.
        #expect(IncrementalQuery.tail(of: kept, for: QueryRange(start: 1100, end: 2100, step: 10), signature: "now-1h", overlapMs: 100) == nil)
        #expect(IncrementalQuery.tail(of: kept, for: QueryRange(start: 0, end: 900, step: 10), signature: "now-1h", overlapMs: 100) == nil)
        #expect(IncrementalQuery.tail(of: entry(100, 1000), for: QueryRange(start: 50, end: 1050, step: 10), signature: "now-1h", overlapMs: 100) == nil)
    }

    private func series(_ name: String, _ points: [(Timestamp, Double)]) -> Series {
        Series(labels: Labels(["__name__": "x", "job": name]), samples: points.map { Sample($0.0, $0.1) })
    }

    @Test func theTailReplacesTheOverlapAndWhatLeftTheWindowIsDropped() {
        let kept = [
            series("a", [(0, 1), (10, 2), (20, 3), (30, 4)]),
            series("b", [(0, 5), (10, 6)]),
            series("gone", [(0, 9)]),
        ]
        let tail = [
            series("a", [(20, 30), (30, 40), (40, 50)]),
            series("new", [(40, 7)]),
        ]
        let merged = IncrementalQuery.merge(kept: kept, tail: tail, tailStart: 20, range: QueryRange(start: 10, end: 40, step: 10))
        #expect(merged == [
            series("a", [(10, 2), (20, 30), (30, 40), (40, 50)]),
            series("b", [(10, 6)]),
            series("new", [(40, 7)]),
        ])
    }

    @Test func seriesKeepTheLabelOrderOfAFullQuery() {
        let kept = [series("b", [(0, 1)]), series("d", [(0, 1)])]
        let tail = [series("a", [(10, 1)]), series("c", [(10, 1)]), series("d", [(10, 2)])]
        let merged = IncrementalQuery.merge(kept: kept, tail: tail, tailStart: 10, range: QueryRange(start: 0, end: 10, step: 10))
        #expect(merged.map { $0.labels["job"] } == ["a", "b", "c", "d"])
        #expect(merged.last?.samples == [Sample(0, 1), Sample(10, 2)])
    }

    @Test func onlyWindowsEndingNowWithoutRangeVariablesAreIncremental() {
        let reducer = ViewerReducer()
        var state = AppState(dashboards: [], window: .relative(span: 3_600_000, offset: 0), size: TerminalSize(width: 80, height: 24))
        let query = ViewerQuery(key: QueryKey(expr: "up", step: 15_000, instant: false), range: QueryRange(start: 0, end: 1, step: 15_000),
                                consumers: [PanelTarget(panelID: 1, refID: "A")])
        #expect(reducer.incrementalSignature(state, query: query) { _ in "rate(up[5m])" } != nil)
        #expect(reducer.incrementalSignature(state, query: query) { _ in "increase(up[$__range])" } == nil)
        #expect(reducer.incrementalSignature(state, query: query) { _ in "x * ${__range_s}" } == nil)
        var instant = query
        instant.key.instant = true
        #expect(reducer.incrementalSignature(state, query: instant) { _ in "up" } == nil)
        state.window = .relative(span: 3_600_000, offset: 600_000)
        #expect(reducer.incrementalSignature(state, query: query) { _ in "up" } == nil)
        state.window = .absolute(start: 0, end: 3_600_000)
        #expect(reducer.incrementalSignature(state, query: query) { _ in "up" } == nil)
    }

    /// Answers every range query with one point per step of the asked range, and keeps the
    /// ranges asked.
    final class Recorder: Datasource, Sendable {
        let asked = Mutex<[QueryRange]>([])
        func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse { QueryResponse(result: .vector([])) }
        func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse {
            asked.withLock { $0.append(range) }
            let points = stride(from: range.start, through: range.end, by: Int(range.step)).map { Sample($0, Double($0 / 1000)) }
            return QueryResponse(result: .matrix([Series(labels: Labels(name: "m"), samples: points)]))
        }
        func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] { [] }
        func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] { [] }
        func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] { [] }
        func alerts() async throws(QueryError) -> [Alert] { [] }
    }

    /// Half-screen graphs at 120 columns get a 1 m step over the hour, four scrape intervals:
    /// every refresh of the 5 s dashboard moves `now` by part of a step. On the step's grid the
    /// plan's start moves by whole steps only, so each refresh asks the overlap and the tail,
    /// never the hour again, and the merged series is the one a full query gives.
    @Test func refreshesOfACoarseStepAskOnlyTheTail() async throws {
        var harness = Harness()
        harness.now = Fixtures.t0 + 7_777
        let cache = IncrementalQueryCache(options: IncrementalOptions(overlapMs: 120_000))
        let server = Recorder()
        var coarse = 0
        for refresh in 0..<16 {
            let effects = refresh == 0 ? harness.start() : harness.send(.tick)
            let jobs = effects.jobs.filter { !$0.key.instant }
            #expect(!jobs.isEmpty)
            for job in jobs {
                #expect(job.range.start % job.range.step == 0 && job.range.end % job.range.step == 0)
                let before = server.asked.withLock { $0.count }
                let answer = try await cache.queryRange(job.key, range: job.range, signature: job.incremental, datasource: server)
                let asked = try #require(server.asked.withLock { $0.count == before + 1 ? $0.last : nil })
                if refresh == 0 {
                    #expect(asked == job.range)
                } else {
                    // Only the 2 m overlap and what is new: a few points, not the hour's 60.
                    #expect(asked.start >= job.range.end - 120_000 - job.range.step, "refresh \(refresh): \(asked) for \(job.range)")
                    #expect(asked.end == job.range.end)
                }
                if job.range.step > 15_000 { coarse += 1 }
                let full = try await server.queryRange(job.key.expr, range: job.range)
                #expect(answer.result == full.result)
            }
            harness.answerAll(with: Fixtures.matrix([1]))
            harness.now += 5_000
        }
        #expect(coarse > 16)
    }
}
