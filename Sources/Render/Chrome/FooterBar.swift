/// The bottom line: key hints (with the scroll position on the right when the dashboard is
/// taller than the screen), a status message, or the prompt with its cursor.
public struct FooterBar: Widget {
    public var model: FooterModel
    /// "rows 1-43/60", or nil.
    public var position: String?

    public init(model: FooterModel, position: String? = nil) {
        self.model = model
        self.position = position
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(line, with: .blank)
        if case .prompt(let prompt) = model {
            PromptLineWidget(prompt: prompt).render(into: &buffer, area: line, theme: theme)
            return
        }
        let shownPosition = position.map { " \(theme.displayed($0)) " } ?? ""
        let room = Rect(x: line.x, y: line.y, width: max(0, line.width - DisplayWidth.of(shownPosition)), height: 1)
        switch model {
        case .hints(let hints):
            let text = hints.map { "\($0.keys) \($0.action)" }.joined(separator: "  ")
            buffer.writeFitted(" " + text, x: room.x, y: line.y, style: theme.footer, area: room, theme: theme)
        case .status(let text, let isError):
            buffer.writeFitted(" " + text, x: room.x, y: line.y, style: isError ? theme.errorText : theme.statusText, area: room, theme: theme)
        case .prompt:
            break
        case .filter(let text, let editing, let hints):
            var x = buffer.write(" /" + theme.displayed(text), x: room.x, y: line.y, style: Style(attributes: .bold), clip: room)
            if editing { x = buffer.write(theme.glyphs.fullBlock, x: x, y: line.y, style: .plain, clip: room) }
            let rest = Rect(x: x, y: line.y, width: max(0, room.maxX - x), height: 1)
            let text = hints.map { "\($0.keys) \($0.action)" }.joined(separator: "  ")
            if !rest.isEmpty { buffer.writeFitted("  " + text, x: rest.x, y: line.y, style: theme.footer, area: rest, theme: theme) }
        }
        if !shownPosition.isEmpty {
            buffer.write(shownPosition, x: line.maxX - DisplayWidth.of(shownPosition), y: line.y, style: theme.footer, clip: line)
        }
    }
}
