import CNCurses
import Foundation
import Render
#if canImport(Glibc)
import Glibc
import TerminalTypes
#endif

/// The real terminal: ncursesw with wide characters, colour pairs allocated on demand, input
/// read on its own thread and signals turned into events.
///
/// Every ncurses call happens under `lock`, so the input thread, the signal queue and the
/// run loop never touch curses at the same time.
public final class CursesScreen: TerminalBackend, @unchecked Sendable {
    public struct Options: Sendable {
        /// Report clicks and the wheel (it takes text selection away from the terminal).
        public var mouse: Bool
        /// How long a lone Esc waits for the rest of an escape sequence.
        public var escapeDelayMilliseconds: Int32

        /// Where stderr goes while the screen is up, so a crash report is kept (not drawn over
        /// the screen); nil leaves stderr alone.
        public var logFile: String?

        public init(mouse: Bool = true, escapeDelayMilliseconds: Int32 = 25, logFile: String? = nil) {
            self.mouse = mouse
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.logFile = logFile
        }
    }

    let lock = NSLock()
    // Guarded by `lock`.
    var isClosed = false
    /// The viewer turned on SGR mouse reports itself (see `promdeck_mouse_is_x10`).
    var sgrMouse = false
    var pairs: ColorPairTable
    var currentSize: TerminalSize
    let depth: ColorDepth

    private let screen: OpaquePointer
    private var signals: SignalWatcher?
    /// Gives the terminal back on a fatal signal; guarded by `lock`.
    private var crashRestore: CrashRestore?
    let wakePipe: (read: Int32, write: Int32)
    public let events: AsyncStream<TerminalEvent>
    let continuation: AsyncStream<TerminalEvent>.Continuation

