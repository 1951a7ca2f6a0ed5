import Dashboards
import Foundation
import PromModel
import Render
import TerminalTypes

/// Internal events of the loop, beside the reducer's.
enum LoopEvent: Sendable {
    case app(AppEvent)
    /// A query's own time, for the refresh trace; its answer follows as an `.app` event.
    case answered(QueryID, Duration)
    case draw
    /// The frame handed to the terminal writer is on the terminal, after this long.
    case written(Duration)
    case terminalClosed
}

/// The run loop `Viewer.run` drives: its state, its tasks and timers, and the frames it writes.
struct Loop {
    let backend: any TerminalBackend
    let datasources: DatasourceSet
    let gate = ConnectionGate()
    var datasource: any Datasource { datasources.defaultDatasource }
    let reducer: ViewerReducer
    let render: Viewer.FrameRendering
    let clock: @Sendable () -> Timestamp
    var state: AppState
    var traceSink: (@Sendable (String) -> Void)?
    /// Runs once the answers of a refresh are drawn and nothing is in flight: the idle moment
    /// (the wiring gives freed memory back to the system there). Against a server slower than
    /// the refresh, where some query is always out, it runs after an answer's frame at least
    /// every `settleAtLeastEvery`.
    var settled: (@Sendable () -> Void)?
    private var answeredSinceSettled = false
    private var lastSettled = ContinuousClock.now
    static let settleAtLeastEvery = Duration.seconds(10)
    var alertmanager: (any AlertmanagerSource)?
    var incremental = IncrementalQueryCache(options: IncrementalOptions())

    private var trace = RefreshTrace()
    private let traceOrigin = ContinuousClock.now
    /// Where the loop's tasks and timers run (nil: the pool and the global timer).
    private let executor: (any LoopExecutor)?
    private var queries: [QueryID: Task<Void, Never>] = [:]
    private var timer: (any ScheduledWork)?
    private var shown: Buffer?
    private var drawPending = false
    /// Frames go to the terminal on their own queue, one at a time, so a slow terminal (a
    /// large first frame, SSH) never holds up answers and keys; a frame asked for meanwhile
    /// is rendered when the one out is written, from the newest state.
    private let writer = DispatchQueue(label: "promdeck.terminal-writer")
    private var writing = false
    private var lastWriteTook = Duration.zero
    private var drawAfterWrite = false
    private static let framePeriod = Duration.milliseconds(33)
    private static let refreshGrace = Duration.milliseconds(250)
    /// How the event being handled may delay its frame; the last answer of a refresh, keys
    /// and everything else draw at once.
    private enum Pacing {
        case now
        /// Answers that arrive while others are still out draw at most once a frame period.
        case answers
        /// A refresh the timer started draws when its last answer is back, or `refreshGrace`
        /// after its start if that is sooner: a steady refresh from a near server (answers
        /// in tens of milliseconds, more than a frame period apart from its start) is one
        /// frame, not one at its start and one after. What its start changes (the header's
        /// next-refresh time, a slow panel's ⟳) shows that late at most, as a UI's spinner
        /// usually waits a moment before it appears.
        case refresh
    }
    private var pacing = Pacing.now
    private var lastDraw: ContinuousClock.Instant?
    private var delayedDraw: (any ScheduledWork)?
    private var iterator: AsyncStream<LoopEvent>.Iterator
    private let sink: AsyncStream<LoopEvent>.Continuation

    init(backend: any TerminalBackend, datasources: DatasourceSet, reducer: ViewerReducer, render: @escaping Viewer.FrameRendering,
         clock: @escaping @Sendable () -> Timestamp, state: AppState, executor: (any LoopExecutor)? = nil) {
        self.backend = backend
        self.datasources = datasources
        self.reducer = reducer
        self.render = render
        self.clock = clock
        self.state = state
        self.executor = executor
        let (events, sink) = AsyncStream.makeStream(of: LoopEvent.self, bufferingPolicy: .unbounded)
        self.sink = sink
        iterator = events.makeAsyncIterator()
    }

