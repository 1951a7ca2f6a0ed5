import Render
import Synchronization
import TerminalTypes

/// An in-memory terminal for tests and headless runs: applies drawn runs to a `Buffer` and
/// counts what a real terminal would have been sent.
public final class TextScreen: TerminalBackend {
    /// What has gone "out" so far.
    public struct Counters: Hashable, Sendable {
        /// Cells painted (a wide grapheme counts once).
        public var cells = 0
        /// UTF-8 bytes of the painted graphemes plus a cursor move per run: a floor on what
        /// the tty would see.
        public var bytes = 0
        public var runs = 0
        public var frames = 0
        public var fullRedraws = 0
    }

    private struct State {
        var pending: Buffer
        var shown: Buffer
        var counters = Counters()
        var suspended = 0
        var isShutDown = false
        var invalidated = true
        var clipboard: [String] = []
    }

    private let state: Mutex<State>
    public let events: AsyncStream<TerminalEvent>
    private let continuation: AsyncStream<TerminalEvent>.Continuation

    public init(width: Int, height: Int) {
        state = Mutex(State(pending: Buffer(width: width, height: height), shown: Buffer(width: width, height: height)))
        (events, continuation) = AsyncStream.makeStream(of: TerminalEvent.self)
    }

    public var size: TerminalSize {
        state.withLock { TerminalSize(width: $0.pending.width, height: $0.pending.height) }
    }

    public func draw(_ runs: [CellRun]) {
        state.withLock { state in
            for run in runs {
                state.counters.runs += 1
                state.counters.bytes += TextScreen.cursorMoveBytes
                for (offset, cell) in run.cells.enumerated() {
                    state.pending[run.x + offset, run.y] = cell
                    guard !cell.isContinuation else { continue }
                    state.counters.cells += 1
                    state.counters.bytes += cell.symbol.utf8.count
                }
            }
        }
    }

    public func present() {
        state.withLock { state in
            state.shown = state.pending
            state.counters.frames += 1
            if state.invalidated {
                state.counters.fullRedraws += 1
                state.invalidated = false
            }
        }
    }

    public func invalidate() {
        state.withLock { state in
            state.invalidated = true
            state.pending = Buffer(width: state.pending.width, height: state.pending.height)
        }
    }

    /// What `copyToClipboard` was given, oldest first.
    public var clipboard: [String] { state.withLock { $0.clipboard } }

    public func copyToClipboard(_ text: String) -> String? {
        guard OSC52.sequence(text) != nil else { return "too long for the terminal's clipboard" }
        state.withLock { $0.clipboard.append(text) }
        return nil
    }

    public func suspend() {
        state.withLock { $0.suspended += 1 }
    }

    public func shutdown() {
        let first = state.withLock { state in
            defer { state.isShutDown = true }
            return !state.isShutDown
        }
        if first { continuation.finish() }
    }

    // MARK: Test controls

    /// The last presented frame.
    public var screen: Buffer { state.withLock { $0.shown } }
    public var counters: Counters { state.withLock { $0.counters } }
    public var isShutDown: Bool { state.withLock { $0.isShutDown } }
    public var suspendCount: Int { state.withLock { $0.suspended } }

    public func resetCounters() { state.withLock { $0.counters = Counters() } }

    /// Feeds an event as if the terminal had produced it.
    public func send(_ event: TerminalEvent) { continuation.yield(event) }

    /// Resizes the screen (contents cleared) and reports it, as SIGWINCH would.
    public func resize(width: Int, height: Int) {
        state.withLock { state in
            state.pending = Buffer(width: width, height: height)
            state.shown = state.pending
            state.invalidated = true
        }
        continuation.yield(.resize(TerminalSize(width: width, height: height)))
    }

    /// ESC [ row ; col H: the usual cost of moving to the start of a run.
    static let cursorMoveBytes = 6
}
