import Foundation
import Testing
import TestSupport

/// `/`, the series list (hide, isolate) and the cursor box of a zoomed graph, on
/// `promdeck demo` in tmux.
@Suite(.serialized, .tags(.tmux, .endToEnd)) struct ViewerSeriesEndToEndTests {
    /// The footer: the last line with text.
    private func footer(_ screen: String) -> String {
        String(screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "")
    }

    /// A legend or box entry for `name` with any series marker (they differ without colour).
    private func entry(_ screen: String, _ marker: String, _ name: String) -> Bool {
        screen.range(of: marker + " " + name, options: .regularExpression) != nil
    }

    @Test func slashFilterSeriesListAndCursorOnTheDemo() async throws {
        let terminal = try PromdeckTerminal(["demo", "--dashboard", "Service Health Overview"], width: 120, height: 36)
        let first = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("HTTP Error Rate (5xx)") && $0.contains("req/s") }
        #expect(first.ok, "no first frame:\n\(first.screen)")

        // `/` on the dashboard: panels by title, the filter in the footer; Esc clears it.
        try terminal.tmux.send("/")
        try terminal.tmux.type("error")
        try terminal.tmux.send("Enter")
        let filtered = await terminal.tmux.waitForScreen { screen in
            screen.contains("HTTP Error Rate (5xx)") && !screen.contains("HTTP Request Rate") && !screen.contains("Service Uptime")
                && self.footer(screen).contains("/error")
        }
        #expect(filtered.ok, "/error did not filter the panels:\n\(filtered.screen)")

        // Zoom HTTP Error Rate, the panel left: the legend is a list with a selection.
        try terminal.tmux.send("Enter")
        let zoomed = await terminal.tmux.waitForScreen { $0.contains("Space hide") && self.entry($0, "[^○ ]", "execution") && self.entry($0, "[^○ ]", "risk-safety") }
        #expect(zoomed.ok, "no series list in the zoom:\n\(zoomed.screen)")
        try terminal.tmux.send("Down", "Space")
        let hidden = await terminal.tmux.waitForText("○ execution")
        #expect(hidden.ok, "Space did not hide the selected series:\n\(hidden.screen)")
        try terminal.tmux.send("Enter")
        let isolated = await terminal.tmux.waitForScreen { self.entry($0, "[^○ ]", "execution") && $0.contains("○ ai-engine") && $0.contains("○ risk-safety") }
        #expect(isolated.ok, "Enter did not isolate the series:\n\(isolated.screen)")
        try terminal.tmux.send("Enter")
        let all = await terminal.tmux.waitForScreen { !$0.contains("○") && self.entry($0, "[^○ ]", "ai-engine") }
        #expect(all.ok, "Enter again did not show all:\n\(all.screen)")

        // The cursor: a box with the time and the values, beside a vertical bar.
        try terminal.tmux.send("Left", "Left")
        let cursor = await terminal.tmux.waitForScreen { screen in
            screen.range(of: #"│\d{4}-\d\d-\d\d \d\d:\d\d:\d\d *│"#, options: .regularExpression) != nil
                && screen.range(of: #"│. risk-safety +[0-9.]+%│"#, options: .regularExpression) != nil
        }
        #expect(cursor.ok, "no cursor box:\n\(cursor.screen)")

        // `/` in the zoom filters the series.
        try terminal.tmux.send("/")
        try terminal.tmux.type("risk")
        try terminal.tmux.send("Enter")
        let only = await terminal.tmux.waitForScreen { screen in
            self.entry(screen, "[^○ ]", "risk-safety  ") && !screen.contains("ai-engine") && self.footer(screen).contains("/risk")
        }
        #expect(only.ok, "/risk did not filter the series:\n\(only.screen)")
        try terminal.tmux.send("Escape")
        #expect(await terminal.tmux.waitForScreen { self.entry($0, "[^○ ]", "ai-engine") && $0.contains("Space hide") }.ok)
        // Out of the zoom the dashboard is still filtered; Esc clears that too.
        try terminal.tmux.send("Escape")
        #expect(await terminal.tmux.waitForScreen { self.footer($0).contains("/error") && !$0.contains("Service Uptime") }.ok)
        try terminal.tmux.send("Escape")
        #expect(await terminal.tmux.waitForScreen { $0.contains("HTTP Request Rate") && $0.contains("Service Uptime") }.ok)
        try terminal.tmux.send("q")
        let exit = await terminal.waitForExit()
        #expect(exit?.status == 0)
    }
}
