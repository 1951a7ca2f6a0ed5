import CNCurses
import CTerminalRestore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// While the viewer owns the terminal: stderr goes to a log file (so a Swift fatal error or
/// backtrace is kept, not drawn over the alternate screen and lost with it), and a fatal
/// signal gives the terminal back before the process dies (CTerminalRestore).
public struct CrashRestore {
    /// The terminal's stderr, kept for the crash notice and put back by `finish`.
    private let terminalStderr: Int32?
    /// The log file, where a crash's report goes.
    private let logDescriptor: Int32?

    /// Gives the calling thread an alternate signal stack (once per thread), so a stack
    /// overflow there reaches the handler too. Returns whether the thread has one.
    @discardableResult
    public static func guardCurrentThread() -> Bool {
        promdeck_restore_guard_thread() == 0
    }

    /// Call before curses changes the terminal modes.
    static func saveModes() {
        promdeck_restore_save_modes(STDIN_FILENO)
    }

    /// Call once curses is set up (its terminfo strings are known): installs the handler and,
    /// with a log file, sends stderr there. Requires ncurses' lock.
    /// The caller checked `logFile` can be written before the screen started (`checkLogFile`);
    /// should it fail now anyway, stderr stays where it is.
    init(logFile: String?, mouse: Bool) {
        var notice = "promdeck: crashed (%s)"
        var saved: Int32?, log: Int32?
        if let logFile, case let descriptor = open(logFile, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600), descriptor >= 0 {
            let header = "\n--- promdeck pid \(getpid()) started \(ISO8601DateFormatter().string(from: Date())) ---\n"
            _ = header.withCString { write(descriptor, $0, strlen($0)) }
            saved = dup(STDERR_FILENO)
            dup2(descriptor, STDERR_FILENO)
            log = descriptor
            notice += "; writing the report to \(logFile)"
        }
        terminalStderr = saved
        logDescriptor = log
        let sequence = CrashRestore.leaveSequence(mouse: mouse)
        _ = promdeck_restore_install(STDOUT_FILENO, sequence, saved ?? STDERR_FILENO, notice + "\r\n", log ?? -1)
    }

    /// Opens (creating) the log file for appending, or says why not: for the command line to
    /// check before the terminal is taken over.
    public static func checkLogFile(_ path: String) throws(TerminalError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .setupFailed("log file \(path): \(String(cString: strerror(errno)))") }
        close(descriptor)
    }

    /// The viewer gave the terminal back itself: handlers and stderr as they were.
    func finish() {
        promdeck_restore_uninstall()
        if let logDescriptor { close(logDescriptor) }
        if let terminalStderr {
            dup2(terminalStderr, STDERR_FILENO)
            close(terminalStderr)
        }
    }

    /// What endwin and the viewer's shutdown would write: mouse reports off, keypad and
    /// cursor back, attributes reset, the alternate screen left (terminfo's strings where the
    /// terminal has them, padding stripped; xterm's otherwise).
    static func leaveSequence(mouse: Bool) -> String {
        func capability(_ name: String, default fallback: String) -> String {
            guard let value = promdeck_tigetstr(name) else { return fallback }
            return stripPadding(String(cString: value))
        }
        var sequence = ""
        if mouse { sequence += "\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l" }
        sequence += capability("sgr0", default: "\u{1B}[0m")
        sequence += capability("rmkx", default: "\u{1B}[?1l\u{1B}>")
        sequence += capability("cnorm", default: "\u{1B}[?25h")
        sequence += capability("rmcup", default: "\u{1B}[?1049l")
        return sequence
    }

    /// terminfo delays (`$<5>`, `$<2/*>`) are for the terminal driver, not the terminal.
    static func stripPadding(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "$<") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { return out + rest[start.lowerBound...] }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
