import Foundation
import Testing
import TestSupport

/// `m` in `promdeck demo` under tmux: the metrics with the simulator's types and help, a
/// filter, Enter on a counter draws its label breakdown above its rate's graph.
@Suite(.serialized, .tags(.tmux, .endToEnd)) struct MetricExplorerEndToEndTests {
    @Test func theExplorerListsFiltersAndOpensACounter() async throws {
        let terminal = try PromdeckTerminal(["demo"], width: 120, height: 40)
        let started = await terminal.tmux.waitForScreen(timeout: .seconds(60)) { $0.contains("Service Health Overview") }
        #expect(started.ok, "\(started.screen)")
        try terminal.tmux.send("m")
        let listed = await terminal.tmux.waitForScreen(timeout: .seconds(30)) {
            $0.contains("positions_open") && $0.contains("Open positions by symbol.") && $0.contains("gauge")
        }
        #expect(listed.ok, "no metric list:\n\(listed.screen)")
        try terminal.tmux.type("trades_executed")
        let filtered = await terminal.tmux.waitForScreen(timeout: .seconds(10)) {
            $0.contains("Filter: trades_executed█") && $0.contains("1 of ") && !$0.contains("positions_open")
        }
        #expect(filtered.ok, "not filtered:\n\(filtered.screen)")
        try terminal.tmux.send("Enter")
        let opened = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { screen in
            screen.contains("trades_executed_total · counter · Trades by symbol, side and status.") && screen.contains("symbol")
                && screen.contains("sum by (") && screen.contains("(rate(trades_executed_total[$__rate_interval]))")
        }
        #expect(opened.ok, "no breakdown and panel:\n\(opened.screen)")
        // The graph draws under the breakdown: braille dots of the series.
        let drawn = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { screen in
            screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
        }
        #expect(drawn.ok, "no graph:\n\(drawn.screen)")
        try terminal.tmux.send("Escape")
        let back = await terminal.tmux.waitForScreen(timeout: .seconds(10)) { $0.contains("Filter: trades_executed█") }
        #expect(back.ok, "not back to the list:\n\(back.screen)")
        try terminal.tmux.send("Escape")
        let dashboard = await terminal.tmux.waitForScreen(timeout: .seconds(10)) { $0.contains("Service Health Overview") && !$0.contains("Filter:") }
        #expect(dashboard.ok, "\(dashboard.screen)")
        try terminal.tmux.send("q")
        #expect(await terminal.waitForExit()?.status == 0)
    }
}
