import Testing
@testable import Dashboards

/// Panel and row repeats: geometry as Grafana's DashboardModel lays copies out, scoped
/// values, ids, and the reflow of what is below.
@Suite struct RepeatExpansionTests {
    static let jobs = ["ai-engine", "execution", "risk-safety", "portfolio-intelligence", "monitoring-health"]

    static func jobVariable(current: [String] = [Variable.allValueMarker], options: [String] = jobs) -> Variable {
        Variable(name: "job", kind: .custom, current: current, options: options, multi: true, includeAll: true)
    }

    static func repeated(
        id: Int = 1, _ grid: GridPos, direction: RepeatDirection = .horizontal, maxPerRow: Int? = nil, variable: String = "job"
    ) -> Panel {
        Panel(id: id, type: "stat", title: "Requests $job", gridPos: grid,
              targets: [Target(expr: "sum(rate(http_requests_total{job=\"$job\"}[5m]))", legendFormat: "{{instance}} of $job")],
              repeatVariable: variable, repeatDirection: direction, maxPerRow: maxPerRow)
    }

    static let below = Panel(id: 9, type: "timeseries", title: "Below", gridPos: GridPos(x: 0, y: 4, w: 24, h: 8),
                             targets: [Target(expr: "up")])

    static func expand(_ panels: [Panel], _ variable: Variable = jobVariable()) -> Dashboard {
        Dashboard(uid: "r", title: "R", panels: panels, variables: [variable]).expandingRepeats()
    }

    static func grid(_ dashboard: Dashboard) -> [[Int]] {
        dashboard.panels.map { [$0.id, $0.gridPos.x, $0.gridPos.y, $0.gridPos.w, $0.gridPos.h] }
    }

