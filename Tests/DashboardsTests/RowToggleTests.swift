import Testing
@testable import Dashboards

/// Opening and closing rows as Grafana's DashboardModel.toggleRow does.
@Suite struct RowToggleTests {
    static let dashboard = Dashboard(uid: "rows", title: "Rows", panels: [
        Panel(id: 1, type: "row", title: "Open", gridPos: GridPos(x: 0, y: 0, w: 24, h: 1)),
        Panel(id: 2, type: "stat", gridPos: GridPos(x: 0, y: 1, w: 12, h: 4)),
        Panel(id: 3, type: "row", title: "Closed", gridPos: GridPos(x: 0, y: 5, w: 24, h: 1), collapsed: true, panels: [
            // Saved lower than the row (it moved while collapsed): it lands just under it.
            Panel(id: 4, type: "stat", gridPos: GridPos(x: 0, y: 20, w: 12, h: 6)),
        ]),
        Panel(id: 5, type: "row", title: "Last", gridPos: GridPos(x: 0, y: 6, w: 24, h: 1)),
        Panel(id: 6, type: "stat", gridPos: GridPos(x: 0, y: 7, w: 12, h: 4)),
    ])

    @Test func openingPutsThePanelsUnderTheRowAndPushesTheRestDown() {
        let opened = Self.dashboard.togglingRows([3])
        #expect(opened.panels.map(\.id) == [1, 2, 3, 4, 5, 6])
        #expect(opened.panels[2].collapsed == false && opened.panels[2].panels.isEmpty)
        #expect(opened.panels[3].gridPos.y == 6)
        // The rows below move down by the panels' height.
        #expect(opened.panels[4].gridPos.y == 12 && opened.panels[5].gridPos.y == 13)
    }

    @Test func closingTakesThePanelsUpToTheNextRow() {
        let closed = Self.dashboard.togglingRows([1])
        #expect(closed.panels.map(\.id) == [1, 3, 5, 6])
        #expect(closed.panels[0].collapsed && closed.panels[0].panels.map(\.id) == [2])
        // Open then close again gives the row its panels back.
        #expect(Self.dashboard.togglingRows([3]).togglingRows([3]).panels.first { $0.id == 3 }?.panels.map(\.id) == [4])
        #expect(Self.dashboard.collapsedRowIDs == [3])
    }
}
