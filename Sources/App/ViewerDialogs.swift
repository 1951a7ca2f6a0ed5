import Bundled
import Dashboards
import Foundation
import PromModel
import Render

/// The dialogs over the dashboard (help, pickers, inspect, alerts) as Render's models: what
/// they say is the viewer's business, how they look is Render's.
enum ViewerDialogs {
    static func dialog(_ state: AppState, now: Timestamp) -> DialogModel? {
        switch state.overlay {
        case nil, .prompt: return nil
        case .help: return help(scroll: state.cursors.help.selection, rows: DialogWidget.visibleRows(screenHeight: state.size.height))
        case .dashboardPicker(let selection):
            return list("Dashboards", state.dashboards.enumerated().map { "\($0.offset + 1)  \($0.element.title)" },
                        selection: selection, footer: "↑↓ move  Enter open  Esc close")
        case .timePicker(let selection, let typed):
            var items = KeyMap.timePresets.map { "Last \($0)" }
            items.append("Custom: \(typed.isEmpty ? "type e.g. now-6h, now/d or now-2h to now-1h" : typed + "█")")
            return list("Time range", items, selection: typed.isEmpty ? selection : items.count - 1,
                        footer: "↑↓ preset  type a range  Enter apply  z zoom out  ←→ shift  Esc close")
        case .variableList(let selection):
            let dashboard = state.dashboard
            let items = (dashboard?.variables ?? []).map { variable in
                let values = state.selections[dashboard?.uid ?? ""]?[variable.name] ?? variable.current
                if let error = state.variableErrors[dashboard?.uid ?? ""]?[variable.name] { return "$\(variable.name): ✗ \(error)" }
                return "$\(variable.name) = \(display(values))"
            }
            return list("Variables", items, selection: selection, footer: "↑↓ move  Enter choose  Esc close")
        case .variableOptions(let name, let selection, let chosen):
            let multi = state.dashboard?.variables.first { $0.name == name }?.multi ?? false
            let options = state.pickerOptions(for: name)
            // The selection shown: ✓ on each chosen value of a multi-value variable, ● on the current one.
            let current = state.selections[state.dashboard?.uid ?? ""]?[name] ?? []
            let items = options.map { option in
                let label = option == Variable.allValueMarker ? "All" : option
                if multi { return (chosen.contains(option) ? "✓ " : "  ") + label }
                return (current.contains(option) ? "● " : "  ") + label
            }
            let footer = multi ? "Space toggle  Enter apply  Esc back" : "↑↓ move  Enter apply  Esc back"
            var model = list("$\(name)", items.isEmpty ? ["(loading options…)"] : items, selection: selection, footer: footer)
            model.top = state.cursors.picker.top
            return model
        case .inspect(let panelID):
            return inspect(panelID, state, now: now)
        case .alerts:
            return AlertsOverlay.dialog(state, now: now)
        case .notice(let lines):
            return DialogModel(title: "Problems at start", lines: lines.map { DialogModel.Line($0, .warning) },
                               footer: "Esc or Enter to close", minimumWidth: 50, wraps: true)
        }
    }

    /// A variable's values as the header and the variables list show them.
    static func display(_ values: [String]) -> String {
        values.contains(Variable.allValueMarker) ? "All" : values.isEmpty ? "(none)" : values.joined(separator: ", ")
    }

    private static func help(scroll: Int, rows: Int) -> DialogModel {
        let keyWidth = KeyMap.help.map { DisplayWidth.of($0.keys) }.max() ?? 10
        let lines = KeyMap.help.map { entry in
            DialogModel.Line(entry.keys + String(repeating: " ", count: max(0, keyWidth - DisplayWidth.of(entry.keys))) + "  " + entry.action)
        }
        // Where the box is in a help longer than the screen, so it reads as a list that scrolls.
        let position = lines.count > rows ? "lines \(scroll + 1)-\(min(lines.count, scroll + rows))/\(lines.count)  " : ""
        return DialogModel(title: "Keys", lines: lines, scroll: scroll, footer: position + "↑↓ PgUp PgDn scroll  Esc or ? to close")
    }

    private static func list(_ title: String, _ items: [String], selection: Int, footer: String) -> DialogModel {
        DialogModel(title: title, lines: items.map { DialogModel.Line($0) }, selection: selection, footer: footer)
    }

    private static func inspect(_ panelID: Int, _ state: AppState, now: Timestamp) -> DialogModel {
        let panel = state.dashboard?.panel(id: panelID)
        let data = state.panels[panelID] ?? PanelState()
        var lines: [DialogModel.Line] = []
        lines.append(DialogModel.Line("Panel: \(panel?.title ?? "?") (id \(panelID), \(panel?.type ?? "?"))", .heading))
        let status = data.status(now: now)
        var reason = ""
        if case .stale = status, let error = data.lastError { reason = " · " + error.summary }
        lines.append(DialogModel.Line("Status: \(status.label)\(reason)"))
        lines.append(DialogModel.Line("Series: \(data.seriesCount)"))
        if let duration = data.lastDuration { lines.append(DialogModel.Line("Last refresh: \(duration) ms (slowest query)")) }
        if let success = data.lastSuccess { lines.append(DialogModel.Line("Last success: \(PrometheusDuration.format(max(1000, now - success))) ago")) }
        lines.append(DialogModel.Line("Queries:", .heading))
        for key in data.queries { lines.append(DialogModel.Line("  \(key)")) }
        if data.queries.isEmpty { lines.append(DialogModel.Line("  (none sent yet)", .dim)) }
        if let error = data.lastError {
            lines.append(DialogModel.Line("Last error (\(error.kind)):", .error))
            lines.append(DialogModel.Line("  \(error.message)"))
        }
        for warning in data.warnings { lines.append(DialogModel.Line("Warning: \(warning)", .warning)) }
        if let panel {
            let ignored = Transformations.ignored(panel)
            if !ignored.isEmpty { lines.append(DialogModel.Line("Transformations not applied: \(ignored.joined(separator: ", "))", .warning)) }
        }
        // The values, one per series, with a cursor `y` copies from.
        let values = state.inspectedValues(panelID: panelID, now: now)
        var selection: Int?
        if !values.isEmpty {
            lines.append(DialogModel.Line("Values (last):", .heading))
            var cursor = state.cursors.inspect
            cursor.clamp(count: values.count, visibleRows: 1)
            selection = lines.count + cursor.selection
            let nameWidth = min(40, values.map { DisplayWidth.of($0.name) }.max() ?? 0)
            for value in values {
                let name = TextFit.truncate(value.name, to: nameWidth)
                lines.append(DialogModel.Line("  " + name + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name))) + "  " + value.value))
            }
        }
        lines.append(DialogModel.Line("promdeck \(Bundled.version)", .dim))
        let footer = values.isEmpty ? "y copy query  Esc to close" : "↑↓ value  y copy value  Y copy query  Esc to close"
        return DialogModel(title: "Inspect", lines: lines, selection: selection, footer: footer, minimumWidth: 50, wraps: true)
    }
}
