/// Grafana's stat panel: the reduced value in its threshold colour, the series name when
/// there are several, and a sparkline underneath.
public struct StatWidget: Widget {
    public var model: StatModel

    public init(model: StatModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let values = model.values
        guard !values.isEmpty, !area.isEmpty else { return }
        let cells = Split.grid(area, count: values.count, horizontal: model.orientation != "vertical" && (model.orientation == "horizontal" || area.width >= area.height * 2))
        for (value, cell) in zip(values, cells) {
            renderOne(value, showName: values.count > 1, into: &buffer, area: cell, theme: theme)
        }
    }

    func renderOne(_ value: ReducedValue, showName: Bool, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let valueStyle: Style
        var background = false
        switch model.colorMode {
        case "background", "background_solid":
            background = true
            if theme.isMonochrome {
                valueStyle = Style(attributes: [.bold, .reverse])
            } else {
                let color = value.display.color.map { theme.color($0.name) } ?? .default
                valueStyle = Style(foreground: color == .default ? .default : .ansi(0), background: color, attributes: .bold)
            }
        case "none":
            valueStyle = Style(attributes: .bold)
        default:
            valueStyle = theme.style(for: value.display.color, bold: true)
        }
        if background { buffer.fill(area, with: Cell(" ", style: valueStyle)) }
        let textMode = model.textMode
        let wantsName = textMode == "name" || textMode == "value_and_name" || (textMode == "auto" && showName)
        let wantsValue = textMode != "name" && textMode != "none"
        var sparkRows = model.showSparkline && value.sparkline.count > 1 && area.height >= 3 ? (area.height >= 7 ? 2 : 1) : 0
        // A name needs its own line: the sparkline yields it before the name is dropped.
        if wantsName && wantsValue && area.height - sparkRows < 2 { sparkRows = 0 }
        let textArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - sparkRows)
        // Names keep a column either side, so neighbours' names never run together.
        let name = TextFit.truncate(value.name, to: max(1, area.width - 2), ellipsis: theme.glyphs.ellipsis)
        let nameStyle = background ? valueStyle : theme.dimText
        var lines: [(String, Style)] = []
        if wantsName && textArea.height >= 2 || (wantsName && !wantsValue) {
            lines.append((name, nameStyle))
        } else if wantsName {
            // One line only: name and value side by side, the name shortened (Grafana's auto
            // text mode puts them in a row when the panel is wide and low).
            NamedValueLine.draw(value, name: nameStyle, value: valueStyle, into: &buffer, area: textArea, y: textArea.y + textArea.height / 2, theme: theme)
            return
        }
        if wantsValue {
            var text = value.display.text
            // Without colour, a red (alarm) threshold also gets a marker, by Grafana's convention
            // that red means bad; the level itself shows as bold/reverse.
            if theme.isMonochrome, let color = value.display.color, color.level > 0, color.name.lowercased().contains("red") { text = "! " + text + " !" }
            lines.append((text, valueStyle))
        }
        let top = textArea.y + max(0, (textArea.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < textArea.maxY {
            buffer.writeCentered(line.0, y: top + offset, style: line.1, area: textArea, theme: theme)
        }
        if sparkRows > 0 {
            let sparkStyle: Style
            if background { sparkStyle = valueStyle } else if theme.isMonochrome { sparkStyle = Style(attributes: .dim) } else {
                sparkStyle = Style(foreground: value.display.color.map { theme.color($0.name) } ?? .default)
            }
            let spark = Rect(x: area.x, y: area.maxY - sparkRows, width: area.width, height: sparkRows)
            Sparkline(values: value.sparkline, style: sparkStyle).render(into: &buffer, area: spark, theme: theme)
        }
    }
}

/// A value with its name on one line, for stats and gauges too low for a name line.
enum NamedValueLine {
    /// "execution UP", centred; the name shortens with an ellipsis and gives way to the value.
    static func draw(_ value: ReducedValue, name nameStyle: Style, value valueStyle: Style, into buffer: inout Buffer, area: Rect, y: Int, theme: Theme) {
        let text = TextFit.truncate(value.display.text, to: max(1, area.width), ellipsis: theme.glyphs.ellipsis)
        let room = area.width - DisplayWidth.of(text) - 3
        let name = room >= 2 ? TextFit.truncate(value.name, to: room, ellipsis: theme.glyphs.ellipsis) : ""
        let width = DisplayWidth.of(name) + (name.isEmpty ? 0 : 1) + DisplayWidth.of(text)
        var x = area.x + max(0, (area.width - width) / 2)
        if !name.isEmpty { x = buffer.write(name + " ", x: x, y: y, style: nameStyle, clip: area) }
        buffer.write(text, x: x, y: y, style: valueStyle, clip: area)
    }
}

/// Splits an area into equal parts for several values.
enum Split {
    static func grid(_ area: Rect, count: Int, horizontal: Bool) -> [Rect] {
        guard count > 0 else { return [] }
        if horizontal {
            // Wrap into rows when columns would get narrower than 12.
            let perRow = max(1, min(count, area.width / 12))
            let rowCount = (count + perRow - 1) / perRow
            return (0..<count).map { index in
                let row = index / perRow, column = index % perRow
                let inRow = min(perRow, count - row * perRow)
                let x0 = area.x + column * area.width / inRow, x1 = area.x + (column + 1) * area.width / inRow
                let y0 = area.y + row * area.height / rowCount, y1 = area.y + (row + 1) * area.height / rowCount
                return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
            }
        }
        return (0..<count).map { index in
            let y0 = area.y + index * area.height / count, y1 = area.y + (index + 1) * area.height / count
            return Rect(x: area.x, y: y0, width: area.width, height: y1 - y0)
        }
    }
}