    mutating func run() async -> Viewer.Exit {
        let sink = self.sink
        let input = Task(executorPreference: executor) { [backend] in
            for await event in backend.events {
                switch event {
                case .key(let key): sink.yield(.app(.key(key)))
                case .mouse(let mouse): sink.yield(.app(.mouse(mouse)))
                case .resize(let size): sink.yield(.app(.resize(size)))
                case .terminate: sink.yield(.app(.terminate))
                case .suspend: sink.yield(.app(.suspend))
                }
            }
            sink.yield(.terminalClosed)
        }
        defer {
            input.cancel()
            timer?.cancel()
            delayedDraw?.cancel()
            for task in queries.values { task.cancel() }
        }
        state.size = backend.size
        var exit: Viewer.Exit?
        let starting = reducer.reduce(&state, .start, now: clock())
        // Panels that wait for variables whose answers come a few ms apart: the first frame
        // waits a frame period (or until they go out), so rendering it does not hold up the
        // next variable's request.
        let waiting = !state.panelsAwaitingVariables.isEmpty
        if waiting {
            lastDraw = .now
            pacing = .answers
        }
        exit = perform(starting)
        pacing = .now
        if exit == nil, !waiting { draw() }
        while exit == nil, let event = await iterator.next() {
            switch event {
            case .draw:
                drawPending = false
                delayedDraw = nil
                draw()
            case .written(let took):
                writing = false
                lastWriteTook = took
                frameShown()
                if drawAfterWrite {
                    drawAfterWrite = false
                    draw()
                }
            case .terminalClosed:
                exit = .terminalClosed
            case .answered(let id, let took):
                trace.answered(id, took: took)
            case .app(let appEvent):
                if case .queryResult(let id, _, _) = appEvent { queries[id] = nil }
                if case .queryFailed(let id, _, _) = appEvent { queries[id] = nil }
                if appEvent.isQueryAnswer { answeredSinceSettled = true }
                // Paced: an answer with others still out, or a variable's while panels wait for more.
                let pacesAnswers = appEvent.isQueryAnswer ? !queries.isEmpty
                    : appEvent.isVariableAnswer && !state.panelsAwaitingVariables.isEmpty
                if case .tick = appEvent { pacing = .refresh } else if pacesAnswers { pacing = .answers }
                exit = perform(reducer.reduce(&state, appEvent, now: clock()))
                pacing = .now
            }
        }
        // The last frame out reaches the terminal before the backend shuts down.
        writer.sync {}
        return exit ?? .terminalClosed
    }

    /// Carries out effects; returns how to exit when one of them is `.quit`.
    private mutating func perform(_ effects: [Effect]) -> Viewer.Exit? {
        for effect in effects {
            switch effect {
            case .runQueries(let jobs):
                if traceSink != nil { trace.started(jobs.map(\.id), at: ContinuousClock.now - traceOrigin) }
                for job in jobs { start(job) }
            case .cancelQueries(let ids):
                trace.cancelled(ids)
                for id in ids { queries.removeValue(forKey: id)?.cancel() }
            case .redraw:
                requestDraw()
            case .fullRedraw:
                // In order with the frames still to be written, so none lands on the erased screen.
                writer.async { [backend] in backend.invalidate() }
                shown = nil
                requestDraw()
            case .scheduleTick(let at):
                timer?.cancel()
                let delay = max(0, at - clock())
                timer = later(.milliseconds(delay), .app(.tick))
            case .loadVariableOptions(let request):
                Task(executorPreference: executor) { [datasources, sink] in
                    let result = await HeadlessViewer.load(request, from: datasources)
                    sink.yield(.app(.variableOptions(dashboardUID: request.dashboardUID, name: request.name, result, query: request.key)))
                }
            case .fetchAlerts:
                Task(executorPreference: executor) { [datasource, sink] in
                    sink.yield(.app(.alerts(await Loop.capture { () async throws(QueryError) in try await datasource.alerts() })))
                }
            case .fetchAlertmanager:
                guard let source = alertmanager else { break }
                Task(executorPreference: executor) { [sink] in
                    async let alerts = Loop.capture { () async throws(QueryError) in try await source.alerts() }
                    async let silences = Loop.capture { () async throws(QueryError) in try await source.silences() }
                    sink.yield(.app(.alertmanager(AlertmanagerSnapshot(alerts: await alerts, silences: await silences))))
                }
            case .createSilence(let draft):
                guard let source = alertmanager else { break }
                Task(executorPreference: executor) { [sink] in
                    sink.yield(.app(.silenceCreated(await Loop.capture { () async throws(QueryError) in try await source.createSilence(draft) })))
                }
            case .expireSilence(let id):
                guard let source = alertmanager else { break }
                Task(executorPreference: executor) { [sink] in
                    let result = await Loop.capture { () async throws(QueryError) in try await source.expireSilence(id: id) }
                    if case .failure(let error) = result {
                        sink.yield(.app(.silenceExpired(id: id, error: error)))
                    } else {
                        sink.yield(.app(.silenceExpired(id: id, error: nil)))
                    }
                }
            case .writeFile(let path, let contents):
                let failure: String?
                do {
                    try contents.write(toFile: path, atomically: true, encoding: .utf8)
                    failure = nil
                } catch {
                    failure = "\(path): \(error.localizedDescription)"
                }
                sink.yield(.app(.fileWritten(path: path, error: failure)))
            case .fetchCompletions(let query, let start, let end):
                Task(executorPreference: executor) { [datasource, sink] in
                    let result = await Loop.capture { () async throws(QueryError) in
                        switch query {
                        case .labelValues(let label, _):
                            try await datasource.labelValues(label, matching: query.selectors, start: start, end: end)
                        case .labelNames:
                            try await datasource.labelNames(matching: query.selectors, start: start, end: end)
                        }
                    }
                    sink.yield(.app(.completions(query, result)))
                }
            case .fetchMetadata:
                Task(executorPreference: executor) { [datasource, sink] in
                    sink.yield(.app(.metadata(await Loop.capture { () async throws(QueryError) in try await datasource.metadata(metric: nil, limit: nil) })))
                }
            case .fetchSeries(let metric, let start, let end):
                Task(executorPreference: executor) { [datasource, sink] in
                    let result = await Loop.capture { () async throws(QueryError) in
                        try await datasource.series(matching: [metric], start: start, end: end)
                    }
                    sink.yield(.app(.metricSeries(metric, result)))
                }
            case .copy(let text):
                sink.yield(.app(.copied(text, error: backend.copyToClipboard(text))))
            case .suspend:
                writer.sync { backend.suspend() }
                shown = nil
            case .quit:
                return .quit
            }
        }
        return nil
    }

