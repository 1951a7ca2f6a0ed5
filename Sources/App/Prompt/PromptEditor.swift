/// The `:` prompt's line: its text and a cursor, edited as readline edits a line.
///
/// A pure value: every key is a method that changes it, so the editor is tested key by key.
/// The cursor counts `Character`s (grapheme clusters), so ←, → and Backspace step over a
/// whole "🇯🇵" or "é" however many scalars it has; widths on screen come from `DisplayWidth`.
public struct PromptEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// 0...characters.count: the cursor sits before `characters[cursor]`.
    public private(set) var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        characters = Array(text)
        self.cursor = max(0, min(cursor ?? characters.count, characters.count))
    }

    public var text: String { String(characters) }
    /// The text before the cursor (what completion looks at).
    public var beforeCursor: String { String(characters[..<cursor]) }

    public mutating func insert(_ string: String) {
        let new = Array(string)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Backspace: the character before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Delete: the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-U: from the start of the line to the cursor.
    public mutating func killToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: from the cursor to the end of the line.
    public mutating func killToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Ctrl-W: the word before the cursor and the spaces after it, as readline's
    /// `unix-word-rubout` (words end at whitespace) would be too coarse for PromQL, so a word
    /// here is a run of name characters or a run of other non-space characters.
    public mutating func killWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        if start > 0 {
            let isName = Self.isNameCharacter(characters[start - 1])
            while start > 0, !characters[start - 1].isWhitespace, Self.isNameCharacter(characters[start - 1]) == isName { start -= 1 }
        }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Replaces the `count` characters before the cursor with `replacement` (completion).
    public mutating func replaceBeforeCursor(count: Int, with replacement: String) {
        let start = max(0, cursor - count)
        let new = Array(replacement)
        characters.replaceSubrange(start..<cursor, with: new)
        cursor = start + new.count
    }

    /// Letters, digits, `_` and `:`: what PromQL names are made of.
    static func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == ":" }
}
