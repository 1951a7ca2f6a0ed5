import Render

/// Where frames go and input comes from: ncurses on a real terminal, or memory in tests.
///
/// Calls come from one task at a time (the viewer's run loop); implementations guard their
/// own internals against their input thread.
public protocol TerminalBackend: AnyObject, Sendable {
    /// The current size in cells.
    var size: TerminalSize { get }
    /// Paints changed runs into the pending frame (nothing is shown until `present`).
    func draw(_ runs: [CellRun])
    /// Shows the pending frame: one refresh per frame.
    func present()
    /// Forgets what is on screen, so the next frame must be drawn in full (after a resize,
    /// a resume, or anything else that may have scribbled on the terminal).
    func invalidate()
    /// Input, resizes and signals, in arrival order. Finishes after `shutdown`.
    var events: AsyncStream<TerminalEvent> { get }
    /// Leaves the screen for the shell (Ctrl-Z), stops the process, and comes back when it
    /// is continued; the caller then redraws in full.
    func suspend()
    /// Restores the terminal. Safe to call more than once and from any way out.
    func shutdown()
    /// Puts `text` on the terminal's clipboard (OSC 52); nil when sent, else why not.
    /// Whether the terminal honours it cannot be known (tmux needs `set-clipboard on`).
    func copyToClipboard(_ text: String) -> String?
    /// Lets a crash on the calling thread, a stack overflow included, still give the terminal
    /// back (the fatal-signal handler needs an alternate stack on each thread it may run on).
    /// The viewer calls it from each task it starts.
    func guardCurrentThread()
}

extension TerminalBackend {
    /// Backends that never take the terminal over have nothing to guard.
    public func guardCurrentThread() {}
}

/// OSC 52's `ESC ] 52 ; c ; base64 BEL`, which xterm, kitty, iTerm2, WezTerm, foot and tmux
/// (with `set-clipboard on`) read as "set the clipboard".
public enum OSC52 {
    /// xterm's default limit on a selection it accepts, and tmux's; longer is refused here.
    public static let maximumEncodedBytes = 100_000

    public static func sequence(_ text: String) -> String? {
        let encoded = base64(Array(text.utf8))
        guard encoded.utf8.count <= maximumEncodedBytes else { return nil }
        return "\u{1B}]52;c;\(encoded)\u{07}"
    }

    /// RFC 4648 base64 with padding (TerminalTypes links no Foundation).
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index], b1 = index + 1 < bytes.count ? bytes[index + 1] : 0, b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
