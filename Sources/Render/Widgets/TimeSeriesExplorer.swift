import PromModel

/// The zoomed time series' legend list and cursor box (`SeriesExplorer`).
extension TimeSeriesWidget {
    /// One row per series the filter leaves, scrolled to keep the selection in view; the
    /// selected row reversed, hidden series marked "○" and dimmed; "3/43" when it scrolls.
    func drawLegendList(_ explorer: SeriesExplorer, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let entries = SeriesExplorer.entries(of: model, filter: explorer.filter)
        guard !entries.isEmpty else {
            let text = explorer.filter.isEmpty ? "No series" : "No series match /\(explorer.filter)"
            buffer.write(text, x: area.x, y: area.y, style: theme.dimText, clip: area)
            return
        }
        let selection = min(max(0, explorer.selection), entries.count - 1)
        let rows = area.height
        let first = max(0, min(selection - rows / 2, entries.count - rows))
        let position = entries.count > rows ? " \(selection + 1)/\(entries.count)" : ""
        let nameWidth = min(max(8, area.width / 2), entries.map { DisplayWidth.of($0.name) }.max() ?? 0)
        for (offset, line) in entries[first..<min(entries.count, first + rows)].enumerated() {
            let y = area.y + offset
            let hidden = explorer.hidden.contains(line.name)
            let selected = first + offset == selection
            var (symbol, style) = marker(line, theme: theme)
            if hidden { (symbol, style) = (SeriesMarker.hidden(theme: theme), theme.dimText) }
            var text = TextFit.truncate(line.name, to: nameWidth, ellipsis: theme.glyphs.ellipsis)
            text += String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(text)))
            let values = Self.calcsText(line)
            if !values.isEmpty { text += "  " + values }
            let room = area.width - 2 - (offset == 0 ? DisplayWidth.of(position) : 0)
            text = TextFit.truncate(text, to: max(1, room), ellipsis: theme.glyphs.ellipsis)
            var textStyle = hidden ? theme.dimText : Style.plain
            if selected { textStyle.attributes.insert(.reverse) }
            let x = buffer.write(symbol + " ", x: area.x, y: y, style: style, clip: area)
            buffer.write(text, x: x, y: y, style: textStyle, clip: area)
            if offset == 0, !position.isEmpty {
                buffer.write(position, x: area.maxX - DisplayWidth.of(position), y: y, style: theme.dimText, clip: area)
            }
        }
    }

    /// The cursor's time: `cursorStep` steps from the start, kept inside the range.
    func cursorTime(_ explorer: SeriesExplorer) -> Int64? {
        guard let step = explorer.cursorStep else { return nil }
        let last = Int((model.end - model.start) / model.step)
        return model.start + Int64(min(max(0, step), last)) * model.step
    }

    /// A series' value at `time`: the sample nearest to it within half a step either side.
    static func value(of line: TimeSeriesLine, at time: Int64, step: Int64) -> Double? {
        var best: Sample?
        for point in line.points where abs(point.timestamp - time) * 2 <= step {
            if best.map({ abs(point.timestamp - time) < abs($0.timestamp - time) }) ?? true { best = point }
        }
        return best.map(\.value)
    }

    /// A vertical line at the cursor and, beside it, a box with the time and every drawn
    /// series' value there, highest first (Grafana's tooltip with mode "all", sort
    /// "descending"); the box sits on the side away from the cursor so it never covers it.
    func drawCursor(_ explorer: SeriesExplorer, into buffer: inout Buffer, plot: Rect, theme: Theme) {
        guard let time = cursorTime(explorer), plot.width >= 4, plot.height >= 1 else { return }
        let span = Double(max(1, model.end - model.start))
        let column = plot.x + Int(cells: Double(time - model.start) / span * Double(plot.width - 1))
        for y in plot.y..<plot.maxY {
            var cell = buffer[column, y]
            // The data shows through where it is drawn (reversed); elsewhere the cursor's bar.
            if cell.symbol == " " {
                cell = Cell(theme.glyphs.vertical, style: theme.dimText)
            } else if !cell.isContinuation {
                cell.style.attributes.insert(.reverse)
            }
            buffer[column, y] = cell
        }
        let values = drawnLines.filter(\.inLegend).map { ($0, Self.value(of: $0, at: time, step: model.step)) }
        let sorted = values.sorted { a, b in
            switch (a.1, b.1) {
            case let (x?, y?) where x.isFinite && y.isFinite: x > y
            case (let x?, _) where x.isFinite: true
            default: false
            }
        }
        var rows = sorted.map { line, value -> (String, Style, String, String) in
            let (symbol, style) = marker(line, theme: theme)
            return (symbol, style, line.name, value.map { model.processor.format($0) } ?? "-")
        }
        let header = TimeLabels.dateTime(time, offset: theme.options.timeZoneOffset)
        let room = max(0, plot.height - 3)
        var more = ""
        if rows.count > room {
            more = "+\(rows.count - max(0, room - 1)) more"
            rows = Array(rows.prefix(max(0, room - 1)))
        }
        let valueWidth = rows.map { DisplayWidth.of($0.3) }.max() ?? 0
        let maxName = rows.map { DisplayWidth.of($0.2) }.max() ?? 0
        let side = max(0, max(column - plot.x, plot.maxX - column - 1) - 1)
        let inner = min(side - 2, max(DisplayWidth.of(header), DisplayWidth.of(more), maxName + valueWidth + 4))
        guard inner >= 6 else { return }
        let nameWidth = max(1, inner - valueWidth - 4)
        let height = min(plot.height, rows.count + 3 + (more.isEmpty ? 0 : 1))
        let left = column - plot.x >= plot.maxX - column - 1
        let box = Rect(x: left ? column - 1 - (inner + 2) : column + 2, y: plot.y, width: inner + 2, height: height)
        drawBox(box, into: &buffer, theme: theme)
        let content = box.inset(by: 1)
        buffer.write(header, x: content.x, y: content.y, style: Style(attributes: .bold), clip: content)
        for (offset, row) in rows.enumerated() {
            let y = content.y + 1 + offset
            let x = buffer.write(row.0 + " ", x: content.x, y: y, style: row.1, clip: content)
            buffer.write(TextFit.truncate(row.2, to: nameWidth, ellipsis: theme.glyphs.ellipsis), x: x, y: y, clip: content)
            buffer.write(row.3, x: content.maxX - DisplayWidth.of(row.3), y: y, clip: content)
        }
        if !more.isEmpty { buffer.write(more, x: content.x, y: content.y + 1 + rows.count, style: theme.dimText, clip: content) }
    }

    private func drawBox(_ box: Rect, into buffer: inout Buffer, theme: Theme) {
        let g = theme.glyphs
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX {
                let edgeX = x == box.x || x == box.maxX - 1, edgeY = y == box.y || y == box.maxY - 1
                let symbol: String
                switch (edgeX, edgeY) {
                case (true, true): symbol = y == box.y ? (x == box.x ? g.topLeft : g.topRight) : (x == box.x ? g.bottomLeft : g.bottomRight)
                case (true, false): symbol = g.vertical
                case (false, true): symbol = g.horizontal
                case (false, false): symbol = " "
                }
                buffer[x, y] = Cell(symbol, style: edgeX || edgeY ? theme.border : .plain)
            }
        }
    }
}
