import Dashboards
import Testing
@testable import App

/// `--expand-rows` on `view`/`demo`: every collapsed row starts open, and a row the user
/// toggles afterwards closes again (the flag sets the start, not a lock).
@Suite struct ExpandRowsTests {
    static let dashboard = Dashboard(uid: "rows", title: "Rows", panels: [
        Panel(id: 1, type: "stat", title: "Up", gridPos: GridPos(x: 0, y: 0, w: 12, h: 4), targets: [Target(expr: "sum(up)")]),
        Panel(id: 9, type: "row", title: "Detail", gridPos: GridPos(x: 0, y: 4, w: 24, h: 1), collapsed: true, panels: [
            Panel(id: 7, type: "timeseries", title: "Load", gridPos: GridPos(x: 0, y: 5, w: 24, h: 8), targets: [Target(expr: "node_load1")]),
        ]),
        Panel(id: 10, type: "row", title: "More", gridPos: GridPos(x: 0, y: 13, w: 24, h: 1), collapsed: true, panels: [
            Panel(id: 8, type: "stat", title: "Disk", gridPos: GridPos(x: 0, y: 14, w: 12, h: 4), targets: [Target(expr: "node_disk")]),
        ]),
    ])

    func panelIDs(_ state: AppState) -> Set<Int> { Set(state.dashboard?.panels.map(\.id) ?? []) }

    @Test func everyRowStartsOpenAndAToggledOneClosesAgain() {
        var state = Fixtures.state([Self.dashboard], width: 120, height: 40)
        #expect(!panelIDs(state).contains(7) && !panelIDs(state).contains(8), "saved collapsed")
        state.allRowsOpen = true
        #expect(panelIDs(state).isSuperset(of: [1, 7, 8]))
        state.toggledRows["rows", default: []].insert(9)
        #expect(!panelIDs(state).contains(7), "the toggled row closed")
        #expect(panelIDs(state).contains(8), "the other row stays open")
    }
}
