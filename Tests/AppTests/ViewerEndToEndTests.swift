import Foundation
import Testing
import TestSupport

/// The built `promdeck` in a real terminal (tmux). `swift build` must have run first.
///
/// `view --dashboards` names the repository's dashboards/, so these run the four seed
/// dashboards against a URL where nothing listens.
@Suite(.serialized, .tags(.tmux, .endToEnd)) struct ViewerEndToEndTests {
    /// A loopback URL where nothing listens: every query fails fast.
    private func deadURL() throws -> String { "http://127.0.0.1:\(try freePort())" }

    private func expectSane(_ exit: (status: Int32, stty: String)?, _ comment: Comment) {
        #expect(exit?.status == 0, comment)
        let modes = (exit?.stty ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
        #expect(modes.contains("icanon"), comment)
        #expect(modes.contains("echo"), comment)
        #expect(modes.contains("icrnl"), comment)
    }

    @Test func viewShowsErrorsHelpResizesAndQuitsCleanly() async throws {
        let terminal = try PromdeckTerminal(["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", try deadURL()], width: 160, height: 45)
        let first = await terminal.waitForText("EventBus Monitoring")
        #expect(first.ok, "no first frame:\n\(first.screen)")
        let failed = await terminal.tmux.waitForScreen { $0.contains("Message Throughput") && $0.contains("connection refused") }
        #expect(failed.ok, "panels do not show their error:\n\(failed.screen)")
        #expect(try terminal.tmux.display("#{alternate_on}") == "1")

        try terminal.tmux.send("?")
        let help = await terminal.waitForText("zoom time range in / out")
        #expect(help.ok, "no help overlay:\n\(help.screen)")
        try terminal.tmux.send("Escape")
        let closed = await terminal.tmux.waitForScreen { !$0.contains("zoom time range in / out") }
        #expect(closed.ok)

        try terminal.tmux.resize(width: 80, height: 24)
        let resized = await terminal.tmux.waitForScreen { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 24 && lines[0].contains("EventBus Monitoring") && lines[23].hasPrefix(" ? help")
                && lines.allSatisfy { $0.count <= 80 } && (lines[1].hasPrefix("┌") || lines[1].hasPrefix("╔")) && (lines[1].hasSuffix("┐") || lines[1].hasSuffix("╗"))
        }
        #expect(resized.ok, "resize to 80x24 did not redraw cleanly:\n\(resized.screen)")

        try terminal.tmux.send("q")
        let exit = await terminal.waitForExit()
        expectSane(exit, "after q")
        #expect(try terminal.tmux.display("#{alternate_on}") == "0")
    }

    @Test func demoShowsTheFourDashboardsWithValues() async throws {
        let terminal = try PromdeckTerminal(["demo"], width: 160, height: 45)
        // Each dashboard with panel titles and values in the units its panels use.
        let pages: [(title: String, panels: [String], value: String)] = [
            ("Service Health Overview", ["Service Health", "HTTP Request Rate", "HTTP Latency P50 / P95 / P99"], "req/s"),
            ("Trading Performance", ["Trades Executed", "Win Rate", "Portfolio Value"], "%"),
            ("EventBus Monitoring", ["Message Throughput", "Queue Lag"], "msg/s"),
            ("Infrastructure Metrics", ["Redis", "Database"], "ms"),
        ]
        for (index, page) in pages.enumerated() {
            if index > 0 { try terminal.tmux.send("Tab") }
            let shown = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { screen in
                screen.contains("[\(index + 1)/4] \(page.title)") && page.panels.allSatisfy(screen.contains)
                    && screen.contains(page.value) && !screen.contains("Loading")
            }
            #expect(shown.ok, "\(page.title):\n\(shown.screen)")
        }
        try terminal.tmux.send("q")
        expectSane(await terminal.waitForExit(), "demo after q")
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let terminal = try PromdeckTerminal(["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", try deadURL()], width: 100, height: 30)
        #expect(await terminal.waitForText("EventBus Monitoring").ok)
        let pid = try #require(terminal.pid)
        kill(pid, SIGTERM)
        let exit = await terminal.waitForExit()
        expectSane(exit, "after SIGTERM")
        #expect(try terminal.tmux.display("#{alternate_on}") == "0")
    }

    @Test(arguments: ["screen", "linux", "tmux-256color"])
    func worksWithOtherTerminalTypes(term: String) async throws {
        let terminal = try PromdeckTerminal(["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", try deadURL()], width: 100, height: 30, term: term)
        let shown = await terminal.waitForText("Message Throughput")
        #expect(shown.ok, "TERM=\(term):\n\(shown.screen)")
        try terminal.tmux.send("C-c")
        expectSane(await terminal.waitForExit(), "TERM=\(term) after Ctrl-C")
    }

    @Test func keysDriveTheViewer() async throws {
        let terminal = try PromdeckTerminal(["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", try deadURL(), "--refresh", "1s"], width: 120, height: 35)
        #expect(await terminal.waitForText("EventBus Monitoring").ok)
        try terminal.tmux.send("p")
        #expect(await terminal.waitForText("PAUSED").ok)
        try terminal.tmux.send("+")
        #expect(await terminal.waitForText("Last 30m").ok)
        try terminal.tmux.send("[")
        #expect(await terminal.waitForText("now-45m to now-15m").ok)
        try terminal.tmux.send("Down", "Enter")
        let zoomed = await terminal.tmux.waitForScreen { !$0.contains("Message Throughput") && $0.contains("Processing Duration P95") }
        #expect(zoomed.ok, "Enter did not zoom:\n\(zoomed.screen)")
        try terminal.tmux.send("Escape", "i")
        #expect(await terminal.waitForText("Inspect").ok)
        try terminal.tmux.send("Escape", ":")
        try terminal.tmux.type("sum(up)")
        #expect(await terminal.waitForText(":sum(up)█").ok)
        try terminal.tmux.send("Enter")
        #expect(await terminal.waitForText(" : sum(up)").ok)
        try terminal.tmux.send("Escape", "t")
        #expect(await terminal.waitForText("Last 7d").ok)
        try terminal.tmux.send("Escape", "q")
        expectSane(await terminal.waitForExit(), "after the key tour")
    }

    @Test func ctrlZSuspendsToTheShellAndFgRedraws() async throws {
        let directory = try TemporaryDirectory("promdeck-suspend")
        defer { directory.remove() }
        let session = try TmuxSession(
            command: "bash --norc --noprofile -i", width: 100, height: 30, environment: ["PS1": "PROMPT$ "])
        defer { session.kill() }
        #expect(await session.waitForText("PROMPT$").ok)
        try session.type("\(try promdeckExecutable()) view --url \(try deadURL())")
        try session.send("Enter")
        #expect(await session.waitForText("EventBus Monitoring").ok)
        try session.send("C-z")
        let stopped = await session.waitForText("Stopped")
        #expect(stopped.ok, "Ctrl-Z did not suspend:\n\(stopped.screen)")
        #expect(try session.display("#{alternate_on}") == "0")
        let stoppedPrompt = await session.waitForScreen { $0.split(separator: "\n").last?.hasPrefix("PROMPT$") == true }
        #expect(stoppedPrompt.ok, "no shell prompt after Ctrl-Z:\n\(stoppedPrompt.screen)")
        try session.type("fg")
        try session.send("Enter")
        let back = await session.waitForScreen { $0.hasPrefix(" [1/4] EventBus Monitoring") && $0.contains("Message Throughput") }
        #expect(back.ok, "fg did not redraw:\n\(back.screen)")
        try session.send("q")
        // Type only once bash has its prompt back, or promdeck may read the keys.
        let prompt = await session.waitForScreen { screen in
            let last = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return last?.trimmingCharacters(in: .whitespaces) == "PROMPT$" && (try? session.display("#{alternate_on}")) == "0"
        }
        #expect(prompt.ok, "no shell prompt after q:\n\(prompt.screen)")
        let sttyFile = directory.file("stty")
        try session.type("stty -a > \(sttyFile)")
        try session.send("Enter")
        let written = await waitUntil(timeout: .seconds(10)) { FileManager.default.fileExists(atPath: sttyFile) }
        #expect(written)
        try await Task.sleep(for: .milliseconds(100))
        expectSane((0, (try? String(contentsOfFile: sttyFile, encoding: .utf8)) ?? ""), "after Ctrl-Z, fg, q")
    }

    @Test func refusesWithoutATerminal() throws {
        let output = try runCommand(try promdeckExecutable(), ["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", "http://127.0.0.1:9"], timeout: .seconds(20))
        #expect(output.status == 2)
        #expect(output.stderr.contains("promdeck snapshot"))
        #expect(output.stdout.isEmpty)
    }
}
