import Dashboards
import Foundation
import PromModel
import Render
import Synchronization
import Terminal
import Testing
@testable import App

/// A datasource test double: answers from a table, optionally slowly, and records calls.
final class TableDatasource: Datasource {
    let answers: [String: Double]
    let delay: Duration
    private let log = Mutex<[String]>([])

    init(_ answers: [String: Double], delay: Duration = .zero) {
        self.answers = answers
        self.delay = delay
    }

    var calls: [String] { log.withLock { $0 } }

    private func answer(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse {
        log.withLock { $0.append(expr) }
        if delay > .zero {
            do { try await Task.sleep(for: delay) } catch { throw QueryError(.canceled, "cancelled") }
        }
        guard let value = answers[expr] else { throw QueryError(.badData, "unknown metric in \(expr)", summary: "bad data") }
        return QueryResponse(result: .matrix([Series(labels: Labels(), samples: [Sample(time, value)])]))
    }

    func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse { try await answer(expr, at: time) }
    func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse { try await answer(expr, at: range.end) }
    func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] { [] }
    func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] { [] }
    func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        ["execution", "risk"]
    }
    func alerts() async throws(QueryError) -> [Alert] { [] }
}

@Suite struct ViewerRunLoopTests {
    private func waitFor(_ screen: TextScreen, _ text: String) async -> Bool {
        for _ in 0..<200 {
            if screen.screen.text.contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    private func waitForLine(_ screen: TextScreen, _ matches: (String) -> Bool) async -> Bool {
        for _ in 0..<200 {
            if screen.screen.lines.contains(where: matches) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test func drawsAnswersAndQuitsCleanly() async {
        let screen = TextScreen(width: 100, height: 30)
        let datasource = TableDatasource(["sum(up)": 5, "sum(rate(errors_total[5m]))": 0.25, "sum(trades_executed_total)": 777])
        let state = Fixtures.state(width: 100, height: 30)
        let run = Task { await Viewer.run(backend: screen, datasource: datasource, state: state) }
        #expect(await waitFor(screen, "Service Health"))
        #expect(await waitFor(screen, "0.25"))
        // The requests panel's query is unknown to the double: its error shows.
        #expect(await waitFor(screen, "✗ bad data"))
        screen.send(.key(.char("2")))
        #expect(await waitFor(screen, "777"))
        screen.send(.key(.char("q")))
        #expect(await run.value == .quit)
        #expect(screen.isShutDown)
        // sum(up) is wanted by three panels of one width: asked once a refresh, not once per
        // panel, as often as the errors query only one panel wants (a slow, loaded run may see
        // the 5 s refresh come round before the keys).
        let errors = datasource.calls.filter { $0 == "sum(rate(errors_total[5m]))" }.count
        #expect(errors >= 1)
        #expect(datasource.calls.filter { $0 == "sum(up)" }.count == errors)
    }

    @Test func steadyFramesSendOnlyChanges() async {
        let screen = TextScreen(width: 100, height: 30)
        let datasource = TableDatasource(["sum(trades_executed_total)": 1])
        let run = Task { await Viewer.run(backend: screen, datasource: datasource, state: Fixtures.state([Fixtures.trading], width: 100, height: 30)) }
        #expect(await waitForLine(screen) { $0.hasPrefix("║") && $0.split(separator: " ").contains("1") })
        let full = screen.counters
        screen.resetCounters()
        // Pausing changes the header and the status line only.
        screen.send(.key(.char("p")))
        #expect(await waitFor(screen, "PAUSED"))
        let steady = screen.counters
        #expect(steady.cells > 0)
        #expect(steady.bytes * 5 < full.bytes)
        screen.send(.terminate(signal: 15))
        #expect(await run.value == .quit)
    }

    @Test func resizeRedrawsInFullAndTerminalCloseEnds() async {
        let screen = TextScreen(width: 100, height: 30)
        let datasource = TableDatasource(["sum(trades_executed_total)": 1])
        let run = Task { await Viewer.run(backend: screen, datasource: datasource, state: Fixtures.state([Fixtures.trading], width: 100, height: 30)) }
        #expect(await waitFor(screen, "Trading"))
        screen.resize(width: 60, height: 20)
        var resized = false
        for _ in 0..<200 where !resized {
            resized = screen.screen.width == 60 && screen.screen.lines[0].contains("Trading")
            try? await Task.sleep(for: .milliseconds(10))
        }
        #expect(resized)
        #expect(screen.counters.fullRedraws >= 2)
        screen.shutdown()
        #expect(await run.value == .terminalClosed)
    }

    @Test func inFlightQueriesAreCancelledOnSwitch() async {
        let screen = TextScreen(width: 100, height: 30)
        let datasource = TableDatasource(["sum(up)": 1, "sum(trades_executed_total)": 2], delay: .seconds(30))
        let run = Task { await Viewer.run(backend: screen, datasource: datasource, state: Fixtures.state(width: 100, height: 30)) }
        #expect(await waitFor(screen, "Loading"))
        let started = ContinuousClock.now
        screen.send(.key(.char("q")))
        #expect(await run.value == .quit)
        // Quitting did not wait for the 30 s queries (the bound leaves room for a CI machine
        // whose few cooperative threads are busy with other tests).
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
