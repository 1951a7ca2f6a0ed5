import Dashboards
import PromModel
import Render
import Terminal
import TerminalTypes
import Testing
@testable import App

/// A zoomed table and the `:` table, key by key: row cursor, pages, column cursor, sort cycle,
/// `/` filter.
@Suite struct TableKeyTests {
    static let positions = Dashboard(
        uid: "positions", title: "Trading Performance",
        panels: [Panel(id: 7, type: "table", title: "Open Positions by Symbol", gridPos: GridPos(x: 0, y: 0, w: 24, h: 8),
                       targets: [Target(expr: "sum by (side, symbol) (positions_open)")])])

    /// 50 rows: S00…S49, side buy/sell, value i.
    static let fifty: QueryResponse = {
        var samples: [InstantSample] = []
        for index in 0..<50 {
            let symbol: String = index < 10 ? "S0\(index)" : "S\(index)"
            let side: String = index % 2 == 0 ? "buy" : "sell"
            samples.append(InstantSample(labels: Labels(["symbol": symbol, "side": side]), sample: Sample(Fixtures.t0, Double(index))))
        }
        return QueryResponse(result: .vector(samples))
    }()

    static func zoomed(width: Int = 80, height: Int = 24) -> Harness {
        var harness = Harness(Fixtures.state([positions, Fixtures.health], width: width, height: height))
        harness.send(.start)
        harness.answerAll(with: fifty)
        harness.press(.enter)
        harness.answerAll(with: fifty)
        return harness
    }

    func shownSymbol(_ harness: Harness) -> String? {
        let model = harness.state.exploredTableModel(now: harness.now)
        let cursor = harness.state.explore.table.rows.selection
        guard let model, model.rows.indices.contains(cursor) else { return nil }
        return model.rows[cursor][1].text
    }

    @Test func rowCursorMovesAndPages() throws {
        var harness = Self.zoomed()
        #expect(harness.state.zoomedPanelID == 7)
        #expect(harness.state.exploredTable != nil)
        harness.press(.down, .char("j"), .down)
        #expect(harness.state.explore.table.rows.selection == 3)
        harness.press(.up, .char("k"))
        #expect(harness.state.explore.table.rows.selection == 1)
        let rows = ViewerReducer.tableBodyRows(harness.state)
        #expect(rows == 18)
        harness.press(.pageDown)
        #expect(harness.state.explore.table.rows.selection == 1 + rows - 1)
        harness.press(.end)
        #expect(harness.state.explore.table.rows.selection == 49)
        #expect(harness.state.explore.table.rows.top == 50 - rows)
        harness.press(.down)
        #expect(harness.state.explore.table.rows.selection == 49)
        harness.press(.pageUp, .home)
        #expect(harness.state.explore.table.rows == ListCursor())
        harness.press(.up)
        #expect(harness.state.explore.table.rows.selection == 0)
        // Esc leaves the zoom and forgets the table's state.
        harness.press(.end, .escape)
        #expect(harness.state.zoomedPanelID == nil)
        #expect(harness.state.explore.table == TableExplorer())
    }

    @Test func sortCyclesOnTheColumnCursor() {
        var harness = Self.zoomed()
        // Columns side, symbol, Value: → to symbol, s ascending, s descending, s the panel's order.
        harness.press(.right, .char("l"), .char("h"))
        #expect(harness.state.explore.table.column == 1)
        harness.press(.left, .left)
        #expect(harness.state.explore.table.column == 0)
        harness.press(.right, .right, .right, .right)
        #expect(harness.state.explore.table.column == 2)
        harness.press(.left, .char("s"))
        #expect(harness.state.explore.table.sort == TableExplorer.Sort(column: 1, descending: false))
        #expect(shownSymbol(harness) == "S00")
        harness.press(.char("s"))
        #expect(shownSymbol(harness) == "S49")
        harness.press(.char("s"))
        #expect(harness.state.explore.table.sort == nil)
        #expect(shownSymbol(harness) == "S00")
        // The frame draws what the keys act on: the header marks the sort.
        harness.press(.char("s"), .char("s"))
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("symbol ▼"))
        #expect(text.contains("row 1/50"))
    }

    @Test func slashFiltersRowsAndEscClears() {
        var harness = Self.zoomed()
        harness.press(.end)
        harness.press(.char("/"))
        #expect(harness.state.explore.editingFilter)
        harness.type("s4")
        #expect(harness.state.explore.table.filter == "s4")
        #expect(harness.state.exploredTableModel(now: harness.now)?.rows.count == 10)
        #expect(harness.state.explore.table.rows.selection == 0)
        harness.press(.enter)
        #expect(!harness.state.explore.editingFilter)
        // Keys move over the filtered rows only.
        harness.press(.end)
        #expect(harness.state.explore.table.rows.selection == 9)
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("/s4"))
        // Esc clears the filter first, then leaves the zoom.
        harness.press(.escape)
        #expect(harness.state.explore.table.filter == "")
        #expect(harness.state.zoomedPanelID == 7)
        harness.press(.escape)
        #expect(harness.state.zoomedPanelID == nil)
    }

    @Test func adhocTableHasTheSameKeys() {
        var harness = Harness(Fixtures.state([Self.positions], width: 80, height: 24))
        harness.send(.start)
        harness.answerAll(with: Self.fifty)
        harness.press(.char(":"))
        harness.type("positions_open")
        harness.press(.enter)
        harness.answerAll(with: Self.fifty)
        harness.press(.tab)
        #expect(harness.state.adhoc?.asTable == true)
        harness.press(.down, .down, .right, .char("s"))
        #expect(harness.state.explore.table.rows.selection == 2)
        #expect(harness.state.explore.table.sort == TableExplorer.Sort(column: 1, descending: false))
        // Tab still flips to the graph, Esc still leaves.
        harness.press(.escape)
        #expect(harness.state.adhoc == nil)
        #expect(harness.state.explore.table == TableExplorer())
    }

    @Test func anEmptyTableTakesTheKeys() {
        var harness = Harness(Fixtures.state([Self.positions], width: 80, height: 24))
        harness.send(.start)
        harness.answerAll(with: QueryResponse(result: .vector([])))
        harness.press(.enter)
        harness.answerAll(with: QueryResponse(result: .vector([])))
        harness.press(.down, .end, .pageDown, .right, .char("s"), .home)
        #expect(harness.state.explore.table.rows == ListCursor())
        harness.press(.escape)
        #expect(harness.state.zoomedPanelID == nil)
    }
}
