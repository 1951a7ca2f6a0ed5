import Dashboards
import PromModel
import Render
import TerminalTypes

extension ViewerReducer {
    func handleOverlayKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let overlay = state.overlay else { return [] }
        switch overlay {
        case .help:
            return helpKey(key, &state)
        case .inspect(let panelID):
            return inspectKey(key, panelID: panelID, &state, now: now)
        case .notice:
            guard [.escape, .enter, .char("q"), .char(" ")].contains(key) else { return [] }
            state.overlay = nil
        case .alerts:
            return alertsKey(key, &state, now: now)
        case .dashboardPicker(let selection):
            switch key {
            case .up, .char("k"): state.overlay = .dashboardPicker(selection: max(0, selection - 1))
            case .down, .char("j"): state.overlay = .dashboardPicker(selection: min(max(0, state.dashboards.count - 1), selection + 1))
            case .enter:
                state.overlay = nil
                return switchDashboard(to: selection, &state, now: now) + [.redraw]
            case .escape, .char("q"), .char("d"): state.overlay = nil
            default: return []
            }
        case .timePicker(let selection, let typed):
            return timePickerKey(key, selection: selection, typed: typed, &state, now: now)
        case .variableList(let selection):
            let variables = state.dashboard?.variables ?? []
            switch key {
            case .up, .char("k"): state.overlay = .variableList(selection: max(0, selection - 1))
            case .down, .char("j"): state.overlay = .variableList(selection: min(max(0, variables.count - 1), selection + 1))
            case .enter:
                guard let dashboard = state.dashboard, variables.indices.contains(selection) else { return [] }
                let name = variables[selection].name
                let chosen = state.selections[dashboard.uid]?[name] ?? []
                state.overlay = .variableOptions(name: name, selection: 0, chosen: chosen)
                state.cursors.picker = ListCursor()
            case .escape, .char("q"), .char("v"): state.overlay = nil
            default: return []
            }
        case .variableOptions(let name, let selection, let chosen):
            return variableOptionsKey(key, name: name, selection: selection, chosen: chosen, &state, now: now)
        case .prompt(let prompt):
            return promptKey(key, prompt, &state, now: now)
        }
        return [.redraw]
    }

    private func timePickerKey(_ key: Key, selection: Int, typed: String, _ state: inout AppState, now: Timestamp) -> [Effect] {
        // Grafana's two-key time shortcuts, `t` then: z or - zoom out, ← → shift by half the range.
        if typed.isEmpty, let window = Self.timeShortcut(key, state.window, now: now) {
            state.overlay = nil
            state.window = window
            state.status = StatusMessage(text: "Time range: \(state.window)", isError: false, at: now)
            return restart(&state, now: now)
        }
        switch key {
        case .up: state.overlay = .timePicker(selection: max(0, selection - 1), typed: typed)
        case .down: state.overlay = .timePicker(selection: min(KeyMap.timePresets.count - 1, selection + 1), typed: typed)
        case .backspace: state.overlay = .timePicker(selection: selection, typed: String(typed.dropLast()))
        case .escape: state.overlay = nil
        case .char(let c): state.overlay = .timePicker(selection: selection, typed: typed + String(c))
        case .enter:
            guard !typed.isEmpty || KeyMap.timePresets.indices.contains(selection) else { return [] }
            let text = typed.isEmpty ? KeyMap.timePresets[selection] : typed
            do {
                state.window = try TimeWindow(typed: text, now: now)
            } catch {
                state.status = StatusMessage(text: error.description, isError: true, at: now)
                return [.redraw]
            }
            state.overlay = nil
            state.status = StatusMessage(text: "Time range: \(state.window)", isError: false, at: now)
            return restart(&state, now: now)
        default: return []
        }
        return [.redraw]
    }

    /// The window after `t` + `key`, or nil when the key is not one of Grafana's time keys.
    static func timeShortcut(_ key: Key, _ window: TimeWindow, now: Timestamp) -> TimeWindow? {
        switch key {
        case .char("z"), .char("-"): window.zoomedOutAroundCentre(now: now)
        case .left: window.panned(forward: false, now: now)
        case .right: window.panned(forward: true, now: now)
        default: nil
        }
    }

    private func variableOptionsKey(
        _ key: Key, name: String, selection: Int, chosen: [String], _ state: inout AppState, now: Timestamp
    ) -> [Effect] {
        let options = state.pickerOptions(for: name)
        let multi = state.dashboard?.variables.first { $0.name == name }?.multi ?? false
        // A long list scrolls: the moves are ListCursor's, on the rows the dialog has.
        var cursor = ListCursor(selection: selection, top: state.cursors.picker.top)
        let rows = DialogWidget.visibleRows(screenHeight: state.size.height)
        switch key {
        case _ where Self.moveCursor(&cursor, key, count: options.count, visibleRows: rows):
            state.overlay = .variableOptions(name: name, selection: cursor.selection, chosen: chosen)
            state.cursors.picker = cursor
        case .char(" ") where multi && options.indices.contains(selection):
            let option = options[selection]
            var next = chosen.filter { $0 != Variable.allValueMarker }
            if option == Variable.allValueMarker {
                next = [Variable.allValueMarker]
            } else if let index = next.firstIndex(of: option) {
                next.remove(at: index)
            } else {
                next.append(option)
            }
            state.overlay = .variableOptions(name: name, selection: selection, chosen: next)
        case .enter:
            // No options yet (still loading, or none): nothing to choose, whatever `chosen` holds.
            guard let uid = state.dashboard?.uid else { return [] }
            let value: [String]
            let current = state.selections[uid]?[name] ?? []
            if multi && !chosen.isEmpty && chosen != current {
                // Space changed the set: Enter applies it.
                value = chosen
            } else if options.indices.contains(selection) {
                // Nothing toggled: Enter takes the highlighted item, as a click in Grafana's list.
                value = [options[selection]]
            } else {
                return []
            }
            let copiesBefore = repeatedCopies(state)
            state.selections[uid, default: [:]][name] = value
            state.overlay = nil
            // Grafana refreshes the variables that use this one when it changes.
            let dependents = Set(VariableChain(state.dashboard?.variables ?? []).dependents(of: name))
            // Asked before the restart, so the panels that use them wait for their answers.
            let requests = requestVariableOptions(&state, now: now, only: dependents, force: true)
            if repeatedCopies(state) != copiesBefore { return requests + restart(&state, now: now) }
            return requests + restart(&state, now: now, changed: [name])
        case .escape: state.overlay = .variableList(selection: 0)
        default: return []
        }
        return [.redraw]
    }

    // MARK: Ad-hoc result view

    /// Keys of the ad-hoc view; nil lets the key through to the main map (time range keys,
    /// pause), whose refresh then targets the ad-hoc query.
    func handleAdhocKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect]? {
        switch key {
        case .escape:
            let effects = cancelAll(&state)
            state.adhoc = nil
            state.explore.series = SeriesExplorer()
            state.explore.table = TableExplorer()
            return effects + refresh(&state, now: now, force: false) + [.fullRedraw]
        case .tab:
            state.adhoc?.asTable.toggle()
            return [.redraw]
        case .char(":"):
            state.overlay = .prompt(PromptState(text: state.adhoc?.expr ?? ""))
            return [.redraw]
        case .char("e"), .char("y"), .char("q"), .char("?"), .char("r"), .char("+"), .char("="), .char("-"), .char("["), .char("]"),
             .char("t"), .char("p"):
            return nil
        default:
            return []
        }
    }
}

extension AppState {
    /// The options the picker lists for a variable, All first when offered.
    public func pickerOptions(for name: String) -> [String] {
        guard let dashboard = dashboard, let variable = dashboard.variables.first(where: { $0.name == name }) else { return [] }
        var options = variableOptions[dashboard.uid]?[name] ?? variable.options
        if options.isEmpty, variable.kind == .custom {
            options = variable.query.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return (variable.includeAll ? [Variable.allValueMarker] : []) + options
    }
}
