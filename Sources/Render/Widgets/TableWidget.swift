/// A table: a bold header (with ▲/▼ on the sort column), label columns left-aligned, value
/// columns right-aligned, widths fitted to the area and cut with an ellipsis.
public struct TableWidget: Widget {
    public var model: TableModel
    /// First row shown (scrolling inside the panel).
    public var rowOffset: Int

    public init(model: TableModel, rowOffset: Int = 0) {
        self.model = model
        self.rowOffset = rowOffset
    }

    /// Column widths that fit `total` columns (with one space between columns): natural
    /// widths when they fit, otherwise the widest columns shrink first, to no less than 3.
    public static func fitWidths(natural: [Int], total: Int) -> [Int] {
        guard !natural.isEmpty else { return [] }
        var widths = natural.map { max(1, $0) }
        let available = total - (widths.count - 1)
        while widths.reduce(0, +) > available {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 else { break }
            widths[widest] -= 1
        }
        return widths
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty, !model.columns.isEmpty else { return }
        let indicator = { (index: Int) -> String in
            guard index == model.sortColumn else { return "" }
            return theme.ascii ? (model.descending ? " v" : " ^") : (model.descending ? " ▼" : " ▲")
        }
        let headers = model.columns.enumerated().map { $1.name + indicator($0) }
        let natural = headers.indices.map { column in
            max(DisplayWidth.of(headers[column]), model.rows.map { column < $0.count ? DisplayWidth.of($0[column].text) : 0 }.max() ?? 0)
        }
        var widths = TableWidget.fitWidths(natural: natural, total: area.width)
        // Columns that still do not fit are dropped from the right.
        var used = 0
        var visible = 0
        for width in widths {
            if used + width > area.width { break }
            used += width + 1
            visible += 1
        }
        widths = Array(widths.prefix(max(1, visible)))
        func drawRow(_ texts: [String], styles: [Style], numeric: [Bool], y: Int) {
            var x = area.x
            for (index, width) in widths.enumerated() where index < texts.count {
                let text = TextFit.truncate(theme.ascii ? Sanitizer.ascii(texts[index]) : texts[index], to: width, ellipsis: theme.glyphs.ellipsis)
                let pad = numeric[index] ? width - DisplayWidth.of(text) : 0
                buffer.write(text, x: x + pad, y: y, style: styles[index], clip: area)
                x += width + 1
            }
        }
        drawRow(headers, styles: headers.map { _ in Style(attributes: [.bold, .underline]) }, numeric: model.columns.map(\.numeric), y: area.y)
        guard area.height > 1 else { return }
        // When rows overflow, the last line says how many are hidden.
        let overflow = model.rows.count > area.height - 1
        let bodyRows = overflow ? area.height - 2 : area.height - 1
        let start = max(0, min(rowOffset, max(0, model.rows.count - bodyRows)))
        let shown = model.rows.dropFirst(start).prefix(bodyRows)
        for (offset, row) in shown.enumerated() {
            let styles = row.map { theme.style(for: $0.color) }
            drawRow(row.map(\.text), styles: styles, numeric: model.columns.map(\.numeric), y: area.y + 1 + offset)
        }
        if overflow {
            let hidden = model.rows.count - shown.count
            buffer.write("+\(hidden) more row\(hidden == 1 ? "" : "s")", x: area.x, y: area.maxY - 1, style: theme.dimText, clip: area)
        }
    }
}

extension Style {
    func with(_ attributes: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }
}
