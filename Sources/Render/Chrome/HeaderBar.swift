/// The top line: position and title, the variables' values, then on the right the time
/// range, the refresh period, a paused badge and a busy mark.
public struct HeaderBar: Widget {
    public var model: HeaderModel

    public init(model: HeaderModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let glyphs = theme.glyphs
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(line, with: Cell(" ", style: theme.headerBar))
        var right = ""
        if model.datasources.count > 1 {
            // Which servers answer: "a ok  b down" (a dead region's panels say why).
            right += " " + model.datasources.map { "\($0.name) \($0.state == .down ? "down" : $0.state == .up ? "ok" : "…")" }.joined(separator: "  ") + " |"
        }
        right += " " + model.timeRange
        if let refresh = model.refresh { right += " \(glyphs.refresh) \(refresh)" }
        let paused = model.paused ? " \(glyphs.paused) PAUSED" : ""
        let busy = model.busy ? " " + glyphs.busy : ""
        let rightText = theme.displayed(right), pausedText = theme.displayed(paused), busyText = theme.displayed(busy + " ")
        let rightWidth = DisplayWidth.of(rightText) + DisplayWidth.of(pausedText) + DisplayWidth.of(busyText)
        var x = max(line.x, line.maxX - rightWidth)
        x = buffer.write(rightText, x: x, y: line.y, style: theme.headerBar, clip: line)
        x = buffer.write(pausedText, x: x, y: line.y, style: theme.pausedBadge, clip: line)
        buffer.write(busyText, x: x, y: line.y, style: theme.headerBar, clip: line)

        let left = Rect(x: line.x, y: line.y, width: max(0, line.width - rightWidth - 1), height: 1)
        var title = " "
        if let position = model.position { title += "[\(position)] " }
        title += model.title
        let variables = model.variables.map { "$\($0.name)=\($0.value)" }.joined(separator: "  ")
        let end = buffer.writeFitted(title, x: left.x, y: line.y, style: theme.headerTitle, area: left, theme: theme)
        if !variables.isEmpty, end + 2 < left.maxX {
            buffer.writeFitted(variables, x: end + 2, y: line.y, style: theme.headerBar, area: left, theme: theme)
        }
    }
}
