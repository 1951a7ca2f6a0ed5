/// histogram: a bar per bucket, as tall as its count, with the highest count at the top
/// left and the range's ends below.
public struct HistogramWidget: Widget {
    public var model: HistogramModel

    public init(model: HistogramModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !model.buckets.isEmpty, area.width >= 4, area.height >= 3 else { return }
        let maxCount = model.buckets.map(\.count).max() ?? 0
        let countLabel = NumberText.toFixed(maxCount)
        let plot = Rect(x: area.x + DisplayWidth.of(countLabel) + 1, y: area.y, width: area.width - DisplayWidth.of(countLabel) - 1, height: area.height - 1)
        guard plot.width >= 1, plot.height >= 1 else { return }
        buffer.write(countLabel, x: area.x, y: area.y, style: theme.dimText, clip: area)
        let levels = theme.glyphs.verticalLevels
        let style = theme.isMonochrome ? Style(attributes: .bold) : theme.style(for: ValueColor(name: theme.seriesColorName(0)))
        for column in 0..<plot.width {
            // Columns share buckets evenly; a bucket wider than a column spans several.
            let bucket = model.buckets[min(model.buckets.count - 1, column * model.buckets.count / plot.width)]
            let eighths = maxCount > 0 ? Int(cells: (bucket.count / maxCount * Double(plot.height * 8)).rounded()) : 0
            for row in 0..<plot.height {
                let filled = eighths - row * 8
                guard filled > 0 else { break }
                buffer[plot.x + column, plot.maxY - 1 - row] = Cell(levels[min(7, filled - 1)], style: style)
            }
        }
        let y = area.maxY - 1
        let low = model.processor.format(model.buckets[0].lower), high = model.processor.format(model.buckets[model.buckets.count - 1].upper)
        buffer.write(low, x: plot.x, y: y, style: theme.dimText, clip: area)
        if plot.width > DisplayWidth.of(low) + DisplayWidth.of(high) + 1 {
            buffer.write(high, x: plot.maxX - DisplayWidth.of(high), y: y, style: theme.dimText, clip: area)
        }
    }
}

/// barchart: vertical bars grouped by x value with the labels below (or, horizontally, a
/// line per bar: label, bar, value). "auto" goes horizontal in panes taller than wide.
public struct BarChartWidget: Widget {
    public var model: BarChartModel

    public init(model: BarChartModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !model.groups.isEmpty, area.width >= 4, area.height >= 2 else { return }
        let horizontal = model.horizontal ?? (area.height > area.width / 2)
        horizontal ? renderHorizontal(into: &buffer, area: area, theme: theme) : renderVertical(into: &buffer, area: area, theme: theme)
    }

    func barStyle(_ bar: BarChartModel.Bar, _ theme: Theme) -> Style {
        theme.isMonochrome ? Style(attributes: .bold) : theme.style(for: bar.color)
    }

    func renderHorizontal(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let lines = model.groups.flatMap { group in group.bars.map { (group.bars.count > 1 ? group.label + " " + $0.name : group.label, $0) } }
        let labelWidth = min(lines.map { DisplayWidth.of($0.0) }.max() ?? 0, area.width / 3)
        let textWidth = min(lines.map { DisplayWidth.of($0.1.text) }.max() ?? 0, area.width / 4)
        let barWidth = area.width - labelWidth - textWidth - 2
        guard barWidth >= 1 else { return }
        let levels = theme.glyphs.horizontalLevels
        for (index, line) in lines.prefix(area.height).enumerated() {
            let y = area.y + index
            buffer.writeFitted(line.0, x: area.x, y: y, style: theme.dimText, area: Rect(x: area.x, y: y, width: labelWidth, height: 1), theme: theme)
            let eighths = Int((abs(line.1.value ?? 0) / model.maxValue * Double(barWidth * 8)).rounded())
            let x = area.x + labelWidth + 1
            for column in 0..<barWidth {
                let filled = eighths - column * 8
                guard filled > 0 else { break }
                buffer[x + column, y] = Cell(levels[min(7, filled - 1)], style: barStyle(line.1, theme))
            }
            buffer.writeFitted(line.1.text, x: area.maxX - textWidth, y: y, style: .plain, area: area, theme: theme)
        }
    }

    func renderVertical(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let plot = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2)
        guard plot.height >= 1 else { return }
        let barsPerGroup = max(1, model.groups.map(\.bars.count).max() ?? 1)
        let groupWidth = max(barsPerGroup + 1, plot.width / model.groups.count)
        let barWidth = max(1, (groupWidth - 1) / barsPerGroup)
        let levels = theme.glyphs.verticalLevels
        let maxText = model.groups.flatMap(\.bars).max { ($0.value ?? 0) < ($1.value ?? 0) }?.text ?? ""
        buffer.write(maxText, x: area.x, y: area.y, style: theme.dimText, clip: area)
        for (g, group) in model.groups.enumerated() {
            let gx = plot.x + g * groupWidth
            guard gx + 1 <= plot.maxX else { break }
            for (b, bar) in group.bars.enumerated() {
                let eighths = Int((abs(bar.value ?? 0) / model.maxValue * Double(plot.height * 8)).rounded())
                for column in 0..<barWidth {
                    let x = gx + b * barWidth + column
                    guard x < min(plot.maxX, gx + groupWidth - 1) else { break }
                    for row in 0..<plot.height {
                        let filled = eighths - row * 8
                        guard filled > 0 else { break }
                        buffer[x, plot.maxY - 1 - row] = Cell(levels[min(7, filled - 1)], style: barStyle(bar, theme))
                    }
                }
            }
            let labelArea = Rect(x: gx, y: area.maxY - 1, width: min(groupWidth - 1, area.maxX - gx), height: 1)
            buffer.writeFitted(group.label, x: gx, y: area.maxY - 1, style: theme.dimText, area: labelArea, theme: theme)
        }
    }
}
