import Dashboards
import PromModel
import Render
import Terminal
import TerminalTypes
import Testing
@testable import App

/// Grafana's time keys after `t`, the variable picker's Enter and marks, the help's scroll,
/// inspect's value cursor and a zoomed dashboard list, key by key.
@Suite struct ListKeysTests {
    private func started(_ dashboards: [Dashboard] = [Fixtures.health, Fixtures.trading], height: Int = 40) -> Harness {
        var harness = Harness(Fixtures.state(dashboards, width: 120, height: height))
        harness.send(.start)
        harness.answerAll()
        return harness
    }

    @Test func tThenZZoomsOutAroundTheCentre() {
        var harness = started()
        let effects = harness.press(.char("t"), .char("z"))
        #expect(harness.state.overlay == nil)
        // Last 1h ends at now: twice as long, still ending now (nothing to show after it).
        #expect(harness.state.window == .relative(span: 7_200_000, offset: 0))
        #expect(!effects.jobs.isEmpty)
        harness.press(.char("t"), .char("-"))
        #expect(harness.state.window == .relative(span: 14_400_000, offset: 0))
        // An absolute range keeps its centre.
        harness.state.window = .absolute(start: 1_000_000, end: 4_600_000)
        harness.press(.char("t"), .char("z"))
        #expect(harness.state.window == .absolute(start: -800_000, end: 6_400_000))
        // A relative range in the past keeps its centre while it can.
        harness.state.window = .relative(span: 3_600_000, offset: 7_200_000)
        harness.press(.char("t"), .char("z"))
        #expect(harness.state.window == .relative(span: 7_200_000, offset: 5_400_000))
    }

