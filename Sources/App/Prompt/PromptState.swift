import TerminalTypes

/// The `:` prompt while it is open: the line being edited, where ↑/↓ are in the history,
/// a Ctrl-R search, and the syntax error of the last Enter.
public struct PromptState: Hashable, Sendable {
    public var editor: PromptEditor
    /// Counts back from the newest entry while browsing with ↑/↓.
    public var historyIndex: Int?
    public var search: HistorySearch?
    /// The last Enter's parse error, shown under the line until the next edit.
    public var error: PromptError?
    /// Tab's candidates, while shown.
    public var completion: CompletionPopup?

    public init(text: String = "", historyIndex: Int? = nil) {
        editor = PromptEditor(text)
        self.historyIndex = historyIndex
    }

    public var text: String { editor.text }

    /// Ctrl-R: the newest history entry containing `query`, then older ones on each Ctrl-R.
    public struct HistorySearch: Hashable, Sendable {
        public var query = ""
        /// Index into the history (oldest first) of the entry shown, nil when none matches.
        public var match: Int?
    }

    /// What a key did, for the reducer to act on.
    public enum Outcome: Hashable, Sendable {
        case edited
        case ignored
        case cancel
        case submit(String)
    }

    /// Edits for one key. `history` is oldest first.
    public mutating func handle(_ key: Key, history: [String]) -> Outcome {
        if search != nil { return handleSearch(key, history: history) }
        let before = editor
        switch key {
        case .escape, .ctrl("g"): return .cancel
        case .enter: return .submit(editor.text)
        case .up, .ctrl("p"):
            guard !history.isEmpty else { return .ignored }
            let index = min(history.count - 1, (historyIndex ?? -1) + 1)
            editor = PromptEditor(history[history.count - 1 - index])
            historyIndex = index
            error = nil
            return .edited
        case .down, .ctrl("n"):
            guard let index = historyIndex else { return .ignored }
            editor = PromptEditor(index == 0 ? "" : history[history.count - index])
            historyIndex = index == 0 ? nil : index - 1
            error = nil
            return .edited
        case .ctrl("r"):
            search = HistorySearch()
            return .edited
        default:
            guard editor.edit(key) else { return .ignored }
        }
        if editor.text != before.text {
            historyIndex = nil
            error = nil
        }
        return .edited
    }

    private mutating func handleSearch(_ key: Key, history: [String]) -> Outcome {
        guard var search else { return .ignored }
        switch key {
        case .escape, .ctrl("g"):
            self.search = nil
            return .edited
        case .enter, .tab, .left, .right, .home, .end:
            // Readline keeps the match for editing; Enter here does not run it yet.
            if let match = search.match, history.indices.contains(match) {
                editor = PromptEditor(history[match])
                historyIndex = history.count - 1 - match
                error = nil
            }
            self.search = nil
            return .edited
        case .ctrl("r"):
            // Older matches than the one shown.
            search.match = Self.newest(containing: search.query, in: history, before: search.match ?? history.count) ?? search.match
        case .backspace, .ctrl("h"):
            search.query = String(search.query.dropLast())
            search.match = Self.newest(containing: search.query, in: history, before: history.count)
        case .char(let c):
            search.query.append(c)
            search.match = Self.newest(containing: search.query, in: history, before: search.match.map { $0 + 1 } ?? history.count)
        default: return .ignored
        }
        self.search = search
        return .edited
    }

    /// The newest entry before index `end` that contains `query` (any entry for "").
    static func newest(containing query: String, in history: [String], before end: Int) -> Int? {
        var index = min(end, history.count) - 1
        while index >= 0 {
            if query.isEmpty || history[index].contains(query) { return index }
            index -= 1
        }
        return nil
    }
}

/// A parse error of the prompt's query, as `promdeck query` reports it.
public struct PromptError: Hashable, Sendable {
    public var message: String
    /// Byte offset into the query (PromQL's errors count bytes), for the caret.
    public var position: Int?

    public init(message: String, position: Int?) {
        self.message = message
        self.position = position
    }
}
