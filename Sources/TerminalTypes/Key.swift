/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (any script; a grapheme from one key press).
    case char(Character)
    /// Ctrl plus a letter: `.ctrl("c")`.
    case ctrl(Character)
    case up, down, left, right
    case tab, backTab, enter, escape, backspace, delete
    case pageUp, pageDown, home, end, insert
    case function(Int)

    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .insert: "Insert"
        case .function(let n): "F\(n)"
        }
    }
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Terminal size in cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }
}

/// What the terminal tells the program: input, a new size, or a signal turned into an event.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(TerminalSize)
    /// SIGINT, SIGTERM or SIGHUP: the program should shut down cleanly.
    case terminate(signal: Int32)
    /// Ctrl-Z (SIGTSTP): the program should call `suspend()` on the backend.
    case suspend
}
