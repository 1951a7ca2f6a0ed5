import Foundation

/// Grafana's gauge as it draws it: a 270° arc open at the bottom, filled clockwise from the
/// lower left up to the value in the value's colour; the unfilled rest shows the threshold
/// bands dimmed, so the steps read along the arc. Braille dots (2×4 per cell) are about
/// square on a terminal, so a circle in dots is round on screen.
struct GaugeArc {
    let model: GaugeModel

    /// Smaller panes keep the bar: an arc under 12×5 cells is not readable.
    static func fits(_ area: Rect) -> Bool { area.width >= 12 && area.height >= 5 }

    /// The arc's opening: it spans from 225° (lower left) clockwise to -45° (lower right).
    static let sweep = 270.0
    static let start = 225.0
    /// The ring's inner radius as a share of the outer: thick enough to read as a band,
    /// leaving the middle free for the value.
    static let thickness = 0.62

    func render(_ value: ReducedValue, showName: Bool, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let arcArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - (showName ? 1 : 0))
        var canvas = BrailleCanvas(columns: arcArea.width, rows: arcArea.height)
        let dotWidth = Double(canvas.dotWidth), dotHeight = Double(canvas.dotHeight)
        // The arc is 2r wide and r(1 + sin 45°) tall; centred in the pane.
        let height = 1 + 0.5.squareRoot()
        let radius = min(dotWidth / 2 - 1, (dotHeight - 1) / height)
        let innerRadius = radius * GaugeArc.thickness
        let centreX = dotWidth / 2
        let centreY = radius + max(0, (dotHeight - radius * height) / 2)
        for y in 0..<canvas.dotHeight {
            for x in 0..<canvas.dotWidth {
                let dx = Double(x) + 0.5 - centreX, dy = centreY - (Double(y) + 0.5)
                let distance = (dx * dx + dy * dy).squareRoot()
                guard distance <= radius, distance >= innerRadius else { continue }
                var along = (GaugeArc.start - atan2(dy, dx) * 180 / .pi).truncatingRemainder(dividingBy: 360)
                if along < 0 { along += 360 }
                guard along <= GaugeArc.sweep else { continue }
                canvas.set(x, y, style: style(at: along / GaugeArc.sweep, value: value, theme: theme))
            }
        }
        canvas.render(into: &buffer, at: (arcArea.x, arcArea.y), ascii: theme.ascii)
        let valueRow = min(arcArea.maxY - 1, arcArea.y + Int(cells: (centreY / 4).rounded(.down)))
        buffer.writeCentered(value.display.text, y: valueRow, style: theme.style(for: value.display.color, bold: true), area: arcArea, theme: theme)
        if showName {
            buffer.writeCentered(value.name, y: area.maxY - 1, style: theme.dimText, area: area, theme: theme)
        }
    }

    /// Filled up to the value; beyond it the threshold band of that point, dimmed.
    func style(at fraction: Double, value: ReducedValue, theme: Theme) -> Style {
        if value.display.numeric != nil, fraction <= value.display.percent {
            return theme.isMonochrome ? Style(attributes: .bold) : theme.style(for: value.display.color)
        }
        guard model.showMarkers, !theme.isMonochrome else { return theme.dimText }
        let point = model.min + fraction * (model.max - model.min)
        guard let band = model.markers.last(where: { $0.value <= point })?.color ?? model.baseColor else { return theme.dimText }
        var style = theme.style(for: band)
        style.attributes.insert(.dim)
        return style
    }
}
