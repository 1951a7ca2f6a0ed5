import Foundation

/// A pie or donut drawn in braille (each cell in the colour of the slice most of its dots
/// belong to), with a legend of names and percentages beside or below it. In ASCII mode each
/// slice gets its own fill character.
public struct PieChartWidget: Widget {
    public var model: PieModel

    public init(model: PieModel) { self.model = model }

    static let asciiFills = ["#", "*", "o", "+", "@", "%", "=", "x"]

    /// The slice a direction falls in, clockwise from twelve o'clock.
    func slice(at angle: Double) -> Int? {
        var start = 0.0
        for (index, slice) in model.slices.enumerated() where slice.percent > 0 {
            start += slice.percent
            if angle < start * 2 * Double.pi + 1e-9 { return index }
        }
        return model.slices.indices.last
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty, !model.slices.isEmpty else { return }
        let legendLines = model.slices.count
        let legendBeside = area.width >= area.height * 2 + 16
        let pieArea: Rect
        let legendArea: Rect
        if legendBeside {
            let pieWidth = min(area.width / 2, area.height * 2)
            pieArea = Rect(x: area.x, y: area.y, width: pieWidth, height: area.height)
            legendArea = Rect(x: area.x + pieWidth + 2, y: area.y + max(0, (area.height - legendLines) / 2), width: area.width - pieWidth - 2, height: min(area.height, legendLines))
        } else {
            let legendRows = min(legendLines, max(1, area.height / 3))
            pieArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - legendRows)
            legendArea = Rect(x: area.x, y: area.maxY - legendRows, width: area.width, height: legendRows)
        }
        if pieArea.height >= 2 { drawPie(into: &buffer, area: pieArea, theme: theme) }
        drawLegend(into: &buffer, area: legendArea, theme: theme)
    }

    func drawPie(into buffer: inout Buffer, area: Rect, theme: Theme) {
        // A cell is about twice as tall as wide: a round pie is 2 columns per row.
        let rows = min(area.height, area.width / 2)
        let columns = rows * 2
        guard rows >= 2 else { return }
        let origin = (x: area.x + (area.width - columns) / 2, y: area.y + (area.height - rows) / 2)
        let dotW = Double(columns * 2), dotH = Double(rows * 4)
        let radius = min(dotW, dotH) / 2
        let inner = model.donut ? radius * 0.55 : 0
        for row in 0..<rows {
            for column in 0..<columns {
                var mask: UInt32 = 0
                var votes: [Int: Int] = [:]
                let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
                let subRows = theme.ascii ? [(0, 0)] : (0..<4).flatMap { dy in (0..<2).map { dx in (dx, dy) } }
                for (dx, dy) in subRows {
                    let px = theme.ascii ? Double(column * 2) + 1 : Double(column * 2 + dx) + 0.5
                    let py = theme.ascii ? Double(row * 4) + 2 : Double(row * 4 + dy) + 0.5
                    let vx = px - dotW / 2, vy = py - dotH / 2
                    let distance = (vx * vx + vy * vy).squareRoot()
                    guard distance <= radius, distance >= inner else { continue }
                    var angle = atan2(vx, -vy)
                    if angle < 0 { angle += 2 * Double.pi }
                    guard let index = slice(at: angle) else { continue }
                    votes[index, default: 0] += 1
                    if !theme.ascii { mask |= bits[dy][dx] }
                }
                guard let winner = votes.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { continue }
                let symbol: String
                if theme.ascii {
                    symbol = PieChartWidget.asciiFills[winner % PieChartWidget.asciiFills.count]
                } else if theme.isMonochrome {
                    // Without colour, slices alternate between full and light shading.
                    symbol = winner % 2 == 0 ? "█" : "░"
                } else {
                    symbol = String(Character(Unicode.Scalar(0x2800 + mask) ?? " "))
                }
                buffer[origin.x + column, origin.y + row] = Cell(symbol, style: theme.style(for: model.slices[winner].color))
            }
        }
    }

    func drawLegend(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let nameWidth = min(max(6, area.width - 16), model.slices.map { DisplayWidth.of($0.name) }.max() ?? 0)
        for (index, slice) in model.slices.prefix(area.height).enumerated() {
            let y = area.y + index
            let marker: String
            if theme.ascii { marker = PieChartWidget.asciiFills[index % PieChartWidget.asciiFills.count] } else if theme.isMonochrome { marker = index % 2 == 0 ? "█" : "░" } else { marker = "●" }
            var x = buffer.write(marker + " ", x: area.x, y: y, style: theme.style(for: slice.color), clip: area)
            buffer.write(TextFit.truncate(slice.name, to: nameWidth, ellipsis: theme.glyphs.ellipsis), x: x, y: y, clip: area)
            x += nameWidth + 1
            let percent = NumberText.toFixed(slice.percent * 100, decimals: 1) + "%"
            x = buffer.write(String(repeating: " ", count: max(0, 6 - percent.count)) + percent, x: x, y: y, style: Style(attributes: .bold), clip: area)
            let room = area.maxX - x - 1
            // A value cut short could read as another unit ("30 ms…" for "30 msg/s"): all or nothing.
            if DisplayWidth.of(slice.text) <= room { buffer.write(" " + slice.text, x: x, y: y, style: theme.dimText, clip: area) }
        }
    }
}
