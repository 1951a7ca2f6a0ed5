import Foundation
import Render
import Synchronization
import Terminal
import TerminalTypes
import Testing
@testable import App

/// A terminal that takes as long as the test wants to show a frame: a slow SSH link, or a
/// first frame as tall as Node Exporter Full with every row open.
final class StalledScreen: TerminalBackend {
    let inner: TextScreen
    private let stalled = Mutex(true)
    init(_ inner: TextScreen) { self.inner = inner }

    func release() { stalled.withLock { $0 = false } }

    var size: TerminalSize { inner.size }
    var events: AsyncStream<TerminalEvent> { inner.events }
    func draw(_ runs: [CellRun]) { inner.draw(runs) }
    func present() {
        while stalled.withLock({ $0 }) { usleep(1_000) }
        inner.present()
    }
    func invalidate() { inner.invalidate() }
    func suspend() { inner.suspend() }
    func shutdown() { inner.shutdown() }
    func copyToClipboard(_ text: String) -> String? { inner.copyToClipboard(text) }
}

@Suite struct TerminalWriterTests {
    @Test func aStalledTerminalHoldsUpNeitherVariablesNorQueriesNorKeys() async {
        let text = TextScreen(width: 100, height: 30)
        let screen = StalledScreen(text)
        let datasource = TableDatasource(["sum(up)": 5, "sum(trades_executed_total)": 777])
        let run = Task { await Viewer.run(backend: screen, datasource: datasource, state: Fixtures.state(width: 100, height: 30)) }
        func waitUntil(_ condition: () -> Bool) async -> Bool {
            for _ in 0..<300 {
                if condition() { return true }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return false
        }
        // Panel 3's query goes out after $service's options arrive, while no frame has
        // reached the terminal yet.
        #expect(await waitUntil { datasource.calls.contains { $0.contains(#"service=~"execution""#) } }, "\(datasource.calls)")
        #expect(await waitUntil { text.counters.runs > 0 }, "a frame is on its way")
        #expect(text.counters.frames == 0)
        // A key while the terminal is stalled: the next dashboard's query goes out at once.
        text.send(.key(.char("2")))
        #expect(await waitUntil { datasource.calls.contains("sum(trades_executed_total)") }, "\(datasource.calls)")
        #expect(text.counters.frames == 0)
        screen.release()
        // Frames asked for meanwhile are not queued one by one: the newest state is drawn.
        #expect(await waitUntil { text.screen.text.contains("777") })
        #expect(text.screen.text.contains("[2/2] Trading"))
        #expect(text.counters.frames <= 3, "\(text.counters.frames) frames")
        text.send(.key(.char("q")))
        #expect(await run.value == .quit)
        #expect(text.isShutDown)
    }
}
