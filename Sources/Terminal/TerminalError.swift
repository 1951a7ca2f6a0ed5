/// Why the terminal could not be set up.
public struct TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable { case notATerminal, unknownTerminal, setupFailed }
    private let code: Code
    public let message: String

    public var description: String { message }

    /// stdin or stdout is not a terminal (piped, redirected, run from cron).
    public static func notATerminal(command: String) -> TerminalError {
        TerminalError(code: .notATerminal, message: """
            promdeck \(command) needs an interactive terminal, but stdin or stdout is not one.
            For a single frame on stdout, use `promdeck snapshot --dashboard NAME` instead.
            """)
    }

    public static func unknownTerminal(_ term: String) -> TerminalError {
        TerminalError(code: .unknownTerminal, message: "promdeck cannot drive terminal type '\(term)' (no terminfo entry). Try TERM=xterm-256color.")
    }

    public static func setupFailed(_ what: String) -> TerminalError {
        TerminalError(code: .setupFailed, message: "terminal setup failed: \(what)")
    }

    public var isNotATerminal: Bool { code == .notATerminal }
}
