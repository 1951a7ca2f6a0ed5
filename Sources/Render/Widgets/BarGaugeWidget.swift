/// Grafana's bar gauge: one bar per value, basic (one colour), gradient (each cell in the
/// colour of the threshold it reaches) or LCD (separate cells, unlit ones dim), horizontal
/// (name, bar, value) or vertical (value on top, name below).
public struct BarGaugeWidget: Widget {
    public var model: BarGaugeModel

    public init(model: BarGaugeModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !model.values.isEmpty, !area.isEmpty else { return }
        if model.vertical { renderVertical(into: &buffer, area: area, theme: theme) } else { renderHorizontal(into: &buffer, area: area, theme: theme) }
    }

    /// Style of the cell at a position 0…1 of the bar.
    func cellStyle(at fraction: Double, value: ReducedValue, theme: Theme) -> Style {
        switch model.mode {
        case .basic: return theme.style(for: value.display.color)
        case .gradient, .lcd:
            let position = model.min + fraction * (model.max - model.min)
            let marker = model.markers.last { $0.value <= position }
            let base = ValueColor(name: baseColorName(value), level: 0)
            return theme.style(for: marker?.color ?? base)
        }
    }

    private func baseColorName(_ value: ReducedValue) -> String {
        model.markers.isEmpty ? (value.display.color?.name ?? "green") : (value.display.color?.level == 0 ? value.display.color?.name ?? "green" : "green")
    }

    func glyph(lit: Bool, index: Int, theme: Theme) -> String {
        switch model.mode {
        case .lcd: return lit ? (theme.ascii ? "#" : "▮") : (theme.ascii ? "." : "▯")
        default: return lit ? theme.glyphs.fullBlock : theme.glyphs.lightShade
        }
    }

    func renderHorizontal(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let count = model.values.count
        let rowsEach = max(1, area.height / count)
        let nameWidth = min(max(model.values.map { DisplayWidth.of($0.name) }.max() ?? 0, 4), area.width / 3)
        let valueWidth = min(model.values.map { DisplayWidth.of($0.display.text) }.max() ?? 0, area.width / 4)
        for (index, value) in model.values.enumerated() {
            let top = area.y + index * rowsEach
            guard top < area.maxY else { break }
            // With two or more rows per bar, the name sits above the bar.
            let nameAbove = rowsEach >= 2 && area.width < 60
            let barY = nameAbove ? top + 1 : top
            let barX = nameAbove ? area.x : area.x + nameWidth + 1
            let barWidth = area.maxX - barX - valueWidth - 1
            if nameAbove {
                buffer.writeFitted(value.name, x: area.x, y: top, style: theme.dimText, area: area, theme: theme)
            } else {
                buffer.writeFitted(TextFit.truncate(value.name, to: nameWidth, ellipsis: theme.glyphs.ellipsis), x: area.x, y: top, style: theme.dimText, area: Rect(x: area.x, y: top, width: nameWidth, height: 1), theme: theme)
            }
            guard barWidth > 0, barY < area.maxY else { continue }
            let lit = Int(cells: value.display.percent * Double(barWidth))
            for column in 0..<barWidth {
                let isLit = column < lit
                let style = isLit ? cellStyle(at: (Double(column) + 0.5) / Double(barWidth), value: value, theme: theme) : theme.dimText
                let symbol = model.mode == .lcd && column % 2 == 1 ? " " : glyph(lit: isLit, index: column, theme: theme)
                buffer[barX + column, barY] = Cell(symbol, style: isLit && theme.isMonochrome ? Style(attributes: .bold) : style)
            }
            let text = TextFit.truncate(value.display.text, to: valueWidth, ellipsis: theme.glyphs.ellipsis)
            buffer.write(text, x: area.maxX - DisplayWidth.of(text), y: barY, style: theme.style(for: value.display.color, bold: true), clip: area)
        }
    }

    func renderVertical(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let columns = Split.grid(area, count: model.values.count, horizontal: true)
        for (value, column) in zip(model.values, columns) {
            guard column.height >= 3, column.width >= 1 else { continue }
            buffer.writeCentered(value.display.text, y: column.y, style: theme.style(for: value.display.color, bold: true), area: column, theme: theme)
            buffer.writeCentered(value.name, y: column.maxY - 1, style: theme.dimText, area: column, theme: theme)
            let barHeight = column.height - 2
            let barWidth = max(1, min(column.width - 2, column.width * 2 / 3))
            let barX = column.x + (column.width - barWidth) / 2
            let eighths = Int(cells: value.display.percent * Double(barHeight * 8))
            for row in 0..<barHeight {
                let filled = eighths - row * 8
                let y = column.maxY - 2 - row
                let style = filled > 0 ? cellStyle(at: (Double(row) + 0.5) / Double(barHeight), value: value, theme: theme) : theme.dimText
                let symbol: String
                if filled >= 8 || (filled > 0 && model.mode != .basic) { symbol = glyph(lit: true, index: row, theme: theme) }
                else if filled > 0 { symbol = theme.glyphs.verticalLevels[filled - 1] }
                else { symbol = glyph(lit: false, index: row, theme: theme) }
                for x in barX..<(barX + barWidth) {
                    buffer[x, y] = Cell(model.mode == .lcd && row % 2 == 1 ? " " : symbol, style: filled > 0 && theme.isMonochrome ? Style(attributes: .bold) : style)
                }
            }
        }
    }
}
