import Foundation

/// A tmux server on a private socket running one command in a detached session of a fixed
/// size: the real-terminal harness for end-to-end tests (send keys, read the screen, resize).
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let session = "promdeck"
    private var stopped = false
    /// The server's socket file, by tmux's rule ($TMUX_TMPDIR or /tmp, then tmux-UID, as the
    /// benchmark scripts remove theirs): tmux leaves it behind on `kill-server`, so `kill`
    /// removes it (a full test run otherwise leaves a hundred in /tmp/tmux-UID), also when
    /// the program exited, and its server with it, before the session could be asked.
    private let socketPath: String

    /// Starts `command` (a shell command line) in a `width`×`height` session with `TERM` set
    /// for the program; `tmux -f /dev/null` keeps the user's config out.
    public init(command: String, width: Int = 80, height: Int = 24, term: String = "xterm-256color",
                environment: [String: String] = [:]) throws {
        socket = "promdeck-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        socketPath = "\(ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp")/tmux-\(getuid())/\(socket)"
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        for (key, value) in environment { env[key] = value }
        let exports = (["TERM": term].merging(environment) { $1 })
            .map { "\($0.key)=\(TmuxSession.shellQuote($0.value))" }.sorted().joined(separator: " ")
        let output = try runCommand("tmux", [
            "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
            "env \(exports) \(command)",
        ], environment: env, timeout: .seconds(20))
        guard output.status == 0 else {
            throw TestSupportError("tmux new-session failed (\(output.status)): \(output.stderr)")
        }
        // Keep the pane after the program exits, so tests can read what it left behind.
        _ = try? tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit { kill() }

    /// Runs a tmux command against this server.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> CommandOutput {
        let output = try runCommand("tmux", ["-L", socket] + arguments, timeout: .seconds(20))
        guard output.status == 0 else {
            throw TestSupportError("tmux \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.stderr)")
        }
        return output
    }

    /// Sends keys as tmux names them: "q", "Enter", "Escape", "Tab", "BTab", "Up", "C-c", "PPage".
    public func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", session] + keys)
    }

    /// Sends text literally, character by character.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    /// The visible screen as text, one line per row.
    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session]).stdout
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`, `#{pane_dead}`, `#{pane_pid}`.
    public func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", session, format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen satisfies `condition`; returns the last capture either way.
    @discardableResult
    public func waitForScreen(timeout: Duration = .seconds(10), _ condition: (String) -> Bool) async -> (ok: Bool, screen: String) {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = (try? capture()) ?? ""
            if condition(screen) { return (true, screen) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        screen = (try? capture()) ?? ""
        return (condition(screen), screen)
    }

    public func waitForText(_ text: String, timeout: Duration = .seconds(10)) async -> (ok: Bool, screen: String) {
        await waitForScreen(timeout: timeout) { $0.contains(text) }
    }

    /// Whether the program in the pane has exited.
    public var isPaneDead: Bool { (try? display("#{pane_dead}")) == "1" }

    /// Stops the tmux server (and with it the program).
    public func kill() {
        guard !stopped else { return }
        stopped = true
        _ = try? runCommand("tmux", ["-L", socket, "kill-server"], timeout: .seconds(10))
        try? FileManager.default.removeItem(atPath: socketPath)
    }

    public static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The promdeck executable the tests run, found one way for every suite: the one SwiftPM
/// built beside this test bundle (so `-c release` and `--scratch-path` are honoured), else
/// the default debug build's.
public func promdeckExecutable() throws -> String {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    var candidates = [bundle.appendingPathComponent("promdeck").path]
    // The test binary may sit inside an .xctest bundle directory.
    if bundle.pathExtension == "xctest" || bundle.path.contains(".xctest/") {
        var directory = bundle
        while directory.pathExtension != "xctest", directory.path != "/" { directory.deleteLastPathComponent() }
        candidates.append(directory.deletingLastPathComponent().appendingPathComponent("promdeck").path)
    }
    candidates.append((repositoryRoot() as NSString).appendingPathComponent(".build/debug/promdeck"))
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw TestSupportError("no promdeck executable at \(candidates.joined(separator: ", ")): run `swift build` before the end-to-end tests")
    }
    return path
}
