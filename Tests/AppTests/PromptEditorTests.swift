import Testing
import TerminalTypes
@testable import App

/// The `:` prompt's editor and history, key by key.
@Suite struct PromptEditorTests {
    private func editing(_ text: String, cursor: Int? = nil, history: [String] = [], _ keys: Key...) -> PromptState {
        var prompt = PromptState(text: text)
        prompt.editor = PromptEditor(text, cursor: cursor)
        for key in keys { _ = prompt.handle(key, history: history) }
        return prompt
    }

    @Test func cursorKeysMoveOverGraphemeClusters() {
        // 🇯🇵 is two scalars and é here is e + a combining accent: one step each.
        var prompt = editing("a🇯🇵e\u{301}b", .left)
        #expect(prompt.editor.cursor == 3)
        _ = prompt.handle(.left, history: [])
        _ = prompt.handle(.left, history: [])
        #expect(prompt.editor.beforeCursor == "a")
        _ = prompt.handle(.backspace, history: [])
        #expect(prompt.text == "🇯🇵e\u{301}b" && prompt.editor.cursor == 0)
        _ = prompt.handle(.delete, history: [])
        #expect(prompt.text == "e\u{301}b")
        _ = prompt.handle(.left, history: [])
        #expect(prompt.editor.cursor == 0, "← stops at the start")
        _ = prompt.handle(.end, history: [])
        _ = prompt.handle(.right, history: [])
        #expect(prompt.editor.cursor == 2, "→ stops at the end")
    }

    @Test func homeEndAndTheirControlKeys() {
        #expect(editing("rate(x)", .home).editor.cursor == 0)
        #expect(editing("rate(x)", .ctrl("a")).editor.cursor == 0)
        #expect(editing("rate(x)", cursor: 0, .end).editor.cursor == 7)
        #expect(editing("rate(x)", cursor: 0, .ctrl("e")).editor.cursor == 7)
    }

    @Test func typingInsertsAtTheCursor() {
        let prompt = editing("rate(x)", cursor: 5, .char("m"), .char("_"))
        #expect(prompt.text == "rate(m_x)" && prompt.editor.cursor == 7)
    }

    @Test func killKeys() {
        #expect(editing("sum(rate(x[5m]))", cursor: 4, .ctrl("u")).text == "rate(x[5m]))")
        #expect(editing("sum(rate(x[5m]))", cursor: 4, .ctrl("k")).text == "sum(")
        // Ctrl-W takes a name, or a run of punctuation, and the spaces before the cursor.
        #expect(editing("sum by (job) (rate(http_requests_total", .ctrl("w")).text == "sum by (job) (rate(")
        #expect(editing("sum by (job) (rate(", .ctrl("w")).text == "sum by (job) (rate")
        #expect(editing("up and  ", .ctrl("w")).text == "up ")
        #expect(editing("", .ctrl("w")).text == "")
        #expect(editing("abc", cursor: 0, .ctrl("w"), .backspace).text == "abc")
    }

    @Test func historyUpAndDown() {
        let history = ["up", "rate(x[5m])"]
        var prompt = PromptState(text: "draft")
        _ = prompt.handle(.up, history: history)
        #expect(prompt.text == "rate(x[5m])" && prompt.historyIndex == 0)
        _ = prompt.handle(.up, history: history)
        _ = prompt.handle(.up, history: history)
        #expect(prompt.text == "up" && prompt.historyIndex == 1, "↑ stops at the oldest")
        _ = prompt.handle(.down, history: history)
        #expect(prompt.text == "rate(x[5m])" && prompt.historyIndex == 0)
        _ = prompt.handle(.down, history: history)
        #expect(prompt.text == "" && prompt.historyIndex == nil)
        #expect(prompt.handle(.down, history: history) == .ignored)
        // An edit leaves the history.
        _ = prompt.handle(.up, history: history)
        _ = prompt.handle(.char("x"), history: history)
        #expect(prompt.historyIndex == nil && prompt.text == "rate(x[5m])x")
    }

    @Test func ctrlRSearchesBackwards() {
        let history = ["rate(a[5m])", "up", "rate(b[5m])", "sum(up)"]
        var prompt = PromptState()
        _ = prompt.handle(.ctrl("r"), history: history)
        for c in "rate" { _ = prompt.handle(.char(c), history: history) }
        #expect(prompt.search?.match == 2)
        _ = prompt.handle(.ctrl("r"), history: history)
        #expect(prompt.search?.match == 0, "Ctrl-R again finds an older match")
        _ = prompt.handle(.ctrl("r"), history: history)
        #expect(prompt.search?.match == 0, "no older match keeps the one shown")
        _ = prompt.handle(.char("x"), history: history)
        #expect(prompt.search?.match == nil)
        #expect(prompt.line(history: history).label.hasPrefix("(failed reverse-i-search)"))
        _ = prompt.handle(.backspace, history: history)
        #expect(prompt.search?.match == 2)
        #expect(prompt.handle(.enter, history: history) == .edited, "Enter takes the match for editing, does not run it")
        #expect(prompt.search == nil && prompt.text == "rate(b[5m])" && prompt.historyIndex == 1)
        // Esc leaves the search with the line as it was.
        _ = prompt.handle(.ctrl("r"), history: history)
        _ = prompt.handle(.char("s"), history: history)
        _ = prompt.handle(.escape, history: history)
        #expect(prompt.search == nil && prompt.text == "rate(b[5m])")
    }

    @Test func outcomes() {
        var prompt = PromptState(text: "up")
        #expect(prompt.handle(.enter, history: []) == .submit("up"))
        #expect(prompt.handle(.escape, history: []) == .cancel)
        #expect(prompt.handle(.function(5), history: []) == .ignored)
    }
}
