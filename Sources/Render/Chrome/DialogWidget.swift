/// A dialog box centred in the area, cleared inside: a bordered title, the lines (a picker's
/// selection highlighted and kept in view, or a read-only list from its scroll line), and a
/// dim footer on the last inner line.
public struct DialogWidget: Widget {
    public var model: DialogModel

    public init(model: DialogModel) { self.model = model }

    /// The lines a dialog of `width` columns shows: long ones wrapped when the model wraps.
    public static func wrappedLines(_ model: DialogModel, innerWidth: Int) -> [DialogModel.Line] {
        guard model.wraps else { return model.lines }
        return model.lines.flatMap { line in TextFit.hardWrap(line.text, width: innerWidth - 2).map { DialogModel.Line($0, line.role) } }
    }

    /// Lines of list the dialog has room for on a screen `height` lines high.
    public static func visibleRows(screenHeight: Int) -> Int { max(1, screenHeight - 3) }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let widest = model.lines.map { DisplayWidth.of(theme.displayed($0.text)) }.max() ?? 10
        let wanted = max(model.minimumWidth, DisplayWidth.of(model.title) + 8, DisplayWidth.of(model.footer) + 4, widest + 4)
        let width = min(area.width - (area.width > 2 ? 2 : 0), wanted)
        // Each shown line remembers its model line, so a selection survives wrapping.
        let origins = model.wraps ? model.lines.indices.flatMap { index in
            Array(repeating: index, count: max(1, TextFit.hardWrap(model.lines[index].text, width: width - 4).count))
        } : Array(model.lines.indices)
        let lines = Self.wrappedLines(model, innerWidth: width - 2)
        let height = min(area.height, lines.count + 3)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, with: .blank)
        drawBorder(box, theme: theme, into: &buffer)
        let inner = box.inset(by: 1)
        let rows = max(1, inner.height - 1)
        let first: Int
        if let selection = model.selection.flatMap({ origins.firstIndex(of: $0) }), let top = model.top, !model.wraps {
            first = ListCursor(selection: selection, top: top).visibleRange(count: lines.count, visibleRows: rows).lowerBound
        } else if let selection = model.selection.flatMap({ origins.firstIndex(of: $0) }) {
            first = max(0, min(selection - rows / 2, lines.count - rows))
        } else {
            first = max(0, min(model.scroll, lines.count - rows))
        }
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.y + offset
            let selected = model.selection != nil && origins.indices.contains(first + offset) && origins[first + offset] == model.selection
            let style = selected ? theme.selected : theme.style(for: line.role)
            if selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: style)) }
            let row = Rect(x: inner.x + 1, y: y, width: max(0, inner.width - 2), height: 1)
            buffer.writeFitted(line.text, x: row.x, y: y, style: style, area: row, theme: theme)
        }
        let footer = Rect(x: inner.x + 1, y: inner.maxY - 1, width: max(0, inner.width - 1), height: 1)
        buffer.writeFitted(model.footer, x: footer.x, y: footer.y, style: theme.dimText, area: footer, theme: theme)
    }

    private func drawBorder(_ box: Rect, theme: Theme, into buffer: inout Buffer) {
        let g = theme.glyphs, style = theme.dialogBorder
        let right = box.maxX - 1, bottom = box.maxY - 1
        for x in box.x...right {
            buffer[x, box.y] = Cell(g.horizontal, style: style)
            buffer[x, bottom] = Cell(g.horizontal, style: style)
        }
        for y in box.y...bottom {
            buffer[box.x, y] = Cell(g.vertical, style: style)
            buffer[right, y] = Cell(g.vertical, style: style)
        }
        buffer[box.x, box.y] = Cell(g.topLeft, style: style)
        buffer[right, box.y] = Cell(g.topRight, style: style)
        buffer[box.x, bottom] = Cell(g.bottomLeft, style: style)
        buffer[right, bottom] = Cell(g.bottomRight, style: style)
        if !model.title.isEmpty, box.width > 4 {
            let titleArea = Rect(x: box.x + 1, y: box.y, width: box.width - 2, height: 1)
            buffer.writeFitted(" \(model.title) ", x: titleArea.x, y: box.y, style: theme.dialogTitle, area: titleArea, theme: theme)
        }
    }
}

extension Theme {
    /// The style of a dialog line's role.
    public func style(for role: DialogModel.Role) -> Style {
        switch role {
        case .plain: .plain
        case .heading: Style(attributes: .bold)
        case .dim: dimText
        case .error: errorText
        case .critical: errorText
        case .warning: warningText
        }
    }
}
