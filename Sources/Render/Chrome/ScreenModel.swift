/// What the screen shows around and over the dashboard: the header bar, the footer line and
/// any dialog. The viewer builds it from its state; `snapshot` builds the same from the same
/// state, so both draw one frame.
public struct HeaderModel: Hashable, Sendable {
    public struct Variable: Hashable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var title: String
    /// "2/4" when there is more than one dashboard to switch between.
    public var position: String?
    public var variables: [Variable]
    /// "Last 1h", "now-2h to now-1h".
    public var timeRange: String
    /// "5s", or nil when auto-refresh is off.
    public var refresh: String?
    public var paused: Bool
    /// Queries are on their way.
    public var busy: Bool
    /// The datasources the screen's panels query (empty: not shown, as in `snapshot`).
    public var datasources: [DatasourceHealth]
    /// Last update, countdown and absolute range (nil: not shown, as in `snapshot`).
    public var clock: HeaderClock?

    public init(title: String, position: String? = nil, variables: [Variable] = [], timeRange: String, refresh: String? = nil,
                paused: Bool = false, busy: Bool = false, datasources: [DatasourceHealth] = [], clock: HeaderClock? = nil) {
        self.datasources = datasources
        self.clock = clock
        self.title = title
        self.position = position
        self.variables = variables
        self.timeRange = timeRange
        self.refresh = refresh
        self.paused = paused
        self.busy = busy
    }
}

/// The bottom line: key hints, a status message, or the `:` prompt being typed.
public enum FooterModel: Hashable, Sendable {
    public struct Hint: Hashable, Sendable {
        public var keys: String
        public var action: String

        public init(_ keys: String, _ action: String) {
            self.keys = keys
            self.action = action
        }
    }

    case hints([Hint])
    case status(String, isError: Bool)
    case prompt(PromptLine)
    /// The `/` filter: with a caret while typed, else before the hints.
    case filter(String, editing: Bool, hints: [Hint])
}

/// The `:` prompt as drawn: a label (":" or the history search's), the text with its cursor,
/// and lines shown just above it (a syntax error with its caret, completion candidates).
public struct PromptLine: Hashable, Sendable {
    public var label: String
    public var text: String
    /// In `Character`s into `text`.
    public var cursor: Int
    public var popup: [DialogModel.Line]

    public init(label: String = ":", text: String, cursor: Int? = nil, popup: [DialogModel.Line] = []) {
        self.label = label
        self.text = text
        self.cursor = cursor ?? text.count
        self.popup = popup
    }
}

/// A boxed list centred over the dashboard: help, pickers, inspect, alerts.
public struct DialogModel: Hashable, Sendable {
    /// What a line is, so the theme can style it (colours, or attributes in monochrome).
    public enum Role: Hashable, Sendable { case plain, heading, dim, error, critical, warning }

    public struct Line: Hashable, Sendable {
        public var text: String
        public var role: Role

        public init(_ text: String, _ role: Role = .plain) {
            self.text = text
            self.role = role
        }
    }

    public var title: String
    public var lines: [Line]
    /// The highlighted line of a picker, kept in view; nil for read-only dialogs.
    public var selection: Int?
    /// First line shown of a read-only dialog (clamped).
    public var scroll: Int
    public var footer: String
    /// The box is at least this wide (when the screen allows).
    public var minimumWidth: Int
    /// Long lines wrap (inspect) instead of being cut (pickers, whose lines are entries).
    public var wraps: Bool
    /// A picker's first line shown, kept by the viewer's `ListCursor` (the list scrolls as
    /// little as it can); nil centres the selection.
    public var top: Int?

    public init(title: String, lines: [Line], selection: Int? = nil, scroll: Int = 0, footer: String, minimumWidth: Int = 0,
                wraps: Bool = false, top: Int? = nil) {
        self.top = top
        self.title = title
        self.lines = lines
        self.selection = selection
        self.scroll = scroll
        self.footer = footer
        self.minimumWidth = minimumWidth
        self.wraps = wraps
    }
}
