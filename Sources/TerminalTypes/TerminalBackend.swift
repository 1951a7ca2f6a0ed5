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
}
