/// alertlist: a line per alert — state marker and state, name, how long, summary — in the
/// state's colour (firing red, pending orange, normal green); "No alerts" when empty.
public struct AlertListWidget: Widget {
    public var model: AlertListModel

    public init(model: AlertListModel) { self.model = model }

    static func color(_ state: String) -> ValueColor {
        ValueColor(name: state == "firing" ? "red" : state == "pending" ? "orange" : "green", level: state == "firing" ? 2 : state == "pending" ? 1 : 0)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        if model.items.isEmpty {
            MessageWidget(["No alerts"], style: theme.dimText).render(into: &buffer, area: area, theme: theme)
            return
        }
        let stateWidth = model.items.map { $0.state.count }.max() ?? 0
        for (index, item) in model.items.prefix(area.height).enumerated() {
            let y = area.y + index
            let stateStyle = theme.isMonochrome ? Style(attributes: item.state == "firing" ? [.bold, .reverse] : item.state == "pending" ? .bold : []) : theme.style(for: Self.color(item.state), bold: true)
            let padded = item.state + String(repeating: " ", count: stateWidth - item.state.count)
            var x = buffer.writeFitted(theme.glyphs.bullet + " " + padded, x: area.x, y: y, style: stateStyle, area: area, theme: theme)
            x = buffer.writeFitted(" " + item.name, x: x, y: y, style: Style(attributes: .bold), area: area, theme: theme)
            if !item.since.isEmpty { x = buffer.writeFitted(" " + item.since, x: x, y: y, style: theme.dimText, area: area, theme: theme) }
            if !item.summary.isEmpty { buffer.writeFitted(" " + item.summary, x: x, y: y, style: .plain, area: area, theme: theme) }
        }
    }
}

/// dashlist: a line per dashboard with its tags; the one on screen is marked.
public struct DashListWidget: Widget {
    public var model: DashListModel

    public init(model: DashListModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        if model.items.isEmpty {
            MessageWidget(["No dashboards"], style: theme.dimText).render(into: &buffer, area: area, theme: theme)
            return
        }
        let range = model.cursor?.visibleRange(count: model.items.count, visibleRows: area.height) ?? 0..<min(model.items.count, area.height)
        var cursor = model.cursor
        cursor?.clamp(count: model.items.count, visibleRows: area.height)
        for (offset, index) in range.enumerated() {
            let item = model.items[index]
            let y = area.y + offset
            let marker = item.current ? theme.glyphs.rowCollapsed : " "
            var style = item.current ? Style(attributes: .bold) : Style.plain
            if cursor?.selection == index {
                style = theme.selected
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: style))
            }
            let x = buffer.writeFitted(marker + " " + item.title, x: area.x, y: y, style: style, area: area, theme: theme)
            if !item.tags.isEmpty {
                buffer.writeFitted("  " + item.tags.map { "[\($0)]" }.joined(separator: " "), x: x, y: y, style: theme.dimText, area: area, theme: theme)
            }
        }
    }
}
