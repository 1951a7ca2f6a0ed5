import Testing
import PromModel
import Dashboards
@testable import Render

/// The gauge's arc: filled in the value's colour up to the value, threshold bands dimmed
/// beyond it, and the bar kept for panes too small for an arc.
@Suite struct GaugeArcTests {
    func draw(_ width: Int, _ height: Int, theme: Theme = Theme()) throws -> Buffer {
        let model = PanelViewModelBuilder().build(panel: Fixture.queueLag, data: Fixture.data[Fixture.queueLag.id])
        guard case .gauge(let gauge) = model.content else { throw GaugeError.notGauge }
        var buffer = Buffer(width: width, height: height)
        GaugeWidget(model: gauge).render(into: &buffer, area: buffer.area, theme: theme)
        return buffer
    }

    enum GaugeError: Error { case notGauge }

    func isBraille(_ cell: Cell) -> Bool { cell.symbol.unicodeScalars.allSatisfy { (0x2801...0x28FF).contains($0.value) } }

    @Test func arcIsFilledInTheValueColourAndShowsTheBandsBeyond() throws {
        // Queue lag 117 on 0…500: orange from 100, red from 300.
        let theme = Theme()
        let buffer = try draw(50, 10, theme: theme)
        let arc = buffer.cells.filter(isBraille)
        #expect(arc.contains { $0.style == Style(foreground: theme.color("orange")) })
        #expect(arc.contains { $0.style == Style(foreground: theme.color("red"), attributes: .dim) })
        #expect(arc.contains { $0.style == Style(foreground: theme.color("orange"), attributes: .dim) })
        #expect(!arc.contains { $0.style == Style(foreground: theme.color("red")) })
        // The bottom quarter stays open: no dots under the centre on the last row.
        let lastRow = (0..<buffer.width).map { buffer[$0, buffer.height - 1] }
        #expect(!isBraille(lastRow[buffer.width / 2]))
        #expect(buffer.lines.contains { $0.contains("117") })
    }

    @Test func tinyPanesKeepTheBar() throws {
        let buffer = try draw(20, 3)
        #expect(buffer.cells.contains { $0.symbol == "█" })
        #expect(!buffer.cells.contains(where: isBraille))
    }
}
