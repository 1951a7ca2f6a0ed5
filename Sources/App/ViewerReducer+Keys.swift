import Foundation
import PromModel
import Render
import TerminalTypes

extension ViewerReducer {
    func handleKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect] {
        if key == .ctrl("c") { return cancelAll(&state) + [.quit] }
        if key == .ctrl("l") { return [.fullRedraw] }
        if state.overlay != nil { return handleOverlayKey(key, &state, now: now) }
        // A status message lasts until the next key.
        let hadStatus = state.status != nil
        state.status = nil
        if let effects = metricExplorerKey(key, &state, now: now) { return effects }
        let effects = handleDashboardKey(key, &state, now: now)
        return hadStatus && !effects.contains(.redraw) ? effects + [.redraw] : effects
    }

    private func handleDashboardKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect] {
        if let effects = handleExploreKey(key, &state, now: now) { return effects }
        if state.adhoc != nil, let effects = handleAdhocKey(key, &state, now: now) { return effects }
        if let effects = dashListKey(key, &state, now: now) { return effects }
        switch key {
        case .char("q"):
            return cancelAll(&state) + [.quit]
        case .char("?"):
            state.overlay = .help
            state.cursors.help = ListCursor()
        case .char(let c) where c.isASCII && c.isNumber && c != "0":
            return switchDashboard(to: (c.wholeNumberValue ?? 1) - 1, &state, now: now)
        case .tab:
            return switchDashboard(to: (state.dashboardIndex + 1) % max(1, state.dashboards.count), &state, now: now)
        case .backTab:
            let count = max(1, state.dashboards.count)
            return switchDashboard(to: (state.dashboardIndex + count - 1) % count, &state, now: now)
        case .char("d"):
            state.overlay = .dashboardPicker(selection: state.dashboardIndex)
        case .char("T"): return toggleAbsoluteTime(&state)
        case .left, .char("h"): return moveFocus(.left, &state, now: now)
        case .right, .char("l"): return moveFocus(.right, &state, now: now)
        case .up, .char("k"): return moveFocus(.up, &state, now: now)
        case .down, .char("j"): return moveFocus(.down, &state, now: now)
        case .pageDown: return scroll(&state, by: Geometry.canvasHeight(state.size) - 1, now: now)
        case .pageUp: return scroll(&state, by: -(Geometry.canvasHeight(state.size) - 1), now: now)
        case .enter:
            guard state.zoomedPanelID == nil, let focused = state.focusedPanelID else { return [] }
            if state.focusedRow != nil { return toggleRow(focused, &state, now: now) }
            state.zoomedPanelID = focused
            state.cursors.dashList = ListCursor()
            state.explore.series = SeriesExplorer()
            state.explore.table = TableExplorer()
            return cancelPanels([focused], &state) + refresh(&state, now: now, force: false) + [.fullRedraw]
        case .escape:
            guard state.zoomedPanelID != nil else { return [] }
            state.zoomedPanelID = nil
            state.explore.series = SeriesExplorer()
            state.explore.table = TableExplorer()
            return refresh(&state, now: now, force: false) + [.fullRedraw]
        // `+` narrows the range (zooms in), `-` widens it, as a zoom key reads everywhere else
        // (Grafana's own zoom out is `t z`, and Ctrl-Z here suspends).
        case .char("+"), .char("="):
            state.window = state.window.zoomed(out: false, now: now)
            return restart(&state, now: now)
        case .char("-"):
            state.window = state.window.zoomed(out: true, now: now)
            return restart(&state, now: now)
        case .char("["):
            state.window = state.window.panned(forward: false, now: now)
            return restart(&state, now: now)
        case .char("]"):
            state.window = state.window.panned(forward: true, now: now)
            return restart(&state, now: now)
        case .char("t"):
            state.overlay = .timePicker(selection: KeyMap.timePresets.firstIndex { PrometheusDuration.milliseconds($0) == state.window.span(now: now) } ?? 3, typed: "")
        case .char("p"):
            state.paused.toggle()
            state.status = StatusMessage(text: state.paused ? "Paused: press p to resume" : "Resumed", isError: false, at: now)
            if state.paused { return [.redraw] }
            return refresh(&state, now: now, force: true) + [.redraw]
                + (state.refreshInterval.map { [.scheduleTick(at: now + $0)] } ?? [])
        case .char("r"):
            return refresh(&state, now: now, force: true) + [.redraw]
        case .char("v"):
            guard let dashboard = state.dashboard, !dashboard.variables.isEmpty else {
                state.status = StatusMessage(text: "This dashboard has no variables", isError: false, at: now)
                return [.redraw]
            }
            state.overlay = .variableList(selection: 0)
            return requestVariableOptions(&state, now: now, force: true) + [.redraw]
        case .char("i"):
            guard let focused = state.focusedPanelID ?? state.zoomedPanelID else { return [] }
            state.overlay = .inspect(panelID: focused)
            state.cursors.inspect = ListCursor()
        case .char("e"):
            return export(&state, now: now)
        case .char("y"):
            return copyQuery(&state, now: now)
        case .char("m"):
            return openMetricExplorer(&state, now: now)
        case .char(":"):
            state.overlay = .prompt(PromptState())
        case .char("a"):
            return openAlerts(&state)
        default:
            return []
        }
        return [.redraw]
    }

    func switchDashboard(to index: Int, _ state: inout AppState, now: Timestamp) -> [Effect] {
        guard state.dashboards.indices.contains(index) else { return [] }
        guard index != state.dashboardIndex else { return [] }
        state.dashboardIndex = index
        return activateDashboard(&state, now: now)
    }

    /// Opens or closes a row: its panels join or leave the layout, and those now on screen
    /// get their data.
    func toggleRow(_ id: Int, _ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let uid = state.dashboard?.uid else { return [] }
        state.toggledRows[uid, default: []].formSymmetricDifference([id])
        state.focusedPanelID = id
        clampScroll(&state)
        return refresh(&state, now: now, force: false) + [.redraw]
    }

    func moveFocus(_ direction: FocusDirection, _ state: inout AppState, now: Timestamp) -> [Effect] {
        guard state.zoomedPanelID == nil else { return [] }
        let all = frames(state)
        guard let current = all.first(where: { $0.panelID == state.focusedPanelID }) ?? all.first else { return [] }
        guard state.focusedPanelID != nil else {
            state.focusedPanelID = current.panelID
            return [.redraw]
        }
        guard let next = Focus.next(from: current, in: direction, among: all) else { return [] }
        state.focusedPanelID = next.panelID
        // Keep the focused panel on screen; panels scrolled into view get their data.
        let height = Geometry.canvasHeight(state.size)
        if next.rect.y < state.scroll {
            state.scroll = next.rect.y
        } else if next.rect.maxY > state.scroll + height {
            state.scroll = min(next.rect.y, next.rect.maxY - height)
        }
        return refresh(&state, now: now, force: false) + [.redraw]
    }

    func scroll(_ state: inout AppState, by lines: Int, now: Timestamp) -> [Effect] {
        let before = state.scroll
        state.scroll += lines
        clampScroll(&state)
        guard state.scroll != before else { return [] }
        return refresh(&state, now: now, force: false) + [.redraw]
    }

    func clampScroll(_ state: inout AppState) {
        let bottom = frames(state).map(\.rect.maxY).max() ?? 0
        state.scroll = max(0, min(state.scroll, bottom - Geometry.canvasHeight(state.size)))
    }

    /// Drops in-flight queries that only these panels wait for (zooming changes their step).
    func cancelPanels(_ ids: Set<Int>, _ state: inout AppState) -> [Effect] {
        let doomed = state.inFlight.filter { $0.value.consumers.allSatisfy { ids.contains($0.panelID) } }.keys.sorted()
        guard !doomed.isEmpty else { return [] }
        for id in doomed { state.inFlight[id] = nil }
        for id in ids { state.panels[id]?.pending = [] }
        return [.cancelQueries(doomed)]
    }

    func export(_ state: inout AppState, now: Timestamp) -> [Effect] {
        let target: (results: [String: QueryResult], uid: String, panelID: Int)?
        if let adhoc = state.adhoc {
            target = (adhoc.panel.results, "adhoc", 0)
        } else if let id = state.zoomedPanelID ?? state.focusedPanelID, let dashboard = state.dashboard {
            target = (state.panels[id]?.results ?? [:], dashboard.uid, id)
        } else {
            target = nil
        }
        guard let target, !target.results.isEmpty else {
            state.status = StatusMessage(text: "Nothing to export: the focused panel has no data", isError: true, at: now)
            return [.redraw]
        }
        let name = CSVExport.fileName(dashboardUID: target.uid, panelID: target.panelID, now: now)
        let path = (state.exportDirectory as NSString).appendingPathComponent(name)
        state.status = StatusMessage(text: "Exporting to \(path)…", isError: false, at: now)
        return [.writeFile(path: path, contents: CSVExport.csv(results: target.results)), .redraw]
    }
}
