/// A heatmap of histogram buckets over time: two buckets per cell row with the upper
/// half-block ▀ (foreground = upper bucket, background = lower), bucket bounds on the left and
/// a colour scale legend below. Monochrome and ASCII use density characters instead.
public struct HeatmapWidget: Widget {
    public var model: HeatmapModel

    public init(model: HeatmapModel) { self.model = model }

    /// Grafana's default heatmap scheme runs dark to bright orange/yellow.
    static let scale: [(UInt8, UInt8, UInt8)] = [
        (0x1A, 0x1B, 0x2E), (0x3B, 0x1F, 0x4A), (0x7A, 0x21, 0x5B), (0xB8, 0x32, 0x4F),
        (0xE8, 0x5D, 0x2F), (0xF9, 0x9A, 0x1C), (0xFA, 0xDE, 0x2A),
    ]
    static let densityUnicode = [" ", "░", "▒", "▓", "█"]
    static let densityASCII = [" ", ".", ":", "+", "#"]

    func color(_ fraction: Double, theme: Theme) -> Color {
        let scale = HeatmapWidget.scale
        let index = min(scale.count - 1, max(0, Int(cells: fraction * Double(scale.count - 1))))
        let (r, g, b) = scale[index]
        return Color.rgb(r, g, b).downgraded(to: theme.options.capability)
    }

    func density(_ fraction: Double, theme: Theme) -> String {
        let levels = theme.ascii ? HeatmapWidget.densityASCII : HeatmapWidget.densityUnicode
        if fraction <= 0 { return levels[0] }
        return levels[min(levels.count - 1, 1 + Int(cells: (fraction * Double(levels.count - 2)).rounded(.down)))]
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 6, area.height >= 2, !model.buckets.isEmpty, !model.times.isEmpty else { return }
        let legendRows = area.height >= 5 ? 1 : 0
        let labelWidth = min(area.width / 4, (model.buckets.map { DisplayWidth.of($0) }.max() ?? 0) + 1)
        let plot = Rect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth, height: area.height - legendRows)
        let useColor = !theme.isMonochrome && !theme.ascii
        let bucketsPerRow = useColor ? 2 : 1
        let rows = plot.height
        // Slots are half-rows (colour) or rows; buckets spread over all of them, neighbours
        // merging when there are more buckets than slots.
        let slots = rows * bucketsPerRow
        let count = model.buckets.count
        func bucketRange(_ slot: Int) -> Range<Int> {
            let from = min(count - 1, slot * count / slots)
            return from..<max(from + 1, min(count, (slot + 1) * count / slots))
        }
        let merged = max(1, count / slots)
        let maxValue = max(model.maxCount * Double(merged), 1e-12)
        for column in 0..<plot.width {
            let time = min(model.times.count - 1, column * model.times.count / plot.width)
            func value(_ slot: Int) -> Double { model.counts[time][bucketRange(slot)].reduce(0, +) / maxValue }
            for row in 0..<rows {
                let y = plot.maxY - 1 - row
                if useColor {
                    buffer[plot.x + column, y] = Cell("▀", style: Style(foreground: color(value(row * 2 + 1), theme: theme), background: color(value(row * 2), theme: theme)))
                } else {
                    buffer[plot.x + column, y] = Cell(density(value(row), theme: theme))
                }
            }
        }
        // Each labelled row shows the upper bound of its top bucket, when it changes.
        var lastLabelled = -1
        for row in 0..<rows {
            let bucket = bucketRange(row * bucketsPerRow + bucketsPerRow - 1).upperBound - 1
            guard bucket != lastLabelled, row == 0 || row == rows - 1 || row % 2 == 0 else { continue }
            lastLabelled = bucket
            let label = TextFit.truncate(model.buckets[bucket], to: labelWidth - 1, ellipsis: theme.glyphs.ellipsis)
            buffer.write(label, x: plot.x - 1 - DisplayWidth.of(label), y: plot.maxY - 1 - row, style: theme.dimText, clip: area)
        }
        guard legendRows > 0 else { return }
        let y = area.maxY - 1
        var x = buffer.write("0 ", x: plot.x, y: y, style: theme.dimText, clip: area)
        for step in 0..<8 {
            let fraction = Double(step) / 7
            if useColor { buffer[x, y] = Cell("█", style: Style(foreground: color(fraction, theme: theme))) } else { buffer[x, y] = Cell(density(fraction, theme: theme)) }
            x += 1
        }
        buffer.write(" " + NumberText.toFixed(model.maxCount), x: x, y: y, style: theme.dimText, clip: area)
    }
}
