import Foundation
import Testing
import TestSupport

/// Every way out of the viewer, a crash included, leaves the terminal as a shell left it:
/// main screen, cursor shown, no mouse or keypad mode, and `stty -a` as in a pane that never
/// ran promdeck. Bad flags are refused before the screen starts. `swift build` must have run.
@Suite(.serialized, .tags(.tmux, .endToEnd)) struct ViewerTerminalSafetyEndToEndTests {
    static let width = 120, height = 36

    /// `stty -a` of a fresh pane of the same size (rows and columns left out: a pane reports
    /// its size as tmux has applied it so far).
    static let baseline: String = {
        guard let directory = try? TemporaryDirectory("promdeck-baseline") else { return "" }
        defer { directory.remove() }
        let file = directory.file("stty")
        guard let session = try? TmuxSession(command: "sh -c 'stty -a > \(file).tmp; mv \(file).tmp \(file); sleep 30'", width: width, height: height) else { return "" }
        defer { session.kill() }
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: file) { usleep(25_000) }
        return normalised((try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
    }()

    static func normalised(_ stty: String) -> String {
        stty.replacingOccurrences(of: #"rows \d+; columns \d+;"#, with: "", options: .regularExpression)
    }

    /// The pane after promdeck exited: modes as tmux tracks them, and the stty it left.
    private func expectSane(_ terminal: PromdeckTerminal, _ exit: (status: Int32, stty: String)?, _ comment: Comment) throws {
        #expect(exit != nil, "promdeck did not exit: \(comment)")
        #expect(try terminal.tmux.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_flag} #{keypad_cursor_flag}") == "0 1 0 0 0", comment)
        #expect(!Self.baseline.isEmpty)
        #expect(Self.normalised(exit?.stty ?? "") == Self.baseline, comment)
    }

    private func start(_ arguments: [String], state: TemporaryDirectory) throws -> PromdeckTerminal {
        try PromdeckTerminal(arguments, width: Self.width, height: Self.height, environment: ["XDG_STATE_HOME": state.path])
    }

    @Test(arguments: [
        (["demo", "--refresh", "5"], "--refresh expects a duration with a unit"),
        (["demo", "--refresh", "100ms"], "--refresh expects a duration with a unit"),
        (["demo", "--var", "novar"], "--var expects name=value, got 'novar'"),
        (["demo", "--export-dir", "/nonexistent/exports"], "--export-dir: '/nonexistent/exports' is not a directory"),
        (["demo", "--export-dir", "/dev/null"], "--export-dir: '/dev/null' is not a directory"),
        (["demo", "--from", "yesterday"], "yesterday"),
        (["demo", "--dashboard", "nosuch"], "nosuch"),
        (["demo", "--trace-refreshes", "/nonexistent/trace.jsonl"], "--trace-refreshes: cannot write"),
    ])
    func badFlagsAreRefusedBeforeTheScreen(_ arguments: [String], _ message: String) async throws {
        let state = try TemporaryDirectory("promdeck-state")
        defer { state.remove() }
        let terminal = try start(arguments, state: state)
        let exit = await terminal.waitForExit(timeout: .seconds(30))
        #expect(exit?.status == 64, "\(arguments)")
        try expectSane(terminal, exit, "\(arguments)")
        let screen = try terminal.tmux.capture()
        #expect(screen.contains(message), "\(arguments):\n\(screen)")
    }

    /// A dashboard that does not parse and an unknown --var: warned about on stderr before the
    /// screen, and shown in the viewer until dismissed.
    @Test func skippedDashboardsAndUnknownVariablesAreShown() async throws {
        let state = try TemporaryDirectory("promdeck-state")
        defer { state.remove() }
        let boards = try TemporaryDirectory("promdeck-boards")
        defer { boards.remove() }
        let seed = (repositoryRoot() as NSString).appendingPathComponent("dashboards")
        for name in try FileManager.default.contentsOfDirectory(atPath: seed) where name.hasSuffix(".json") {
            try FileManager.default.copyItem(atPath: (seed as NSString).appendingPathComponent(name), toPath: boards.file(name))
        }
        _ = try boards.write("broken.json", "{\"uid\": \"b\",\n  \"title\": \"Broken\"\n  \"panels\": []}\n")
        let terminal = try start(["demo", "--dashboards", boards.path, "--var", "nosuchvar=1"], state: state)
        let notice = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("Problems at start") && $0.contains("broken.json:3:") && $0.contains("nosuchvar") }
        #expect(notice.ok, "no notice:\n\(notice.screen)")
        try terminal.tmux.send("Escape")
        let dismissed = await terminal.tmux.waitForScreen { !$0.contains("Problems at start") && $0.contains("Service Health Overview") }
        #expect(dismissed.ok, "notice not dismissed:\n\(dismissed.screen)")
        try terminal.tmux.send("q")
        let exit = await terminal.waitForExit()
        #expect(exit?.status == 0)
        try expectSane(terminal, exit, "after the notice")
        // The warnings printed before the screen are on the main screen again.
        let screen = try terminal.tmux.capture()
        #expect(screen.contains("warning: skipped") && screen.contains("broken.json:3:"), "\(screen)")
        #expect(screen.contains("warning: --var nosuchvar: no dashboard has a variable named nosuchvar"), "\(screen)")
    }

    /// `view` with no dashboards anywhere falls back to the built-in overview and says so,
    /// with the places it looked: a notice in the viewer and a warning on stderr.
    @Test func viewWithoutDashboardsSaysWhereItLooked() async throws {
        let state = try TemporaryDirectory("promdeck-state")
        defer { state.remove() }
        let config = try TemporaryDirectory("promdeck-config")
        defer { config.remove() }
        let terminal = try PromdeckTerminal(["view", "--url", "http://127.0.0.1:\(try freePort())"], width: Self.width, height: Self.height,
                                            environment: ["XDG_STATE_HOME": state.path, "XDG_CONFIG_HOME": config.path])
        let notice = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("Problems at start") && $0.contains("no dashboards found") }
        #expect(notice.ok, "no notice:\n\(notice.screen)")
        try terminal.tmux.send("Escape")
        try terminal.tmux.send("q")
        let exit = await terminal.waitForExit()
        #expect(exit?.status == 0)
        try expectSane(terminal, exit, "after the fallback notice")
        let screen = try terminal.tmux.capture().replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("warning: no dashboards found, showing the built-in Prometheus overview"), "\(screen)")
        #expect(screen.contains(config.path + "/promdeck/dashboards (no such directory)"), "\(screen)")
    }

    /// `demo`, `v`, Enter on $datasource, Enter: index out of range before. Now the datasource
    /// variable offers the embedded one and the picker closes.
    @Test func theDatasourcePickerSequence() async throws {
        let state = try TemporaryDirectory("promdeck-state")
        defer { state.remove() }
        let terminal = try start(["demo"], state: state)
        #expect(await terminal.waitForText("Service Health Overview", timeout: .seconds(30)).ok)
        try terminal.tmux.send("v")
        #expect(await terminal.waitForText("$datasource = demo").ok)
        try terminal.tmux.send("Enter")
        #expect(await terminal.waitForText("Enter apply").ok)
        try terminal.tmux.send("Enter")
        let closed = await terminal.tmux.waitForScreen { !$0.contains("Enter apply") && !$0.contains("$datasource = ") }
        #expect(closed.ok, "picker still open:\n\(closed.screen)")
        try terminal.tmux.send("v", "Enter", "Enter", "Escape", "Escape", "q")
        let exit = await terminal.waitForExit()
        #expect(exit?.status == 0)
        try expectSane(terminal, exit, "after the picker")
    }

    @Test(arguments: ["q", "C-c", "TERM", "HUP"])
    func everyWayOutRestoresTheTerminal(_ way: String) async throws {
        let state = try TemporaryDirectory("promdeck-state")
        defer { state.remove() }
        let terminal = try start(["demo"], state: state)
        #expect(await terminal.waitForText("Service Health Overview", timeout: .seconds(30)).ok)
        #expect(try terminal.tmux.display("#{alternate_on}") == "1")
        switch way {
        case "TERM": kill(try #require(terminal.pid), SIGTERM)
        case "HUP": kill(try #require(terminal.pid), SIGHUP)
        default: try terminal.tmux.send(way)
        }
        let exit = await terminal.waitForExit()
        #expect(exit?.status == 0, "\(way)")
        try expectSane(terminal, exit, "after \(way)")
    }

    /// A fatal signal: the handler gives the terminal back, says where the report is, and the
    /// process still dies of the signal; the Swift runtime's report lands in the log file.
    @Test(arguments: [("SEGV", SIGSEGV), ("ILL", SIGILL), ("TRAP", SIGTRAP), ("ABRT", SIGABRT), ("BUS", SIGBUS)])
    func aFatalSignalRestoresTheTerminal(_ name: String, _ signal: Int32) async throws {
        let state = try TemporaryDirectory("promdeck-state")
        defer { state.remove() }
        let terminal = try start(["demo"], state: state)
        #expect(await terminal.waitForText("Service Health Overview", timeout: .seconds(30)).ok)
        kill(try #require(terminal.pid), signal)
        let exit = await terminal.waitForExit(timeout: .seconds(60))
        #expect(exit?.status == 128 + signal, "SIG\(name)")
        try expectSane(terminal, exit, "after SIG\(name)")
        let log = state.file("promdeck/promdeck.log")
        let screen = try terminal.tmux.capture()
        #expect(screen.contains("promdeck: crashed (SIG\(name)); writing the report to \(log)"), "\(screen)")
        // The runtime's backtracer may still be writing when the shell sees the exit (seen once
        // in a full run: "Backtracing from" in the log, the threads not yet): give it a moment.
        var report = ""
        for _ in 0..<100 {
            report = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if report.contains("Thread 0") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(report.contains("Program crashed") && report.contains("Thread 0"), "\(report.prefix(2000))")
    }
}