    static func capture<Value>(_ body: () async throws(QueryError) -> Value) async -> Result<Value, QueryError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    private mutating func start(_ job: QueryJob) {
        let sink = self.sink, datasources = self.datasources, gate = self.gate, clock = self.clock, incremental = self.incremental
        let backend = self.backend
        queries[job.id] = Task(executorPreference: executor) {
            // Decoding and the embedded engine run here: on the executor's thread when there
            // is one (view: the HTTP client's loop, where the response was read), else the pool's.
            backend.guardCurrentThread()
            let started = clock()
            let timer = ContinuousClock.now
            switch await HeadlessViewer.send(job, to: datasources, gate: gate, incremental: incremental) {
            case .success(let response):
                sink.yield(.answered(job.id, ContinuousClock.now - timer))
                sink.yield(.app(.queryResult(job.id, response, duration: clock() - started)))
            case .failure(let error):
                let reported = Task.isCancelled ? QueryError(.canceled, "query cancelled") : error
                sink.yield(.answered(job.id, ContinuousClock.now - timer))
                sink.yield(.app(.queryFailed(job.id, reported, duration: clock() - started)))
            }
        }
    }

    /// `event` into the loop once `delay` has passed: on the executor's timer when there is
    /// one, else after a sleeping task.
    private func later(_ delay: Duration, _ event: LoopEvent) -> any ScheduledWork {
        let sink = self.sink
        if let executor {
            return executor.schedule(after: delay) { sink.yield(event) }
        }
        return SleepingTask(task: Task {
            try? await Task.sleep(for: delay)
            if !Task.isCancelled { sink.yield(event) }
        })
    }

    /// Coalesces redraws: the draw runs after every event already queued, so a burst of
    /// answers costs one frame, and answers trickling in are paced to one frame a period.
    private mutating func requestDraw() {
        if drawPending {
            // A paced frame is waiting but this change must not: draw now instead.
            if pacing == .now, let delayed = delayedDraw {
                delayed.cancel()
                delayedDraw = nil
                sink.yield(.draw)
            }
            return
        }
        drawPending = true
        // A terminal slow to take a frame gets fewer of them while answers trickle in (busy at
        // most half the time), so the frame after the last answer seldom waits behind one.
        let period = max(Self.framePeriod, lastWriteTook * 2)
        let wait = switch pacing {
        case .now: Duration.zero
        case .answers: lastDraw.map { period - (ContinuousClock.now - $0) } ?? .zero
        case .refresh: Self.refreshGrace
        }
        guard wait > .zero else {
            sink.yield(.draw)
            return
        }
        delayedDraw = later(wait, .draw)
    }

    private mutating func draw() {
        if writing {
            drawAfterWrite = true
            return
        }
        lastDraw = .now
        let size = backend.size
        if size != state.size {
            state.size = size
        }
        let frame = render(state, size, clock())
        let runs = frame.diff(from: shown)
        let changed = !runs.isEmpty || shown == nil
        shown = frame
        trace.rendered()
        guard changed else { return frameShown() }
        writing = true
        writer.async { [backend, sink] in
            backend.guardCurrentThread()
            let started = ContinuousClock.now
            backend.draw(runs)
            backend.present()
            sink.yield(.written(ContinuousClock.now - started))
        }
    }

    /// The frame drawn last is on the terminal: the trace's records, and the idle moment.
    private mutating func frameShown() {
        if let traceSink {
            for record in trace.shown(at: ContinuousClock.now - traceOrigin) { traceSink(record.line) }
        }
        if answeredSinceSettled, queries.isEmpty || ContinuousClock.now - lastSettled >= Self.settleAtLeastEvery {
            answeredSinceSettled = false
            lastSettled = .now
            settled?()
        }
    }
}

/// Work after a delay on the pool: a task that sleeps first.
private struct SleepingTask: ScheduledWork {
    let task: Task<Void, Never>
    func cancel() { task.cancel() }
}
