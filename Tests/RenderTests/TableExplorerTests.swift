import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// The zoomed table's value (cursor, sort cycle, filter) and how the widget and the full
/// screen draw it.
@Suite struct TableExplorerTests {
    /// 30 positions: symbol S00…S29, side buy/sell alternating, size 30 - i (so the panel's
    /// own order, by size descending, is S00 first).
    static let symbols = (0..<30).map { String(format: "S%02d", $0) }

    static let panel: Panel = {
        var options = PanelOptions()
        options.raw = .object([("sortBy", .array([.object([("displayName", .string("Value")), ("desc", .bool(true))])]))])
        return Fixture.panel(1, "table", "Open Positions by Symbol", x: 0, y: 0, w: 24, h: 10,
                             expr: "sum by (side, symbol) (positions_open)", options: options)
    }()

    static let data = Fixture.vector(symbols.enumerated().map { index, symbol in
        (Labels(["symbol": symbol, "side": index % 2 == 0 ? "buy" : "sell"]), Double(30 - index))
    })

    func table() throws -> TableModel {
        let model = PanelViewModelBuilder().build(panel: Self.panel, data: Self.data)
        guard case .table(let table) = model.content else { throw Unexpected() }
        return table
    }

    struct Unexpected: Error {}

    func draw(_ model: TableModel, _ width: Int, _ height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        TableWidget(model: model).render(into: &buffer, area: buffer.area, theme: Theme())
        return buffer
    }

    @Test func sortCyclesAscendingDescendingThenThePanelsOrder() throws {
        let table = try table()
        // Columns: side, symbol, Value; the panel sorts by Value descending.
        #expect(table.columns.map(\.name) == ["side", "symbol", "Value"])
        #expect(table.sortColumn == 2 && table.descending)
        var explorer = TableExplorer(column: 1)
        explorer.cycleSort()
        #expect(explorer.sort == TableExplorer.Sort(column: 1, descending: false))
        #expect(explorer.apply(to: table).rows.first?[1].text == "S00")
        explorer.cycleSort()
        #expect(explorer.apply(to: table).rows.first?[1].text == "S29")
        #expect(explorer.apply(to: table).sortColumn == 1 && explorer.apply(to: table).descending)
        explorer.cycleSort()
        #expect(explorer.sort == nil)
        // The panel's own order and mark again.
        #expect(explorer.apply(to: table).sortColumn == 2)
        #expect(explorer.apply(to: table).rows.map { $0[1].text } == table.rows.map { $0[1].text })
        // Another column starts at ascending.
        explorer.cycleSort()
        explorer.moveColumn(by: 1, count: 3)
        explorer.cycleSort()
        #expect(explorer.sort == TableExplorer.Sort(column: 2, descending: false))
        #expect(explorer.apply(to: table).rows.first?[2].text == "1")
    }

    @Test func numbersSortAsNumbers() throws {
        var explorer = TableExplorer(column: 2)
        explorer.cycleSort()
        let values = explorer.apply(to: try table()).rows.compactMap { $0[2].number }
        #expect(values == values.sorted())
    }

    @Test func filterMatchesAnyCellCaseInsensitively() throws {
        let table = try table()
        var explorer = TableExplorer(rows: ListCursor(selection: 12, top: 5))
        explorer.setFilter("SELL")
        let shown = explorer.apply(to: table)
        #expect(shown.rows.count == 15 && shown.rows.allSatisfy { $0[0].text == "sell" })
        #expect(explorer.rows == ListCursor())
        explorer.setFilter("s1")
        #expect(explorer.apply(to: table).rows.map { $0[1].text }.sorted() == (10...19).map { "S\($0)" })
        explorer.setFilter("nothing")
        #expect(draw(explorer.apply(to: table), 40, 6).text.contains("No rows match /nothing"))
    }

    @Test func columnCursorStaysOnTheTable() {
        var explorer = TableExplorer()
        explorer.moveColumn(by: -1, count: 3)
        #expect(explorer.column == 0)
        explorer.moveColumn(by: 10, count: 3)
        #expect(explorer.column == 2)
        explorer.moveColumn(by: 1, count: 0)
        #expect(explorer.column == 0)
    }

    @Test func widgetReversesTheCursorRowAndSaysWhereItIs() throws {
        var explorer = TableExplorer()
        explorer.rows.select(20, count: 30, visibleRows: TableExplorer.bodyRows(height: 8))
        let buffer = draw(explorer.apply(to: try table()), 40, 8)
        let lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Panel order: S00 first, so row 21 is S20; six body rows end on it.
        let y = try #require(lines.firstIndex { $0.contains("S20") })
        #expect(y == 6)
        #expect(buffer[0, y].style.attributes.contains(.reverse))
        #expect(!buffer[0, y - 1].style.attributes.contains(.reverse))
        #expect(lines[7].hasPrefix("row 21/30"))
        #expect(lines[1].contains("S15"))
        // The cursor's column header is reversed, the sort column marked.
        #expect(buffer[0, 0].style.attributes.contains(.reverse))
        #expect(lines[0].contains("Value ▼"))
    }

    @Test func columnCursorScrollsColumnsThatDoNotFit() throws {
        var wide = try table()
        wide.columns.insert(TableModel.Column(name: "a-very-long-label-column", numeric: false), at: 0)
        wide.rows = wide.rows.map { [TableModel.Cell(text: String(repeating: "x", count: 24), number: nil, color: nil)] + $0 }
        // At 14 columns three columns of at least 3 fit: the cursor on the fourth scrolls past the first.
        let text = draw(TableExplorer(column: 3).apply(to: wide), 14, 6).text
        #expect(!text.contains("a-") && !text.contains("xx") && text.contains("S00"))
        #expect(draw(TableExplorer(column: 0).apply(to: wide), 14, 6).text.contains("a-"))
        #expect(text.contains("row 1/30  col"))
    }

    /// The zoomed table on the whole screen, sorted by symbol descending and scrolled to the
    /// middle, as `promdeck view` draws it.
    @Test(arguments: [(80, 24), (40, 12)])
    func zoomedSortedScrolledScreen(width: Int, height: Int) {
        var explorer = TableExplorer(column: 1)
        explorer.cycleSort()
        explorer.cycleSort()
        let rows = TableExplorer.bodyRows(height: DashboardRenderer.bodyHeight(screenHeight: height) - 2)
        explorer.rows.select(25, count: 30, visibleRows: rows)
        var state = DashboardViewState(focusedPanelID: 1, zoomedPanelID: 1, header: HeaderModel(title: "Trading Performance", timeRange: "Last 1h"))
        state.tableExplorer = explorer
        let dashboard = Dashboard(uid: "t", title: "Trading Performance", panels: [Self.panel])
        let frame = DashboardRenderer().render(dashboard: dashboard, data: [1: Self.data], width: width, height: height, state: state)
        Golden.check(frame.buffer, "table-zoomed-sorted-scrolled-\(width)x\(height)")
        #expect(frame.buffer.text.contains("row 26/30"))
    }
}
