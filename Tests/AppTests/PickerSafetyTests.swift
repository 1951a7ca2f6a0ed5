import Dashboards
import PromModel
import Render
import Terminal
import Testing
@testable import App

/// Pickers, overlays and the frame with nothing to pick or draw: each of these trapped or
/// misbehaved before its fix.
@Suite struct PickerSafetyTests {
    /// Like the demo's: a datasource variable (single value, its current saved) and a query one.
    static let withDatasource = Dashboard(
        uid: "ds", title: "With datasource",
        panels: [Panel(id: 1, type: "stat", title: "Up", gridPos: GridPos(x: 0, y: 0, w: 24, h: 4), targets: [Target(expr: "up")])],
        variables: [
            Variable(name: "datasource", kind: .datasource, query: "prometheus", current: ["Prometheus"]),
            Variable(name: "job", kind: .query, query: "label_values(up, job)", current: ["a"]),
        ])

    static func state(_ dashboards: [Dashboard], datasourceNames: [String] = [], notices: [String] = []) -> AppState {
        AppState(dashboards: dashboards, window: .relative(span: 3_600_000, offset: 0), size: TerminalSize(width: 120, height: 40),
                 datasourceNames: datasourceNames, notices: notices)
    }

    /// `demo`, `v`, Enter on $datasource ("(loading options…)"), Enter: index out of range
    /// at ViewerReducer+Overlays.swift:91 before (`options[selection]` on an empty list).
    @Test func enterOnAVariableWithNoOptionsDoesNothing() {
        var harness = Harness(Self.state([Self.withDatasource]))
        harness.send(.start)
        harness.press(.char("v"), .enter)
        #expect(harness.state.overlay == .variableOptions(name: "datasource", selection: 0, chosen: ["Prometheus"]))
        #expect(harness.state.pickerOptions(for: "datasource").isEmpty)
        #expect(harness.press(.enter).isEmpty)
        harness.press(.down, .up, .char(" "), .enter)
        #expect(harness.state.selections["ds"]?["datasource"] == ["Prometheus"])
        harness.press(.escape)
        #expect(harness.state.overlay == .variableList(selection: 0))
    }

    @Test func theDatasourceVariableOffersTheConfiguredDatasources() {
        var harness = Harness(Self.state([Self.withDatasource], datasourceNames: ["demo"]))
        harness.send(.start)
        #expect(harness.state.pickerOptions(for: "datasource") == ["demo"])
        // The saved "Prometheus" is not configured here: the first offered is chosen, as Grafana does.
        #expect(harness.state.selections["ds"]?["datasource"] == ["demo"])
        harness.press(.char("v"), .enter, .enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.selections["ds"]?["datasource"] == ["demo"])

        var regex = Self.withDatasource
        regex.variables[0].regex = "/^prod/"
        let filtered = Self.state([regex], datasourceNames: ["staging", "prod-eu", "prod-us"])
        #expect(filtered.pickerOptions(for: "datasource") == ["prod-eu", "prod-us"])
    }

    /// A dashboard without variables: ↓ in the list made the selection -1.
    @Test func anEmptyVariableListKeepsItsSelection() {
        var harness = Harness(Self.state([Fixtures.trading]))
        harness.send(.start)
        // `v` does not open it here; a list left open by a dashboard switch can be.
        harness.state.overlay = .variableList(selection: 0)
        harness.press(.down, .down, .enter)
        #expect(harness.state.overlay == .variableList(selection: 0))
        harness.state.overlay = .dashboardPicker(selection: 0)
        harness.press(.down, .down, .down)
        #expect(harness.state.overlay == .dashboardPicker(selection: 0))
        _ = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now)
    }

    @Test func noticesAtStartShowUntilDismissed() {
        var harness = Harness(Self.state([Fixtures.trading], notices: ["skipped bad.json:3:7: expected ','", "--var nosuch: no dashboard has a variable named nosuch"]))
        harness.send(.start)
        #expect(harness.state.overlay == .notice(lines: ["skipped bad.json:3:7: expected ','", "--var nosuch: no dashboard has a variable named nosuch"]))
        let frame = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now)
        #expect(frame.lines.contains { $0.contains("bad.json:3:7") })
        // Other keys (q included) do not reach the dashboard while it shows.
        #expect(!harness.press(.char("q")).quits)
        #expect(harness.state.overlay == nil)
        #expect(harness.press(.char("q")).quits)
    }

    /// A variable with 100,000 values: the picker opens, moves and draws.
    @Test func aVariableWithAHundredThousandValues() {
        var harness = Harness(Self.state([Self.withDatasource]))
        harness.send(.start)
        harness.send(.variableOptions(dashboardUID: "ds", name: "job", .success((0..<100_000).map { "job-\($0)" })))
        harness.press(.char("v"), .down, .enter)
        for _ in 0..<5 { harness.press(.up) }
        harness.press(.down, .down)
        let frame = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now)
        #expect(frame.lines.contains { $0.contains("job-2") })
        harness.press(.enter)
        #expect(harness.state.selections["ds"]?["job"] == ["job-2"])
    }

    @Test func aDashboardWithoutPanelsAndTinyScreens() {
        var harness = Harness(Self.state([Dashboard(uid: "empty", title: "Empty", panels: [])]))
        harness.send(.start)
        harness.press(.down, .right, .enter, .char("i"), .char("e"), .tab, .char("G"), .pageDown)
        for (width, height) in [(0, 0), (1, 1), (5, 3), (120, 40)] {
            harness.send(.resize(TerminalSize(width: width, height: height)))
            for overlay: Overlay in [.help, .dashboardPicker(selection: 0), .variableList(selection: 0), .timePicker(selection: 0, typed: ""),
                                     .notice(lines: ["x"]), .prompt(PromptState(text: "up", historyIndex: nil)), .inspect(panelID: 1), .alerts] {
                harness.state.overlay = overlay
                _ = FrameRenderer().render(harness.state, size: TerminalSize(width: width, height: height), now: harness.now)
            }
        }
    }

    /// The `:` prompt and the header drew CJK and emoji as blanks (App's own width table).
    @Test func wideCharactersInThePromptAndHeaderDraw() {
        var harness = Harness(Self.state([Dashboard(uid: "w", title: "監視 📈", panels: [])]))
        harness.send(.start)
        harness.state.overlay = .prompt(PromptState(text: "rate(日本語🚀[5m])", historyIndex: nil))
        let frame = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now)
        #expect(frame.lines.last?.hasPrefix(":rate(日本語🚀[5m])█") == true, "\(frame.lines.last ?? "")")
        #expect(frame.lines.first?.contains("監視 📈") == true, "\(frame.lines.first ?? "")")
    }
}
