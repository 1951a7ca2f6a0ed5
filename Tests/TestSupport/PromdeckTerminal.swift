import Foundation

/// The built promdeck running in a real terminal (tmux), wrapped in a shell that records,
/// once it exits, its exit status and the terminal modes it left behind (`stty -a`).
/// End-to-end tests of `view` and `demo` start here:
///
///     let terminal = try PromdeckTerminal(["demo", "--dashboard", "Trading Performance"])
///     #expect(await terminal.waitForText("Trading Performance").ok)
public final class PromdeckTerminal: @unchecked Sendable {
    public let tmux: TmuxSession
    public let directory: TemporaryDirectory
    private let statusFile: String
    private let sttyFile: String
    private let pidFile: String

    /// The pane stays alive after promdeck exits: tmux reports a dead pane's cursor as
    /// hidden, so modes (`#{cursor_flag}`) are read from a live one.
    public init(_ arguments: [String], width: Int = 160, height: Int = 45, term: String = "xterm-256color",
                environment: [String: String] = [:]) throws {
        directory = try TemporaryDirectory("promdeck-tty")
        statusFile = directory.file("status")
        sttyFile = directory.file("stty")
        pidFile = directory.file("pid")
        let executable = try promdeckExecutable()
        let command = ([executable] + arguments).map(TmuxSession.shellQuote).joined(separator: " ")
        // The inner shell records its pid and execs promdeck, so the pid is promdeck's.
        let inner = "echo $$ > \(TmuxSession.shellQuote(pidFile)); cd \(TmuxSession.shellQuote(directory.path)); exec \(command)"
        // The wrapper traps SIGINT (Ctrl-C reaches the whole foreground group) so it survives
        // to record what promdeck left; a trapped signal is default again in the child.
        let outer = "trap true INT; sh -c \(TmuxSession.shellQuote(inner)); echo $? > \(TmuxSession.shellQuote(statusFile)).tmp; "
            + "stty -a > \(TmuxSession.shellQuote(sttyFile)); mv \(TmuxSession.shellQuote(statusFile)).tmp \(TmuxSession.shellQuote(statusFile)); "
            // A live pane keeps what promdeck left (a dead one hides the cursor, shifts the text).
            + "exec sleep 3600"
        tmux = try TmuxSession(command: "sh -c \(TmuxSession.shellQuote(outer))", width: width, height: height, term: term, environment: environment)
    }

    deinit {
        tmux.kill()
        directory.remove()
    }

    public func waitForText(_ text: String, timeout: Duration = .seconds(10)) async -> (ok: Bool, screen: String) {
        await tmux.waitForText(text, timeout: timeout)
    }

    /// promdeck's process id, once it has started.
    public var pid: pid_t? {
        (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Waits for promdeck to exit; its exit status and the `stty -a` after it.
    public func waitForExit(timeout: Duration = .seconds(10)) async -> (status: Int32, stty: String)? {
        let done = await waitUntil(timeout: timeout, interval: .milliseconds(50)) { [statusFile] in
            FileManager.default.fileExists(atPath: statusFile)
        }
        guard done, let status = try? String(contentsOfFile: statusFile, encoding: .utf8),
              let code = Int32(status.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return (code, (try? String(contentsOfFile: sttyFile, encoding: .utf8)) ?? "")
    }

    /// Files promdeck wrote in its working directory (e.g. CSV exports).
    public var writtenFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !["status", "stty", "pid"].contains($0) }
    }
}