    @Test func horizontalWithoutMaxPerRowUsesGrafanasDefaultOfFour() {
        // Unset maxPerRow is 4 in Grafana (`panel.maxPerRow || 4`): five copies are
        // max(24 / 5, 24 / 4) = 6 wide, four on the first grid row, whatever the panel's own
        // x and w; "Below" moves down by the one extra row. Copies after the first get ids
        // after the largest (9).
        let expanded = Self.expand([Self.repeated(GridPos(x: 8, y: 0, w: 8, h: 4)), Self.below])
        #expect(Self.grid(expanded) == [
            [1, 0, 0, 6, 4], [10, 6, 0, 6, 4], [11, 12, 0, 6, 4], [12, 18, 0, 6, 4], [13, 0, 4, 6, 4], [9, 0, 8, 24, 8],
        ])
        #expect(expanded.panels.prefix(5).map { $0.scopedVariables["job"] } == Self.jobs)
        #expect(expanded.panels.prefix(5).map(\.repeatSourceID) == [nil, 1, 1, 1, 1])
        #expect(expanded.panels[5].scopedVariables.isEmpty)
        // Two values fill the row: max(24 / 2, 24 / 4) = 12.
        let two = Self.expand([Self.repeated(GridPos(x: 0, y: 0, w: 8, h: 4))], Self.jobVariable(current: ["execution", "ai-engine"]))
        #expect(Self.grid(two) == [[1, 0, 0, 12, 4], [2, 12, 0, 12, 4]])
        #expect(two.panels.map { $0.scopedVariables["job"] } == ["ai-engine", "execution"])
    }

    @Test func horizontalWithMaxPerRowDividesTheWidth() {
        // Three values, at most four per row: each gets 24 / 3 = 8 columns, on one row.
        let three = Self.jobVariable(current: Array(Self.jobs.prefix(3)))
        let expanded = Self.expand([Self.repeated(GridPos(x: 4, y: 0, w: 6, h: 4), maxPerRow: 4), Self.below], three)
        #expect(Self.grid(expanded) == [[1, 0, 0, 8, 4], [10, 8, 0, 8, 4], [11, 16, 0, 8, 4], [9, 0, 4, 24, 8]])
        // Five values, at most four per row: 24 / 4 = 6 columns, wrapping after four.
        let five = Self.expand([Self.repeated(GridPos(x: 0, y: 0, w: 24, h: 4), maxPerRow: 4), Self.below])
        #expect(Self.grid(five) == [
            [1, 0, 0, 6, 4], [10, 6, 0, 6, 4], [11, 12, 0, 6, 4], [12, 18, 0, 6, 4], [13, 0, 4, 6, 4], [9, 0, 8, 24, 8],
        ])
        // 24 / 5 is fractional in Grafana; whole columns are shared out as evenly as possible.
        let fifths = Self.expand([Self.repeated(GridPos(x: 0, y: 0, w: 24, h: 4), maxPerRow: 5)])
        #expect(fifths.panels.map(\.gridPos.x) == [0, 5, 10, 15, 20])
        #expect(fifths.panels.map(\.gridPos.w) == [5, 5, 5, 5, 4])
    }

    @Test func verticalStacksCopiesWithTheSameSize() {
        let three = Self.jobVariable(current: ["risk-safety", "ai-engine", "execution"])
        let beside = Panel(id: 5, type: "stat", title: "Beside", gridPos: GridPos(x: 12, y: 0, w: 12, h: 4))
        let expanded = Self.expand([Self.repeated(GridPos(x: 0, y: 0, w: 12, h: 4), direction: .vertical), beside, Self.below], three)
        // The selection comes out in option order, as Grafana's getSelectedVariableOptions.
        #expect(expanded.panels.prefix(3).map { $0.scopedVariables["job"] } == ["ai-engine", "execution", "risk-safety"])
        // "Beside" follows the repeated panel in grid order, so it moves down with "Below".
        #expect(Self.grid(expanded) == [
            [1, 0, 0, 12, 4], [10, 0, 4, 12, 4], [11, 0, 8, 12, 4], [5, 12, 8, 12, 4], [9, 0, 12, 24, 8],
        ])
    }

    @Test func oneValueIsOneScopedCopy() {
        let one = Self.jobVariable(current: ["execution"])
        // Grafana's max(24 / 1, 24 / maxPerRow) fills the row.
        let kept = Self.expand([Self.repeated(GridPos(x: 0, y: 0, w: 8, h: 4)), Self.below], one)
        #expect(Self.grid(kept) == [[1, 0, 0, 24, 4], [9, 0, 4, 24, 8]])
        #expect(kept.panels[0].scopedVariables == ["job": "execution"])
        #expect(kept.panels[0].title == "Requests execution")
        // Vertical keeps the panel's own place and size.
        let vertical = Self.expand([Self.repeated(GridPos(x: 4, y: 0, w: 8, h: 4), direction: .vertical)], one)
        #expect(Self.grid(vertical) == [[1, 4, 0, 8, 4]])
    }

    @Test func noValuesLeaveThePanelOnceUnscoped() {
        // "All" before the options are loaded, and an empty selection, select nothing.
        for variable in [Self.jobVariable(options: []), Self.jobVariable(current: [], options: [])] {
            let expanded = Self.expand([Self.repeated(GridPos(x: 0, y: 0, w: 8, h: 4)), Self.below], variable)
            #expect(Self.grid(expanded) == [[1, 0, 0, 8, 4], [9, 0, 4, 24, 8]])
            #expect(expanded.panels[0].scopedVariables.isEmpty)
            #expect(expanded.panels[0].title == "Requests $job")
        }
    }

    @Test func allRepeatsEveryOptionButNotTheAllEntry() {
        let variable = Self.jobVariable(options: [Variable.allValueMarker] + Self.jobs.prefix(2))
        let expanded = Self.expand([Self.repeated(GridPos(x: 0, y: 0, w: 12, h: 4))], variable)
        #expect(expanded.panels.map { $0.scopedVariables["job"] } == ["ai-engine", "execution"])
    }

    @Test func titlesAndLegendsNameTheirValue() {
        let expanded = Self.expand([Self.repeated(GridPos(x: 0, y: 0, w: 12, h: 4))], Self.jobVariable(current: ["ai-engine", "execution"]))
        #expect(expanded.panels.map(\.title) == ["Requests ai-engine", "Requests execution"])
        #expect(expanded.panels.map { $0.targets[0].legendFormat } == ["{{instance}} of ai-engine", "{{instance}} of execution"])
        // The query keeps its reference: the planner fills it in from the scope.
        #expect(expanded.panels[1].targets[0].expr.contains("$job"))
    }

    @Test func unknownVariableAndNoRepeatsChangeNothing() {
        let stray = Self.repeated(GridPos(x: 0, y: 0, w: 8, h: 4), variable: "nope")
        let dashboard = Dashboard(uid: "r", title: "R", panels: [stray, Self.below], variables: [Self.jobVariable()])
        #expect(dashboard.expandingRepeats() == dashboard)
        let plain = Dashboard(uid: "p", title: "P", panels: [Self.below], variables: [Self.jobVariable()])
        #expect(plain.expandingRepeats() == plain)
    }

    @Test func openRowRepeatsWithItsPanels() {
        let row = Panel(id: 20, type: "row", title: "Service $job", gridPos: GridPos(x: 0, y: 0, w: 24, h: 1), repeatVariable: "job")
        let left = Panel(id: 21, type: "stat", title: "Rate $job", gridPos: GridPos(x: 0, y: 1, w: 12, h: 4))
        let right = Panel(id: 22, type: "stat", title: "Errors", gridPos: GridPos(x: 12, y: 1, w: 12, h: 4))
        let next = Panel(id: 30, type: "row", title: "Next", gridPos: GridPos(x: 0, y: 5, w: 24, h: 1))
        let under = Panel(id: 31, type: "stat", gridPos: GridPos(x: 0, y: 6, w: 24, h: 4))
        let two = Self.jobVariable(current: ["ai-engine", "execution"])
        let expanded = Self.expand([row, left, right, next, under], two)
        // Each copy of the row is 5 high (the row line and its panels); what follows moves 5.
        #expect(Self.grid(expanded) == [
            [20, 0, 0, 24, 1], [21, 0, 1, 12, 4], [22, 12, 1, 12, 4],
            [32, 0, 5, 24, 1], [33, 0, 6, 12, 4], [34, 12, 6, 12, 4],
            [30, 0, 10, 24, 1], [31, 0, 11, 24, 4],
        ])
        #expect(expanded.panels.map(\.title) == ["Service ai-engine", "Rate ai-engine", "Errors", "Service execution", "Rate execution", "Errors", "Next", ""])
        #expect(expanded.panels.map { $0.scopedVariables["job"] } == ["ai-engine", "ai-engine", "ai-engine", "execution", "execution", "execution", nil, nil])
        #expect(expanded.panels.map(\.repeatSourceID) == [nil, nil, nil, 20, 21, 22, nil, nil])
    }

    @Test func collapsedRowRepeatsAndPanelsInsideRepeatToo() {
        let inner = Self.repeated(id: 3, GridPos(x: 0, y: 2, w: 12, h: 4), variable: "env")
        let row = Panel(id: 2, type: "row", title: "$job", gridPos: GridPos(x: 0, y: 0, w: 24, h: 1), collapsed: true,
                        panels: [inner], repeatVariable: "job")
        let after = Panel(id: 4, type: "stat", gridPos: GridPos(x: 0, y: 1, w: 24, h: 4))
        let env = Variable(name: "env", kind: .custom, current: ["prod", "dev"], options: ["prod", "dev"], multi: true)
        let dashboard = Dashboard(uid: "r", title: "R", panels: [row, after],
                                  variables: [Self.jobVariable(current: ["ai-engine", "execution"]), env])
        let expanded = dashboard.expandingRepeats()
        // Collapsed copies are one line each; the panel after them moves down one.
        #expect(Self.grid(expanded) == [[2, 0, 0, 24, 1], [6, 0, 1, 24, 1], [4, 0, 2, 24, 4]])
        let children = expanded.panels.prefix(2).map { $0.panels.map { [$0.id, $0.gridPos.x, $0.gridPos.w] } }
        #expect(children == [[[3, 0, 12], [5, 12, 12]], [[7, 0, 12], [8, 12, 12]]])
        #expect(expanded.panels[1].panels[1].scopedVariables == ["job": "execution", "env": "dev"])
        #expect(expanded.panels[1].panels[1].title == "Requests $job".replacingOccurrences(of: "$job", with: "execution"))
    }

    @Test func plannerUsesEachCopysValue() {
        let variable = Variable(name: "job", kind: .custom, current: [Variable.allValueMarker], options: ["a.b", "c"],
                                multi: true, includeAll: true)
        let panel = Panel(id: 1, type: "stat", title: "$job", gridPos: GridPos(x: 0, y: 0, w: 24, h: 4),
                          targets: [Target(expr: "sum(rate(x{job=~\"$job\"}[5m])) / ${job:raw}")], repeatVariable: "job")
        let summary = Panel(id: 2, type: "stat", gridPos: GridPos(x: 0, y: 4, w: 24, h: 4), targets: [Target(expr: "sum(x{job=~\"$job\"})")])
        let dashboard = Dashboard(uid: "r", title: "R", panels: [panel, summary], variables: [variable]).expandingRepeats()
        let plan = QueryPlan(dashboard: dashboard, fromMs: 0, toMs: 3_600_000)
        let byPanel = Dictionary(plan.queries.map { ($0.panelID, $0.expr) }, uniquingKeysWith: { a, _ in a })
        // A copy sees one value, formatted as Grafana formats a single selected value of a
        // multi-value variable (regex-escaped); panels outside the repeat still see All.
        #expect(byPanel[1] == "sum(rate(x{job=~\"a\\\\.b\"}[5m])) / a.b")
        #expect(byPanel[3] == "sum(rate(x{job=~\"c\"}[5m])) / c")
        #expect(byPanel[2] == "sum(x{job=~\"(a\\\\.b|c)\"})")
    }
}
