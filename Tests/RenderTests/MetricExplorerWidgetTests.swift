import Testing
@testable import Render

/// The metric explorer's list: columns that fit, the highlighted row kept on screen, and a
/// message in place of an empty list.
@Suite struct MetricExplorerWidgetTests {
    private func draw(_ model: MetricExplorerModel, _ width: Int, _ height: Int, theme: Theme = Theme(options: RenderOptions())) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        MetricExplorerWidget(model).render(into: &buffer, area: buffer.area, theme: theme)
        return buffer
    }

    private let rows = (0..<20).map { MetricExplorerModel.Row(["metric_\($0)_total", "counter", "Help text number \($0) that is rather long."]) }

    @Test func columnsLineUpAndTheLastTakesTheRest() {
        let lines = draw(MetricExplorerModel(heading: "Filter: █", rows: Array(rows.prefix(3)), cursor: ListCursor(), empty: ""), 80, 5).lines
        #expect(lines[0].hasPrefix("Filter: █"))
        #expect(lines[1] == " metric_0_total  counter  Help text number 0 that is rather long.".padding(toLength: 80, withPad: " ", startingAt: 0))
        #expect(lines[2].hasPrefix(" metric_1_total  counter  Help"))
    }

    @Test func narrowScreensCutTheHelpNotTheLayout() {
        let buffer = draw(MetricExplorerModel(heading: "h", rows: rows, cursor: ListCursor(), empty: ""), 30, 4)
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == 30 })
        // The name keeps its width; the type and the help are cut, marked with an ellipsis.
        #expect(buffer.lines[1] == " metric_0_total  cou…  Help t…")
    }

    @Test func theHighlightStaysOnScreenAndIsReverseInMonochrome() {
        var cursor = ListCursor()
        cursor.select(15, count: rows.count, visibleRows: MetricExplorerModel.visibleRows(height: 6))
        let mono = Theme(options: RenderOptions(capability: .monochrome))
        let buffer = draw(MetricExplorerModel(heading: "h", rows: rows, cursor: cursor, empty: ""), 60, 6, theme: mono)
        let line = buffer.lines.firstIndex { $0.contains("metric_15_total") }
        #expect(line == 5)
        #expect(buffer[1, 5].style.attributes.contains(.reverse))
        #expect(!buffer[1, 4].style.attributes.contains(.reverse))
        // Without highlights (the breakdown) no row is marked.
        var plain = MetricExplorerModel(heading: "h", rows: rows, cursor: cursor, empty: "")
        plain.highlights = false
        #expect(!draw(plain, 60, 6, theme: mono)[1, 5].style.attributes.contains(.reverse))
    }

    @Test func anEmptyListSaysWhy() {
        let buffer = draw(MetricExplorerModel(heading: "h", rows: [], cursor: ListCursor(), empty: "loading metric names…"), 40, 4)
        #expect(buffer.lines[1].hasPrefix("loading metric names…"))
        #expect(draw(MetricExplorerModel(heading: "h", rows: [], cursor: ListCursor(), empty: ""), 0, 0).lines.isEmpty)
    }
}
