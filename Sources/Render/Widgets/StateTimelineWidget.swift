/// state-timeline / status-history: a name column, then each row's states across the time
/// range as coloured blocks with the value written inside where it fits; monochrome and
/// ASCII themes tell states apart by shade (by threshold level) and by the written values.
public struct StateTimelineWidget: Widget {
    public var model: StateTimelineModel

    public init(model: StateTimelineModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !model.rows.isEmpty, area.width >= 8, area.height >= 1 else { return }
        let axis = area.height > model.rows.count
        let rowsArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - (axis ? 1 : 0))
        let nameWidth = min(model.rows.map { DisplayWidth.of($0.name) }.max() ?? 0, area.width / 4)
        let track = Rect(x: area.x + nameWidth + (nameWidth > 0 ? 1 : 0), y: rowsArea.y, width: area.width - nameWidth - (nameWidth > 0 ? 1 : 0), height: rowsArea.height)
        guard track.width >= 2 else { return }
        let span = Double(model.end - model.start)
        let rowHeight = max(1, min(3, rowsArea.height / model.rows.count))
        let shades = theme.ascii ? [":", "#", "=", "%", "@"] : ["█", "▓", "▒", "░", "▚"]
        for (index, row) in model.rows.enumerated() {
            let top = rowsArea.y + index * rowHeight
            guard top < rowsArea.maxY else { break }
            // Rows two or more lines high keep their last line free, so neighbours stay apart.
            let fillHeight = rowHeight >= 2 ? rowHeight - 1 : 1
            let middle = min(top + (fillHeight - 1) / 2, rowsArea.maxY - 1)
            if nameWidth > 0 {
                buffer.writeFitted(row.name, x: area.x, y: middle, style: theme.dimText, area: Rect(x: area.x, y: middle, width: nameWidth, height: 1), theme: theme)
            }
            for segment in row.segments {
                let x0 = track.x + Int((Double(segment.start - model.start) / span * Double(track.width)).rounded())
                var x1 = track.x + Int((Double(segment.end - model.start) / span * Double(track.width)).rounded())
                x1 = max(x1, x0 + 1)
                let from = max(track.x, x0), to = min(track.maxX, x1 - (model.discrete && x1 - x0 >= 3 ? 1 : 0))
                guard from < to else { continue }
                let level = segment.color?.level ?? 0
                let glyph = theme.isMonochrome || theme.ascii ? shades[level % shades.count] : theme.glyphs.fullBlock
                let style = theme.isMonochrome ? Style(attributes: level == 0 ? [] : .bold) : theme.style(for: segment.color)
                for y in top..<min(top + fillHeight, rowsArea.maxY) {
                    for x in from..<to { buffer[x, y] = Cell(glyph, style: style) }
                }
                // The value over its block, in reverse so it reads on the colour.
                let text = segment.text
                if model.showValues, to - from >= DisplayWidth.of(text) + 2 {
                    var label = theme.isMonochrome ? Style(attributes: .reverse) : theme.style(for: segment.color)
                    label.attributes.insert(.reverse)
                    buffer.write(text, x: from + (to - from - DisplayWidth.of(text)) / 2, y: middle, style: label, clip: track)
                }
            }
        }
        if axis {
            let y = area.maxY - 1
            let left = TimeLabels.hourMinute(model.start, offset: theme.options.timeZoneOffset)
            let right = TimeLabels.hourMinute(model.end, offset: theme.options.timeZoneOffset)
            buffer.write(left, x: track.x, y: y, style: theme.dimText, clip: area)
            if track.width > DisplayWidth.of(left) + DisplayWidth.of(right) + 1 {
                buffer.write(right, x: track.maxX - DisplayWidth.of(right), y: y, style: theme.dimText, clip: area)
            }
        }
    }
}