    @Test func tThenArrowsShiftByHalfTheRange() {
        var harness = started()
        harness.press(.char("t"), .left)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.window == .relative(span: 3_600_000, offset: 1_800_000))
        harness.press(.char("t"), .right)
        #expect(harness.state.window == .relative(span: 3_600_000, offset: 0))
        // Never past now.
        harness.press(.char("t"), .right)
        #expect(harness.state.window == .relative(span: 3_600_000, offset: 0))
        // Typing a custom range still takes every character, `-` included.
        harness.press(.char("t"))
        harness.type("now-2h")
        #expect(harness.state.overlay == .timePicker(selection: 3, typed: "now-2h"))
        harness.press(.enter)
        #expect(harness.state.window.span(now: harness.now) == 7_200_000)
    }

    @Test func helpListsTheTimeKeysAndScrolls() throws {
        #expect(KeyMap.help.contains { $0.keys == "t z, t -" })
        #expect(KeyMap.help.contains { $0.keys == "t ← / t →" })
        var harness = started(height: 24)
        harness.press(.char("?"))
        #expect(harness.state.overlay == .help)
        let first = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(first.contains("switch dashboard") && !first.contains("this help"))
        #expect(first.contains("lines 1-21/\(KeyMap.help.count)"))
        harness.press(.char("j"), .down)
        #expect(harness.state.cursors.help.selection == 2)
        harness.press(.end)
        let last = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(last.contains("this help") && last.contains("quit") && !last.contains("switch dashboard"))
        harness.press(.pageUp, .pageUp, .pageUp, .pageUp, .home)
        #expect(harness.state.cursors.help.selection == 0)
        harness.press(.pageDown)
        #expect(harness.state.cursors.help.selection > 10)
        harness.press(.char("?"))
        #expect(harness.state.overlay == nil)
        // Opening it again starts at the top.
        harness.press(.char("?"))
        #expect(harness.state.cursors.help == ListCursor())
    }

    @Test func pickerEnterTakesTheHighlightedItem() {
        var harness = started()
        harness.send(.variableOptions(dashboardUID: "health", name: "service", .success(["ai-engine", "execution", "risk"])))
        harness.press(.char("v"), .enter)
        // Nothing toggled: Enter on "risk" (All, ai-engine, execution, risk) picks it alone.
        harness.press(.end, .enter)
        #expect(harness.state.selections["health"]?["service"] == ["risk"])
        #expect(harness.state.overlay == nil)
        // The picker marks the chosen values of a multi-value variable.
        harness.press(.char("v"), .enter, .down, .char(" "))
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("✓ ai-engine") && text.contains("✓ risk") && text.contains("  execution"))
        harness.press(.enter)
        #expect(harness.state.selections["health"]?["service"] == ["risk", "ai-engine"])
    }

    @Test func singleValuePickerMarksTheCurrentValue() {
        let single = Dashboard(uid: "single", title: "Single", panels: Fixtures.health.panels, variables: [
            Variable(name: "service", kind: .custom, query: "a,b,c", current: ["b"]),
        ])
        var harness = started([single])
        harness.press(.char("v"), .enter)
        var text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("● b") && text.contains("  a"))
        harness.press(.pageDown, .enter)
        #expect(harness.state.selections["single"]?["service"] == ["c"])
        harness.press(.char("v"), .enter)
        text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("● c"))
    }

    @Test func aLongOptionListScrollsAndAnEmptyOneNeverTraps() {
        var harness = started(height: 24)
        let many = (0..<200).map { "svc-\($0)" }
        harness.send(.variableOptions(dashboardUID: "health", name: "service", .success(many)))
        harness.press(.char("v"), .enter, .pageDown, .pageDown)
        guard case .variableOptions(_, let selection, _) = harness.state.overlay else { Issue.record("no picker"); return }
        #expect(selection == 2 * (DialogWidget.visibleRows(screenHeight: 24) - 1))
        // ListCursor scrolls as little as it can: the selection (option 40, svc-39) sits on the
        // last row, the first shown is svc-19, and a step up does not move the list.
        func shown() -> String { FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text }
        #expect(harness.state.cursors.picker.top == 20)
        #expect(shown().contains("svc-19") && !shown().contains("svc-18 ") && shown().contains("svc-39"))
        harness.press(.up)
        #expect(harness.state.cursors.picker.top == 20)
        #expect(shown().contains("svc-19") && !shown().contains("svc-18 "))
        harness.press(.end)
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("svc-199"))
        harness.press(.enter)
        #expect(harness.state.selections["health"]?["service"] == ["svc-199"])
        // No options at all: every key is safe and Esc leaves.
        let empty = Dashboard(uid: "empty", title: "Empty", panels: [], variables: [Variable(name: "x", kind: .query, query: "label_values(x)")])
        var other = started([empty])
        let before = other.state.selections["empty"]
        other.press(.char("v"), .enter, .down, .end, .pageDown, .home, .char(" "), .enter)
        #expect(other.state.selections["empty"] == before)
        guard case .variableOptions(let name, 0, _) = other.state.overlay else { Issue.record("the picker closed"); return }
        #expect(name == "x")
        other.press(.escape, .escape)
        #expect(other.state.overlay == nil)
    }

    @Test func inspectValueCursorAndCopy() {
        var harness = Harness(Fixtures.state([Fixtures.health], width: 120, height: 40))
        harness.send(.start)
        harness.answerAll(with: QueryResponse(result: .vector([
            InstantSample(labels: Labels(["service": "a"]), sample: Sample(Fixtures.t0, 0.25)),
            InstantSample(labels: Labels(["service": "b"]), sample: Sample(Fixtures.t0, 12)),
        ])))
        harness.press(.char("i"))
        #expect(harness.state.overlay == .inspect(panelID: 1))
        let values = harness.state.inspectedValues(panelID: 1, now: harness.now)
        #expect(values.map(\.value) == ["0.25", "12"])
        #expect(harness.press(.char("y")) == [.copy("0.25")])
        harness.press(.down, .down)
        #expect(harness.state.cursors.inspect.selection == 1)
        #expect(harness.press(.char("y")) == [.copy("12")])
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("Values (last):") && text.contains("y copy value"))
        harness.press(.escape)
        #expect(harness.state.overlay == nil)
        #expect(GoFloatFormat.short(.infinity) == "+Inf" && GoFloatFormat.short(.nan) == "NaN" && GoFloatFormat.short(-3) == "-3")
    }

    @Test func inspectWithoutValuesCopiesTheQuery() {
        var harness = Harness(Fixtures.state([Fixtures.health], width: 120, height: 40))
        harness.send(.start)
        harness.press(.char("i"))
        let effects = harness.press(.char("y"))
        #expect(effects == [.copy("sum(up)")])
    }

    @Test func zoomedDashListOpensTheSelectedDashboard() {
        let list = Dashboard(uid: "home", title: "Home", panels: [
            Panel(id: 1, type: "dashlist", title: "Dashboards", gridPos: GridPos(x: 0, y: 0, w: 24, h: 8)),
        ])
        var harness = started([list, Fixtures.health, Fixtures.trading])
        harness.press(.enter)
        #expect(harness.state.zoomedPanelID == 1)
        // Sorted by title: Home, Service Health, Trading.
        #expect(harness.state.zoomedDashList?.items.map(\.title) == ["Home", "Service Health", "Trading"])
        harness.press(.down, .down, .up)
        #expect(harness.state.cursors.dashList.selection == 1)
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("Enter open dashboard"))
        harness.press(.enter)
        #expect(harness.state.dashboardIndex == 1)
        #expect(harness.state.zoomedPanelID == nil)
        // On the current dashboard Enter just leaves the zoom.
        harness.press(.char("1"), .enter, .home, .enter)
        #expect(harness.state.dashboardIndex == 0)
        #expect(harness.state.zoomedPanelID == nil)
    }
}
