/// The `:` prompt's line: the label, then the text scrolled so the cursor stays in view,
/// the character under the cursor reversed (a block after the end).
public struct PromptLineWidget: Widget {
    public var prompt: PromptLine

    public init(prompt: PromptLine) { self.prompt = prompt }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        // One cell per character's display width, the same cells the cursor counts.
        let characters = prompt.text.map { theme.displayed(Sanitizer.visible(String($0))) }
        let cursor = max(0, min(prompt.cursor, characters.count))
        let label = theme.displayed(prompt.label)
        let ellipsis = theme.glyphs.ellipsis
        let room = line.width - DisplayWidth.of(label)
        // The first character shown: as far left as still keeps the cursor's cell in view.
        var first = 0
        func width(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + DisplayWidth.of($1) } }
        while first < cursor, width(first..<cursor) + 1 + (first > 0 ? DisplayWidth.of(ellipsis) : 0) > room { first += 1 }
        var x = buffer.write(label, x: line.x, y: line.y, style: Style(attributes: .bold), clip: line)
        if first > 0 { x = buffer.write(ellipsis, x: x, y: line.y, style: .plain, clip: line) }
        for index in first..<characters.count {
            let style = index == cursor ? Style(attributes: [.bold, .reverse]) : Style(attributes: .bold)
            guard x + DisplayWidth.of(characters[index]) <= line.maxX else { break }
            x = buffer.write(characters[index], x: x, y: line.y, style: style, clip: line)
        }
        if cursor == characters.count { buffer.write(theme.glyphs.fullBlock, x: x, y: line.y, style: .plain, clip: line) }
    }
}

/// Lines over the bottom of the screen, just above the prompt: its syntax error with the
/// caret, or completion candidates. Cleared behind, as wide as the widest line.
public struct PromptPopupWidget: Widget {
    public var lines: [DialogModel.Line]

    public init(lines: [DialogModel.Line]) { self.lines = lines }

    /// `area` is the screen; the popup sits on the lines above its last.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let shown = Array(lines.suffix(max(0, area.height - 2)))
        guard !shown.isEmpty, area.width > 2 else { return }
        let texts = shown.map { theme.displayed(Sanitizer.visible($0.text)) }
        let width = min(area.width, (texts.map(DisplayWidth.of).max() ?? 0) + 2)
        let top = area.maxY - 1 - shown.count
        for (index, text) in texts.enumerated() {
            let row = Rect(x: area.x, y: top + index, width: width, height: 1)
            buffer.fill(row, with: .blank)
            buffer.writeFitted(" " + text, x: row.x, y: row.y, style: theme.style(for: shown[index].role), area: row, theme: theme)
        }
    }
}
