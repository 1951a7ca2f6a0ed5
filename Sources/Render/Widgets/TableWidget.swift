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
        let explorer = model.explorer
        // The column cursor scrolls the columns: the first one shown is the leftmost from
        // which the cursor's column still fits.
        let cursorColumn = explorer.map { min(max(0, $0.column), model.columns.count - 1) }
        var firstColumn = 0
        var layout = Self.visibleWidths(Array(natural[0...]), total: area.width)
        if let cursorColumn {
            while firstColumn < cursorColumn, firstColumn + layout.count <= cursorColumn {
                firstColumn += 1
                layout = Self.visibleWidths(Array(natural[firstColumn...]), total: area.width)
            }
        }
        let widths = layout
        func drawRow(_ texts: [String], styles: [Style], y: Int) {
            var x = area.x
            for (offset, width) in widths.enumerated() {
                let index = firstColumn + offset
                guard index < texts.count, index < styles.count else { break }
                let text = TextFit.truncate(theme.ascii ? Sanitizer.ascii(texts[index]) : texts[index], to: width, ellipsis: theme.glyphs.ellipsis)
                let pad = model.columns.indices.contains(index) && model.columns[index].numeric ? width - DisplayWidth.of(text) : 0
                buffer.write(text, x: x + pad, y: y, style: styles[index], clip: area)
                x += width + 1
            }
        }
        let headerStyles = headers.indices.map { index in
            Style(attributes: index == cursorColumn ? [.bold, .underline, .reverse] : [.bold, .underline])
        }
        drawRow(headers, styles: headerStyles, y: area.y)
        guard area.height > 1 else { return }
        guard let explorer else {
            // A panel on the dashboard: the rows from `rowOffset`; when they overflow, the
            // last line says how many are hidden.
            let overflow = model.rows.count > area.height - 1
            let bodyRows = overflow ? area.height - 2 : area.height - 1
            let start = max(0, min(rowOffset, max(0, model.rows.count - bodyRows)))
            let shown = model.rows.dropFirst(start).prefix(bodyRows)
            for (offset, row) in shown.enumerated() {
                drawRow(row.map(\.text), styles: row.map { theme.style(for: $0.color) }, y: area.y + 1 + offset)
            }
            if overflow {
                let hidden = model.rows.count - shown.count
                buffer.write("+\(hidden) more row\(hidden == 1 ? "" : "s")", x: area.x, y: area.maxY - 1, style: theme.dimText, clip: area)
            }
            return
        }
        if model.rows.isEmpty {
            let text = explorer.filter.isEmpty ? "No rows" : "No rows match /\(explorer.filter)"
            buffer.write(text, x: area.x, y: area.y + 1, style: theme.dimText, clip: area)
            return
        }
        // The cursor's row reversed across the table; the last line says where it is.
        let bodyRows = TableExplorer.bodyRows(height: area.height)
        var cursor = explorer.rows
        cursor.clamp(count: model.rows.count, visibleRows: bodyRows)
        let range = cursor.visibleRange(count: model.rows.count, visibleRows: bodyRows)
        for (offset, index) in range.enumerated() {
            let row = model.rows[index]
            let y = area.y + 1 + offset
            var styles = row.map { theme.style(for: $0.color) }
            if index == cursor.selection {
                styles = styles.map { $0.with(.reverse) }
                buffer.fill(Rect(x: area.x, y: y, width: min(area.width, widths.reduce(0, +) + max(0, widths.count - 1)), height: 1),
                            with: Cell(" ", style: Style(attributes: .reverse)))
            }
            drawRow(row.map(\.text), styles: styles, y: y)
        }
        guard area.height > 2 else { return }
        var status = "row \(cursor.selection + 1)/\(model.rows.count)"
        if firstColumn > 0 || firstColumn + widths.count < model.columns.count {
            status += "  col \((cursorColumn ?? 0) + 1)/\(model.columns.count)"
        }
        if !explorer.filter.isEmpty { status += "  /" + explorer.filter }
        buffer.writeFitted(status, x: area.x, y: area.maxY - 1, style: theme.dimText, area: area, theme: theme)
    }

    /// Widths of the columns that fit in `total` columns, the rest dropped from the right.
    static func visibleWidths(_ natural: [Int], total: Int) -> [Int] {
        let widths = fitWidths(natural: natural, total: total)
        var used = 0
        var visible = 0
        for width in widths {
            if used + width > total { break }
            used += width + 1
            visible += 1
        }
        return Array(widths.prefix(max(1, visible)))
    }
}

extension Style {
    func with(_ attributes: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }
}
