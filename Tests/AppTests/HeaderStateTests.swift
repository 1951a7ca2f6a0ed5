import Dashboards
import PromModel
import Render
import Terminal
import Testing
@testable import App

/// The header's datasource health, update time, next refresh and `T`, as the reducer keeps them.
@Suite struct HeaderStateTests {
    static let refused = QueryError(.connection, "cannot connect to 127.0.0.1:9: connection refused", summary: "connection refused")

    func started(width: Int = 120) -> Harness {
        var state = Fixtures.state(width: width)
        state.header = HeaderState(datasources: [DatasourceHealth(name: "prod", url: "http://127.0.0.1:9")])
        var harness = Harness(state)
        harness.send(.start)
        return harness
    }

    func headerLine(_ harness: Harness) -> String {
        FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).lines[0]
    }

    mutating func failAll(_ harness: inout Harness, _ error: QueryError) {
        for id in harness.state.inFlight.keys.sorted() { harness.send(.queryFailed(id, error, duration: 3)) }
    }

    @Test mutating func anOutageStartsAtItsFirstFailureAndEndsAtTheNextAnswer() {
        var harness = started()
        #expect(harness.state.header.datasources[0].state == .unknown)
        harness.answerAll()
        #expect(harness.state.header.datasources[0].state == .up)
        #expect(harness.state.header.lastAnswerAt == Fixtures.t0)
        harness.now += 5_000
        harness.send(.tick)
        failAll(&harness, Self.refused)
        let outageStart = harness.now
        harness.now += 5_000
        harness.send(.tick)
        failAll(&harness, Self.refused)
        let down = harness.state.header.datasources[0]
        #expect(down.state == .unreachable && down.since == outageStart && down.error == "connection refused")
        // The last update stays the last answer's time.
        #expect(harness.state.header.lastAnswerAt == Fixtures.t0)
        #expect(headerLine(harness).hasPrefix(" [1/2] Service Health  ✗ prod unreachable since 22:13:25: connection refused"))
        harness.now += 5_000
        harness.send(.tick)
        harness.answerAll()
        #expect(harness.state.header.datasources[0].state == .up)
        #expect(!headerLine(harness).contains("unreachable"))
    }

    @Test mutating func anErrorTheServerSentMeansItIsReachable() {
        var harness = started()
        failAll(&harness, QueryError(.badData, "parse error", summary: "bad data"))
        #expect(harness.state.header.datasources[0].state == .up)
        harness.send(.tick)
        failAll(&harness, QueryError(.canceled, "request canceled"))
        #expect(harness.state.header.datasources[0].state == .up)
    }

    @Test func capitalTTogglesAbsoluteTimes() {
        var harness = started()
        harness.answerAll()
        #expect(headerLine(harness).contains("Last 1h ⟳ 5s"))
        #expect(harness.press(.char("T")) == [.redraw])
        #expect(harness.state.header.absoluteTime)
        #expect(headerLine(harness).contains("2023-11-14 21:13:20 → 2023-11-14 22:13:20 ⟳ 5s"))
        harness.press(.char("T"))
        #expect(!harness.state.header.absoluteTime)
        #expect(KeyMap.help.contains { $0.keys == "T" })
    }

    @Test func theIdleViewerWakesOnlyForTheDueRefresh() {
        var harness = started()
        var wakeUps: [Timestamp] = []
        func note(_ effects: [Effect]) {
            for case .scheduleTick(let at) in effects { wakeUps.append(at) }
        }
        for id in harness.state.inFlight.keys.sorted() { note(harness.send(.queryResult(id, Fixtures.vector(1), duration: 12))) }
        // The header names the next refresh as a time of day: the same frame a second later
        // and four seconds later, so nothing needs to wake up to redraw it.
        harness.now = Fixtures.t0 + 1_000
        let early = headerLine(harness)
        #expect(early.contains("⟳ 5s next 22:13:25"))
        harness.now = Fixtures.t0 + 4_000
        #expect(headerLine(harness) == early)
        // Ten refresh intervals, each woken by the tick the last one scheduled: one wake-up
        // per interval, at the refresh's time, and none from the answers between.
        var due = Fixtures.t0 + 5_000
        for _ in 0..<10 {
            harness.now = due
            wakeUps = []
            let effects = harness.send(.tick)
            note(effects)
            #expect(!effects.jobs.isEmpty)
            for id in harness.state.inFlight.keys.sorted() { note(harness.send(.queryResult(id, Fixtures.vector(1), duration: 12))) }
            #expect(wakeUps == [due + 5_000])
            due += 5_000
        }
        // Paused: no wake-up at all until resumed.
        harness.press(.char("p"))
        harness.now = due
        #expect(!harness.send(.tick).contains { if case .scheduleTick = $0 { true } else { false } })
    }

    @Test func withoutDatasourcesTheHeaderAndTicksAreAsBefore() {
        var harness = Harness()
        let effects = harness.send(.start)
        #expect(effects.contains(.scheduleTick(at: Fixtures.t0 + 5_000)))
        #expect(!headerLine(harness).contains("upd"))
    }
}
