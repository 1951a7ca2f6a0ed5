import App
import Dashboards
import PromModel
import Render
import Terminal

/// The viewer's reducer driven as the run loop drives it, without I/O: events in, effects
/// noted (queries stay in `state.inFlight`, variable option requests are kept to answer),
/// every state checked against the invariants and drawn.
struct ViewerHarness {
    static let t0: Timestamp = 1_700_000_000_000

    let reducer = ViewerReducer()
    let renderer = FrameRenderer()
    var state: AppState
    var now = t0
    var pendingOptions: [VariableOptionsRequest] = []
    var quit = false

    init(dashboards: [Dashboard], size: TerminalSize, dashboardIndex: Int = 0) {
        state = AppState(dashboards: dashboards, window: .relative(span: 3_600_000, offset: 0), size: size,
                         dashboardIndex: dashboardIndex, exportDirectory: "/nonexistent")
    }

    /// `.start`, the checks and one frame: what opening a dashboard does.
    func startAndDraw() throws(FuzzFailure) {
        var harness = self
        try harness.send(.start)
    }

    mutating func send(_ event: AppEvent) throws(FuzzFailure) {
        let effects = reducer.reduce(&state, event, now: now)
        for effect in effects {
            switch effect {
            case .loadVariableOptions(let request): pendingOptions.append(request)
            case .quit: quit = true
            default: break
            }
        }
        try ViewerInvariants.check(state, event: event)
        // The frame the screen would get.
        let buffer = renderer.render(state, size: state.size, now: now)
        try check(buffer.width == state.size.width && buffer.height == state.size.height,
                  "frame \(buffer.width)x\(buffer.height) for a \(state.size) screen")
    }
}
