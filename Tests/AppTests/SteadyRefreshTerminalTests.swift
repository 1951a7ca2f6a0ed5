import Dashboards
import Foundation
import PromModel
import PrometheusAPI
import Render
import Synchronization
import Terminal
import TerminalTypes
import Testing
@testable import App

/// What the run loop sends to the terminal on a live refresh (the header showing the
/// datasource, the last update and the next refresh): when one stat's value changed, the
/// runs drawn are that stat's cells and the header's two times, nothing else (issue #18).
@Suite struct SteadyRefreshTerminalTests {
    /// Instant answers from a table the test changes between refreshes.
    /// Each answer can wait its own delay (ms); `answered` counts them.
    final class Values: Datasource, Sendable {
        let table: Mutex<[String: Double]>
        let delays: [String: Int]
        let answered = Mutex(0)
        init(_ values: [String: Double], delays: [String: Int] = [:]) {
            table = Mutex(values)
            self.delays = delays
        }
        func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse {
            if let delay = delays[expr] { try? await Task.sleep(for: .milliseconds(delay)) }
            let value = table.withLock { $0[expr] } ?? 0
            answered.withLock { $0 += 1 }
            return QueryResponse(result: .vector([InstantSample(labels: Labels(), sample: Sample(time, value))]))
        }
        func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse {
            throw QueryError(.badData, "instant only", summary: "bad data")
        }
        func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] { [] }
        func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] { [] }
        func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] { [] }
        func alerts() async throws(QueryError) -> [Alert] { [] }
    }

    /// The terminal double, keeping every run the loop draws.
    final class Recording: TerminalBackend, Sendable {
        let screen: TextScreen
        let runs = Mutex<[CellRun]>([])
        init(_ screen: TextScreen) { self.screen = screen }
        var size: TerminalSize { screen.size }
        func draw(_ runs: [CellRun]) {
            self.runs.withLock { $0 += runs }
            screen.draw(runs)
        }
        func present() { screen.present() }
        func invalidate() { screen.invalidate() }
        var events: AsyncStream<TerminalEvent> { screen.events }
        func suspend() { screen.suspend() }
        func shutdown() { screen.shutdown() }
        func copyToClipboard(_ text: String) -> String? { screen.copyToClipboard(text) }
    }

    private func waitFor(_ screen: TextScreen, _ text: String) async -> Bool {
        for _ in 0..<500 {
            if screen.screen.text.contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// The run loop on the pool, or on an HTTP client group's event loop as `view` runs it.
    static let placements = ["pool", "event loop"]

    private func executor(_ placement: String) -> (group: ClientGroup?, executor: (any LoopExecutor)?) {
        guard placement == "event loop" else { return (nil, nil) }
        let group = ClientGroup([])
        return (group, group.executor)
    }

    @Test(arguments: placements)
    func aRefreshWhereOneStatChangedDrawsOnlyThatStatAndTheHeaderTimes(placement: String) async throws {
        let (group, executor) = executor(placement)
        let screen = TextScreen(width: 120, height: 30)
        let terminal = Recording(screen)
        let datasource = Values(["metric_1": 101, "metric_2": 202, "metric_3": 303])
        var state = Fixtures.state([SteadyRefreshTests.stats], width: 120, height: 30)
        state.refreshOverride = 1_000
        state.header = HeaderState(datasources: [DatasourceHealth(name: "prod", url: "http://127.0.0.1:9")])
        let run = Task { await Viewer.run(backend: terminal, datasource: datasource, state: state, executor: executor) }
        #expect(await waitFor(screen, "303"))
        #expect(await waitFor(screen, "upd "))
        // Let a steady refresh or two go by, then change one value.
        try await Task.sleep(for: .milliseconds(1_500))
        terminal.runs.withLock { $0 = [] }
        datasource.table.withLock { $0["metric_2"] = 4_242 }
        #expect(await waitFor(screen, "4242"))
        try await Task.sleep(for: .milliseconds(200))
        let drawn = terminal.runs.withLock { $0 }
        screen.send(.terminate(signal: 15))
        #expect(await run.value == .quit)
        await group?.shutdown()

        let frame = FrameRenderer().frame(Fixtures.state([SteadyRefreshTests.stats], width: 120, height: 30), size: TerminalSize(width: 120, height: 30), now: 0)
        let box = try #require(frame.layout.placements.first { $0.panelID == 2 }?.rect)
        let top = DashboardRenderer.headerHeight + box.y
        // The header's times, as the last frame shows them: "next HH:MM:SS" and "upd HH:MM:SS".
        let header = screen.screen.lines[0]
        let times = ["next ", "upd "].compactMap { label -> Range<Int>? in
            guard let found = header.range(of: label) else { return nil }
            let start = header.distance(from: header.startIndex, to: found.upperBound)
            return start..<(start + 8)
        }
        #expect(times.count == 2, "\(header)")
        #expect(drawn.contains { $0.y >= top })
        for run in drawn {
            let inStat = run.y >= top && run.y < top + box.height && run.x >= box.x && run.x + run.cells.count <= box.maxX
            let inTimes = run.y == 0 && times.contains { $0.lowerBound <= run.x && run.x + run.cells.count <= $0.upperBound }
            #expect(inStat || inTimes, "run at \(run.x),\(run.y) (\(run.cells.count) cells) is neither stat 2 at \(box) nor the header's times")
        }
    }

    /// Answers at once, and answers a near server gives (tens of milliseconds, each more than
    /// a frame period after the refresh's start).
    static let answerDelays: [[String: Int]] = [[:], ["metric_1": 40, "metric_2": 60, "metric_3": 90]]

    @Test("a timer's refresh whose answers come soon is rendered once, not at its start and again after",
          arguments: placements, answerDelays)
    func aQuickRefreshIsOneFrame(placement: String, delays: [String: Int]) async throws {
        let (group, executor) = executor(placement)
        let screen = TextScreen(width: 120, height: 30)
        let datasource = Values(["metric_1": 1, "metric_2": 2, "metric_3": 3], delays: delays)
        var state = Fixtures.state([SteadyRefreshTests.stats], width: 120, height: 30)
        state.refreshOverride = 400
        state.header = HeaderState(datasources: [DatasourceHealth(name: "prod", url: "http://127.0.0.1:9")])
        let rendered = Mutex(0)
        let render: Viewer.FrameRendering = { [frames = FrameRenderer()] state, size, now in
            rendered.withLock { $0 += 1 }
            return frames.render(state, size: size, now: now)
        }
        let run = Task { await Viewer.run(backend: screen, datasource: datasource, state: state, render: render, executor: executor) }
        #expect(await waitFor(screen, "upd "))
        try await Task.sleep(for: .milliseconds(500))
        let (frames0, answers0) = (rendered.withLock { $0 }, datasource.answered.withLock { $0 })
        // Ten refreshes (three answers each), however long a loaded machine takes for them.
        var waited = 0
        while datasource.answered.withLock({ $0 }) < answers0 + 30, waited < 6_000 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        let (frames1, answers1) = (rendered.withLock { $0 }, datasource.answered.withLock { $0 })
        screen.send(.terminate(signal: 15))
        #expect(await run.value == .quit)
        await group?.shutdown()
        let refreshes = (answers1 - answers0) / 3, frames = frames1 - frames0
        #expect(refreshes >= 10, "\(refreshes) refreshes")
        // Two frames a refresh before; a loaded machine may let a refresh's answers miss the
        // frame period now and then, so some slack.
        #expect(frames * 10 <= refreshes * 15, "\(frames) frames for \(refreshes) refreshes")
    }

    final class Calls: Sendable {
        let list = Mutex<[Int]>([])
    }

    @Test("the settled hook runs once a refresh, after its last answer is drawn")
    func settledOncePerRefresh() async throws {
        let screen = TextScreen(width: 120, height: 30)
        // Answers that arrive one by one, each after its own delay.
        let datasource = Values(["metric_1": 1, "metric_2": 2, "metric_3": 120], delays: ["metric_1": 5, "metric_2": 60, "metric_3": 120])
        var state = Fixtures.state([SteadyRefreshTests.stats], width: 120, height: 30)
        // No refresh of its own: the test asks for each one (`r`), so a loaded machine cannot
        // run one into the next.
        state.refreshOverride = 3_600_000
        // Each call: how many answers were in by then.
        let calls = Calls()
        let run = Task {
            await Viewer.run(backend: screen, datasource: datasource, state: state, settled: {
                let answered = datasource.answered.withLock { $0 }
                calls.list.withLock { $0.append(answered) }
            })
        }
        func waitForCalls(_ count: Int) async -> Bool {
            for _ in 0..<3_000 {
                if calls.list.withLock({ $0.count }) >= count { return true }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return false
        }
        #expect(await waitForCalls(1))
        screen.send(.key(.char("r")))
        #expect(await waitForCalls(2))
        // Time for a call that should not come (one between answers, or a second one).
        try await Task.sleep(for: .milliseconds(300))
        screen.send(.terminate(signal: 15))
        #expect(await run.value == .quit)
        let seen = calls.list.withLock { $0 }
        // Three queries a refresh: one call when each refresh's answers are all in, none between.
        #expect(seen == [3, 6], "\(seen)")
    }
}
