/// Grafana's gauge: an arc (GaugeArc) when the pane has room, else a bar with the value
/// above, the bar in the value's colour, and a scale below with threshold markers (▲ in the
/// threshold's colour) between min and max.
public struct GaugeWidget: Widget {
    public var model: GaugeModel

    public init(model: GaugeModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !model.values.isEmpty, !area.isEmpty else { return }
        let cells = Split.grid(area, count: model.values.count, horizontal: area.width >= area.height * 2 || model.values.count <= 2)
        for (value, cell) in zip(model.values, cells) {
            renderOne(value, showName: model.values.count > 1, into: &buffer, area: cell, theme: theme)
        }
    }

    func renderOne(_ value: ReducedValue, showName: Bool, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        if GaugeArc.fits(inner) {
            GaugeArc(model: model).render(value, showName: showName, into: &buffer, area: inner, theme: theme)
            return
        }
        guard inner.width >= 3, inner.height >= 1 else {
            buffer.writeCentered(value.display.text, y: area.y, style: theme.style(for: value.display.color, bold: true), area: area, theme: theme)
            return
        }
        let glyphs = theme.glyphs
        let scaleRow = inner.height >= 3 ? inner.maxY - 1 : nil
        let barRow = inner.maxY - (scaleRow == nil ? 1 : 2)
        // Text rows above the bar: the value, with the name over it when there is room.
        let textRows = barRow - inner.y
        if textRows == 1 && showName {
            // No row for the name: it goes beside the value rather than away.
            NamedValueLine.draw(value, name: theme.dimText, value: theme.style(for: value.display.color, bold: true), into: &buffer, area: inner, y: inner.y, theme: theme)
        } else if textRows >= 1 {
            let valueRow = inner.y + (textRows - 1) / 2 + (showName && textRows >= 2 ? 1 : 0)
            buffer.writeCentered(value.display.text, y: min(valueRow, barRow - 1), style: theme.style(for: value.display.color, bold: true), area: inner, theme: theme)
            if showName && textRows >= 2 {
                let name = TextFit.truncate(value.name, to: max(1, inner.width - 2), ellipsis: theme.glyphs.ellipsis)
                buffer.writeCentered(name, y: min(valueRow, barRow - 1) - 1, style: theme.dimText, area: inner, theme: theme)
            }
        } else {
            buffer.writeCentered(value.display.text, y: barRow, style: theme.style(for: value.display.color, bold: true), area: inner, theme: theme)
            return
        }
        let filled = Int(cells: value.display.percent * Double(inner.width))
        let fillStyle = theme.isMonochrome ? Style(attributes: .bold) : theme.style(for: value.display.color)
        for column in 0..<inner.width {
            let lit = column < filled
            buffer[inner.x + column, barRow] = Cell(lit ? glyphs.fullBlock : glyphs.lightShade, style: lit ? fillStyle : theme.dimText)
        }
        guard let scaleRow else { return }
        let processor = { (number: Double) in ValueFormat.format(number, unit: nil, decimals: nil).description }
        let minText = processor(model.min), maxText = processor(model.max)
        let minEnd = inner.x + DisplayWidth.of(minText), maxStart = inner.maxX - DisplayWidth.of(maxText)
        if model.showMarkers {
            for marker in model.markers {
                let position = (marker.value - model.min) / (model.max - model.min)
                let column = inner.x + min(inner.width - 1, Int(cells: position * Double(inner.width)))
                // The min and max labels keep their cells (Grafana shows "0 … 100", never "1▲▲").
                guard column >= minEnd + 1, column < maxStart - 1 else { continue }
                let style = theme.isMonochrome ? Style(attributes: .bold) : theme.style(for: marker.color)
                buffer[column, scaleRow] = Cell(theme.ascii ? "^" : "▲", style: style)
            }
        }
        buffer.write(minText, x: inner.x, y: scaleRow, style: theme.dimText, clip: inner)
        if maxStart >= minEnd + 1 {
            buffer.write(maxText, x: maxStart, y: scaleRow, style: theme.dimText, clip: inner)
        }
    }
}
