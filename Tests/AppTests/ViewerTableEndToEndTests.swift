import Foundation
import Testing
import TestSupport

/// A zoomed table sorted and scrolled, and the variable picker's Enter, on `promdeck demo`
/// in tmux (whose Home/End reach the viewer as `ESC[1~`/`ESC[4~` under TERM=xterm-256color).
@Suite(.serialized, .tags(.tmux, .endToEnd)) struct ViewerTableEndToEndTests {
    /// The table's data rows between its header and its status line, trimmed.
    private func rows(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("Symbol") && $0.contains("Positions") && !$0.contains("Open Positions") }),
              let status = lines.firstIndex(where: { $0.contains("row ") && $0.contains("/") }), status > header else { return [] }
        return lines[(header + 1)..<status].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "║│ ")) }
    }

    @Test func sortAndScrollTheOpenPositionsTableThenPickASymbol() async throws {
        let terminal = try PromdeckTerminal(["demo", "--dashboard", "Trading Performance"], width: 100, height: 30)
        let first = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("Open Positions by Symbol") && $0.contains("USDT") }
        #expect(first.ok, "no first frame:\n\(first.screen)")

        // Only the table on the dashboard, then zoom it: the panel's own sort (Positions ▼).
        try terminal.tmux.send("/")
        try terminal.tmux.type("open positions")
        try terminal.tmux.send("Enter")
        let filtered = await terminal.tmux.waitForScreen { $0.contains("Open Positions by Symbol") && !$0.contains("Trades Executed") }
        #expect(filtered.ok, "the filter did not leave the table alone:\n\(filtered.screen)")
        try terminal.tmux.send("Enter")
        let zoomed = await terminal.tmux.waitForScreen { $0.contains("Positions ▼") && $0.contains("row 1/") && $0.contains("s sort") }
        #expect(zoomed.ok, "the table did not zoom:\n\(zoomed.screen)")

        // `s` on the symbol column: ascending, then descending.
        try terminal.tmux.send("s")
        let ascending = await terminal.tmux.waitForScreen { screen in
            let symbols = self.rows(screen).compactMap { $0.split(separator: " ").first.map(String.init) }
            return screen.contains("Symbol ▲") && symbols.count >= 2 && symbols == symbols.sorted()
        }
        #expect(ascending.ok, "s did not sort ascending:\n\(ascending.screen)")
        try terminal.tmux.send("s")
        let descending = await terminal.tmux.waitForScreen { screen in
            let symbols = self.rows(screen).compactMap { $0.split(separator: " ").first.map(String.init) }
            return screen.contains("Symbol ▼") && symbols.count >= 2 && symbols == symbols.sorted(by: >)
        }
        #expect(descending.ok, "s again did not sort descending:\n\(descending.screen)")
        let count = descending.screen.range(of: #"row 1/(\d+)"#, options: .regularExpression).map { String(descending.screen[$0].dropFirst(6)) } ?? "?"

        // End and Home arrive as tmux's escape sequences: one key each, the cursor moves.
        try terminal.tmux.send("End")
        let end = await terminal.tmux.waitForText("row \(count)/\(count)")
        #expect(end.ok, "End did not reach the last row:\n\(end.screen)")
        #expect(!end.screen.contains("~"), "the escape sequence leaked:\n\(end.screen)")
        try terminal.tmux.send("Home", "Down")
        let second = await terminal.tmux.waitForText("row 2/\(count)")
        #expect(second.ok, "Home, Down did not land on row 2:\n\(second.screen)")
        #expect(await terminal.tmux.waitForScreen { $0.contains("Symbol ▼") }.ok, "Esc from a sequence left the zoom")

        // Back out (zoom, then the filter), open $symbol and take the highlighted last value.
        try terminal.tmux.send("Escape", "Escape")
        #expect(await terminal.tmux.waitForText("Trades Executed").ok)
        try terminal.tmux.send("v", "Down", "Enter")
        let picker = await terminal.tmux.waitForScreen { $0.contains("$symbol") && $0.contains("Space toggle") && $0.contains("USDT") }
        #expect(picker.ok, "no $symbol picker:\n\(picker.screen)")
        try terminal.tmux.send("End")
        try await Task.sleep(for: .milliseconds(300))
        let listed = try terminal.tmux.capture()
        // The dialog's own lines ("│ ✓ All │", "│   XRPUSDT │"), not the table drawn beside it.
        let options = listed.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: #"│ [✓● ] [A-Z]+USDT +│"#, options: .regularExpression) else { return nil }
            return line[range].split(separator: " ").first { $0.hasSuffix("USDT") }.map(String.init)
        }
        let last = try #require(options.last, "no options listed:\n\(listed)")
        try terminal.tmux.send("Enter")
        let chosen = await terminal.tmux.waitForScreen { $0.contains("$symbol=\(last)") && !$0.contains("Space toggle") }
        #expect(chosen.ok, "Enter did not take the highlighted \(last):\n\(chosen.screen)")
        // The picker shows the selection.
        try terminal.tmux.send("v", "Down", "Enter")
        let marked = await terminal.tmux.waitForText("✓ \(last)")
        #expect(marked.ok, "the picker does not mark \(last):\n\(marked.screen)")
        try terminal.tmux.send("Escape", "Escape", "q")
        let exit = await terminal.waitForExit()
        #expect(exit?.status == 0)
    }
}