    /// Takes over the terminal. Throws when stdin/stdout is not a terminal or TERM is unknown.
    public init(command: String = "view", options: Options = Options()) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw .notATerminal(command: command)
        }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .setupFailed("pipe: \(String(cString: strerror(errno)))") }
        wakePipe = (fds[0], fds[1])
        (events, continuation) = AsyncStream.makeStream(of: TerminalEvent.self, bufferingPolicy: .unbounded)

        setlocale(LC_ALL, "")
        // Signal handlers before ncurses, so it does not install its own for these.
        let continuation = self.continuation
        let box = WeakScreen()
        let watcher = SignalWatcher { signal in
            switch signal {
            case SIGWINCH: box.screen?.handleResize()
            case SIGTSTP: continuation.yield(.suspend)
            default: continuation.yield(.terminate(signal: signal))
            }
        }

        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            watcher.cancel()
            throw .setupFailed("fdopen")
        }
        // The modes a crash must put back: the shell's, before curses changes them.
        CrashRestore.saveModes()
        // COLORTERM=truecolor: use the terminal's "-direct" terminfo entry when installed,
        // so RGB reaches the screen; otherwise colours are downgraded to what TERM offers.
        let environment = ProcessInfo.processInfo.environment
        let direct = CursesScreen.directColorTerminalName(term: environment["TERM"], colorterm: environment["COLORTERM"])
        guard let screen = direct.flatMap({ newterm($0, output, input) }) ?? newterm(nil, output, input) else {
            watcher.cancel()
            throw .unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        signals = watcher

        set_escdelay(options.escapeDelayMilliseconds)
        cbreak()
        noecho()
        nonl()
        intrflush(promdeck_stdscr(), false)
        keypad(promdeck_stdscr(), true)
        nodelay(promdeck_stdscr(), true)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        depth = ColorDepth(colors: Int(promdeck_colors()), hasColors: has_colors())
        pairs = ColorPairTable(capacity: Int(promdeck_color_pairs()))
        // Until a screen has been suspended once, ncurses flushes its output after every
        // cursor move (`_nc_mvcur` flushes while `_endwin == ewInitial`, for terminfo-level
        // programs; ncurses/tty/lib_mvcur.c): a full frame left as a write per row, about
        // ten bytes each, each a wake-up of the terminal and over SSH a packet. Suspending
        // and resuming now, before anything is drawn (so nothing shows), makes a frame one
        // write. The mouse is asked for after it, so the resume does not drop SGR reports.
        endwin()
        doupdate()
        if options.mouse {
            mousemask(promdeck_mouse_mask(), nil)
            mouseinterval(0)
            // ncurses asked for X10 reports, which stop at column 223: ask for SGR ones too
            // (decoded by the input loop) where the terminal speaks them.
            if promdeck_mouse_is_x10() != 0 {
                sgrMouse = true
                _ = promdeck_putp("\u{1B}[?1006h")
            }
        }
        currentSize = TerminalSize(width: Int(getmaxx(promdeck_stdscr())), height: Int(getmaxy(promdeck_stdscr())))
        crashRestore = CrashRestore(logFile: options.logFile, mouse: options.mouse)
        box.screen = self
        startInputThread()
    }

    deinit { shutdown() }

    /// The terminfo name with direct (24-bit) colour to try for this TERM and COLORTERM.
    static func directColorTerminalName(term: String?, colorterm: String?) -> String? {
        guard let term, !term.isEmpty, let colorterm, ["truecolor", "24bit"].contains(colorterm.lowercased()) else { return nil }
        if term.hasSuffix("-direct") { return nil }
        let base = term.split(separator: "-").first.map(String.init) ?? term
        return "\(base)-direct"
    }

    /// Fails fast, before any slow set-up, when there is no terminal to take over.
    public static func requireTerminal(command: String) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(command: command) }
    }

    public var size: TerminalSize { lock.withLock { currentSize } }

    /// The terminal's colour capability as ncurses reported it.
    public var colorDepth: ColorDepth { depth }

    public func invalidate() {
        lock.withLock {
            guard !isClosed else { return }
            clearok(promdeck_curscr(), true)
            werase(promdeck_stdscr())
        }
    }

    public func guardCurrentThread() {
        CrashRestore.guardCurrentThread()
    }

    public func copyToClipboard(_ text: String) -> String? {
        guard let sequence = OSC52.sequence(text) else { return "too long for the terminal's clipboard" }
        return lock.withLock { () -> String? in
            guard !isClosed else { return "the terminal is closed" }
            // Straight to the tty (ncurses flushes its own output in every present, under
            // this lock, so the two never interleave); the sequence draws nothing.
            let bytes = Array(sequence.utf8)
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            return written == bytes.count ? nil : "writing to the terminal failed"
        }
    }

    public func suspend() {
        lock.withLock {
            guard !isClosed else { return }
            endwin()
            CursesScreen.stopUntilContinued()
            // Back in the foreground: the size may have changed while we were stopped.
            refreshSizeLocked()
            clearok(promdeck_curscr(), true)
            doupdate()
        }
        continuation.yield(.resize(size))
    }

    public func shutdown() {
        let wasOpen = lock.withLock {
            guard !isClosed else { return false }
            isClosed = true
            if sgrMouse { _ = promdeck_putp("\u{1B}[?1006l") }
            mousemask(0, nil)
            curs_set(1)
            endwin()
            crashRestore?.finish()
            crashRestore = nil
            return true
        }
        guard wasOpen else { return }
        signals?.cancel()
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
        continuation.finish()
    }

    // MARK: Resize and suspend

    /// SIGWINCH: ask the tty for its size, tell ncurses, report it.
    func handleResize() {
        let size: TerminalSize? = lock.withLock {
            guard !isClosed else { return nil }
            refreshSizeLocked()
            return currentSize
        }
        if let size { continuation.yield(.resize(size)) }
    }

    /// Requires `lock`.
    func refreshSizeLocked() {
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 {
            resize_term(Int32(window.ws_row), Int32(window.ws_col))
        }
        currentSize = TerminalSize(width: Int(getmaxx(promdeck_stdscr())), height: Int(getmaxy(promdeck_stdscr())))
    }

    /// Stops the process the way the shell expects for Ctrl-Z (SIGTSTP with its default
    /// action), then puts our handler back once we are continued.
    private static func stopUntilContinued() {
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = nil
        var saved = sigaction()
        sigaction(SIGTSTP, &defaultAction, &saved)
        var only = sigset_t(), previousMask = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &only, &previousMask)
        raise(SIGTSTP)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        sigaction(SIGTSTP, &saved, nil)
    }
}

/// Lets the signal handler reach the screen without keeping it alive.
private final class WeakScreen: @unchecked Sendable {
    private let lock = NSLock()
    private weak var target: CursesScreen?

    var screen: CursesScreen? {
        get { lock.withLock { target } }
        set { lock.withLock { target = newValue } }
    }
}
