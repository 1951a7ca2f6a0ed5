import Foundation
import PromModel
import Render
import TerminalTypes

/// The run loop: one stream of events (input, timers, query answers) into the reducer, and
/// the effects out to the datasource, the file system and the terminal. Idle means asleep:
/// nothing wakes it but input, a scheduled tick or an answer.
public enum Viewer {
    /// How the viewer ended.
    public enum Exit: Hashable, Sendable {
        case quit
        case terminalClosed
    }

    /// Draws a frame. Seam for the render module's full-frame renderer.
    public typealias FrameRendering = @Sendable (AppState, TerminalSize, Timestamp) -> Buffer

    /// Runs until `q`, a terminating signal, or the terminal closing; shuts the backend down
    /// on every way out.
    public static func run(
        backend: any TerminalBackend, datasource: any Datasource, named: [String: any Datasource] = [:],
        alertmanager: (any AlertmanagerSource)? = nil, state initial: AppState, reducer: ViewerReducer = ViewerReducer(), render: FrameRendering? = nil,
        clock: @escaping @Sendable () -> Timestamp = Viewer.wallClock,
        refreshTrace: (@Sendable (String) -> Void)? = nil, incremental: IncrementalOptions = IncrementalOptions(),
        settled: (@Sendable () -> Void)? = nil, executor: (any LoopExecutor)? = nil
    ) async -> Exit {
        defer { backend.shutdown() }
        let renderFrame = render ?? { [frames = FrameRenderer()] state, size, now in
            frames.render(state, size: size, now: now)
        }
        var state = initial
        if alertmanager != nil, state.alertmanager == .notConfigured { state.alertmanager = .notLoaded }
        var loop = Loop(backend: backend, datasources: DatasourceSet(default: datasource, byName: named), reducer: reducer, render: renderFrame,
                        clock: clock, state: state, executor: executor)
        loop.alertmanager = alertmanager
        loop.traceSink = refreshTrace
        loop.settled = settled
        loop.incremental = IncrementalQueryCache(options: incremental)
        return await withTaskExecutorPreference(executor) {
            backend.guardCurrentThread()
            return await loop.run()
        }
    }

    @Sendable public static func wallClock() -> Timestamp {
        Timestamp(Date().timeIntervalSince1970 * 1000)
    }
}
