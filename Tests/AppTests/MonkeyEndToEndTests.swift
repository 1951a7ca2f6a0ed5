import Foundation
import Testing
import TestSupport

/// Hundreds of random keys (MonkeyPlan, fixed seeds) into `promdeck demo` in tmux, on each
/// demo dashboard at 160x45 and 40x12, then `q`: exit 0, and the terminal as a fresh pane
/// has it (`stty -a`, main screen, cursor visible, no mouse or keypad mode).
///
/// `swift test --filter MonkeyEndToEndTests` runs one seed per dashboard and size;
/// `Benchmarks/monkey.sh N` runs N seeds (PROMDECK_MONKEY_SEEDS) and counts the passes
/// (PROMDECK_MONKEY_REPORT names the file each run appends its outcome to).
@Suite(.serialized, .tags(.tmux, .endToEnd)) struct MonkeyEndToEndTests {
    struct Run: CustomTestStringConvertible, Sendable {
        var seed: UInt64
        var dashboard: String
        var width: Int
        var height: Int
        var testDescription: String { "seed \(seed) \(dashboard) \(width)x\(height)" }
    }

    static let dashboards = ["Service Health Overview", "Trading Performance", "EventBus Monitoring", "Infrastructure Metrics"]
    static let sizes = [(160, 45), (40, 12)]
    static let keysPerRun = 300

    /// Seed n runs dashboard n % 4 at size (n / 4) % 2: the default eight cover every pair.
    static func runs() -> [Run] {
        let count = ProcessInfo.processInfo.environment["PROMDECK_MONKEY_SEEDS"].flatMap(Int.init) ?? 8
        return (0..<max(1, count)).map { n in
            let size = sizes[(n / dashboards.count) % sizes.count]
            return Run(seed: UInt64(n + 1), dashboard: dashboards[n % dashboards.count], width: size.0, height: size.1)
        }
    }

    @Test(arguments: runs())
    func randomKeysLeaveTheTerminalSane(_ run: Run) async throws {
        let failure = await Self.monkey(run)
        if let path = ProcessInfo.processInfo.environment["PROMDECK_MONKEY_REPORT"] {
            Self.append("\(failure == nil ? "PASS" : "FAIL") \(run.testDescription)\(failure.map { ": " + $0 } ?? "")\n", to: path)
        }
        #expect(failure == nil, "\(run.testDescription): \(failure ?? "")")
    }

    /// Nil when the run passed, else what went wrong (with the last screen).
    static func monkey(_ run: Run) async -> String? {
        do {
            let fresh = try await freshStty(width: run.width, height: run.height)
            let terminal = try PromdeckTerminal(["demo", "--dashboard", run.dashboard], width: run.width, height: run.height)
            // The header names the dashboard; at 40 columns it may be cut, so any frame will do.
            let first = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("[") || $0.contains("Terminal too small") }
            guard first.ok else { return "no first frame:\n\(first.screen)" }
            var plan = MonkeyPlan(seed: run.seed)
            for step in plan.steps(count: keysPerRun) {
                switch step {
                case .keys(let keys): try terminal.tmux.tmux(["send-keys", "-t", terminal.tmux.session] + keys)
                case .text(let text): try terminal.tmux.type(text)
                }
                // Stop early once promdeck has died (the pane lives on): the exit status says why.
                if let pid = terminal.pid, kill(pid, 0) != 0 { break }
                try await Task.sleep(for: .milliseconds(15))
            }
            // Back out of whatever is open (options → list → closed; zoom; ad-hoc view).
            for _ in 0..<4 {
                try terminal.tmux.send("Escape")
                try await Task.sleep(for: .milliseconds(120))
            }
            let before = try terminal.tmux.capture()
            try terminal.tmux.send("q")
            guard let exit = await terminal.waitForExit(timeout: .seconds(20)) else {
                return "still running after q:\n\(try terminal.tmux.capture())"
            }
            guard exit.status == 0 else { return "exit status \(exit.status):\n\(try terminal.tmux.capture())\nbefore q:\n\(before)" }
            guard exit.stty == fresh else { return "stty -a differs from a fresh pane:\n\(exit.stty)\nfresh:\n\(fresh)" }
            let modes = try terminal.tmux.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_flag} #{keypad_cursor_flag}")
            guard modes == "0 1 0 0 0" else { return "terminal modes (alternate cursor mouse keypad keypad-cursor) \(modes), want 0 1 0 0 0" }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// `stty -a` in a pane of this size that never ran promdeck.
    static func freshStty(width: Int, height: Int) async throws -> String {
        let directory = try TemporaryDirectory("promdeck-stty")
        defer { directory.remove() }
        let file = directory.file("stty")
        let session = try TmuxSession(command: "sh -c \(TmuxSession.shellQuote("stty -a > \(file).tmp; mv \(file).tmp \(file)"))",
                                      width: width, height: height)
        defer { session.kill() }
        _ = await waitUntil(timeout: .seconds(10), interval: .milliseconds(20)) { FileManager.default.fileExists(atPath: file) }
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    static func append(_ line: String, to path: String) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try? handle.close()
    }
}
