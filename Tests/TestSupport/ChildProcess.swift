import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn: an empty signal mask and default signal
/// dispositions (Foundation.Process leaves some blocked, which hangs `tmux new-session -d`),
/// its own process group, stdout and stderr captured to files.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    public let executable: String
    public let stdoutPath: String
    public let stderrPath: String
    private var exitStatus: Int32?
    private let lock = NSLock()

    /// Starts `executable` (a path, or a name looked up on PATH) with `arguments`.
    /// `terminalPath`: a terminal (a pseudo-terminal's slave) for stdin, stdout and stderr
    /// instead of /dev/null and the files; it does not become the child's controlling terminal.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        directory: String? = nil, stdinPath: String? = nil, outputDirectory: String? = nil, terminalPath: String? = nil
    ) throws {
        guard let path = ChildProcess.which(executable) else {
            throw TestSupportError("executable not found on PATH: \(executable)")
        }
        self.executable = path
        let outDir = outputDirectory ?? NSTemporaryDirectory()
        let stem = "\((path as NSString).lastPathComponent)-\(UUID().uuidString.prefix(8))"
        stdoutPath = (outDir as NSString).appendingPathComponent("\(stem).stdout")
        stderrPath = (outDir as NSString).appendingPathComponent("\(stem).stderr")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let terminalPath {
            posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR | O_NOCTTY, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        // posix_spawn_file_actions_addchdir_np is not exported to Swift here; env -C does the chdir.
        let spawnPath = directory == nil ? path : "/usr/bin/env"
        let argv = directory.map { ["/usr/bin/env", "-C", $0, path] + arguments } ?? ([path] + arguments)
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, spawnPath, &actions, &attributes, &cArgs, &cEnv)
        guard rc == 0 else {
            throw TestSupportError("posix_spawn \(path) failed: \(String(cString: strerror(rc)))")
        }
        pid = child
    }

    /// The exit status once the process has ended (a signal number is reported as 128+n).
    public var status: Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
        let code = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        exitStatus = code
        return code
    }

    public var isRunning: Bool { status == nil }

    /// Waits for the process to end, up to `timeout`; nil if it is still running.
    @discardableResult
    public func wait(timeout: Duration = .seconds(60)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status { return status }
            usleep(5_000)
        }
        return status
    }

    /// SIGTERM to the process group, then SIGKILL after `grace`.
    public func stop(grace: Duration = .seconds(5)) {
        guard isRunning else { return }
        kill(-pid, SIGTERM)
        if wait(timeout: grace) == nil {
            kill(-pid, SIGKILL)
            wait(timeout: .seconds(5))
        }
    }

    public func signal(_ signal: Int32) { kill(pid, signal) }

    public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    deinit {
        if exitStatus == nil { stop(grace: .seconds(2)) }
        try? FileManager.default.removeItem(atPath: stdoutPath)
        try? FileManager.default.removeItem(atPath: stderrPath)
    }

    /// The path of an executable: `name` itself if it contains a slash, else the first match on PATH.
    public static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Output of a command run to completion.
public struct CommandOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a command to completion (killed after `timeout`) and returns its output.
public func runCommand(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    directory: String? = nil, stdin: String? = nil, timeout: Duration = .seconds(120)
) throws -> CommandOutput {
    var stdinPath: String?
    if let stdin {
        let path = NSTemporaryDirectory() + "stdin-\(UUID().uuidString)"
        try stdin.write(toFile: path, atomically: true, encoding: .utf8)
        stdinPath = path
    }
    defer { if let stdinPath { try? FileManager.default.removeItem(atPath: stdinPath) } }
    let child = try ChildProcess(executable, arguments, environment: environment, directory: directory, stdinPath: stdinPath)
    guard let status = child.wait(timeout: timeout) else {
        child.stop(grace: .seconds(1))
        throw TestSupportError("\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout)")
    }
    return CommandOutput(status: status, stdout: child.stdout, stderr: child.stderr)
}

public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs blocking work (a command, promtool) on a Dispatch thread, so a test that waits for
/// child processes does not hold one of the few cooperative threads that every other async
/// test (and its timing) depends on.
public func offCooperativePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
