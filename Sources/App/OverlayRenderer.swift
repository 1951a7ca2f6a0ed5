import Bundled
import Dashboards
import Foundation
import PromModel
import Render

/// Boxed lists over the dashboard: help, pickers, inspect, alerts.
struct OverlayRenderer {
    private let selected = Style(foreground: .ansi(0), background: .ansi(6), attributes: .bold)
    private let dim = Style(foreground: .ansi(8))

    func draw(_ state: AppState, now: Timestamp, into buffer: inout Buffer) {
        switch state.overlay {
        case nil, .prompt: return
        case .help: help(into: &buffer)
        case .dashboardPicker(let selection):
            list("Dashboards", state.dashboards.enumerated().map { "\($0.offset + 1)  \($0.element.title)" },
                 selection: selection, footer: "↑↓ move  Enter open  Esc close", into: &buffer)
        case .timePicker(let selection, let typed):
            var items = KeyMap.timePresets.map { "Last \($0)" }
            items.append("Custom: \(typed.isEmpty ? "type e.g. now-6h or now-2h to now-1h" : typed + "█")")
            list("Time range", items, selection: typed.isEmpty ? selection : items.count - 1,
                 footer: "↑↓ preset  type a range  Enter apply  Esc close", into: &buffer)
        case .variableList(let selection):
            let dashboard = state.dashboard
            let items = (dashboard?.variables ?? []).map { variable in
                let values = state.selections[dashboard?.uid ?? ""]?[variable.name] ?? variable.current
                if let error = state.variableErrors[dashboard?.uid ?? ""]?[variable.name] { return "$\(variable.name): ✗ \(error)" }
                return "$\(variable.name) = \(display(values))"
            }
            list("Variables", items, selection: selection, footer: "↑↓ move  Enter choose  Esc close", into: &buffer)
        case .variableOptions(let name, let selection, let chosen):
            let multi = state.dashboard?.variables.first { $0.name == name }?.multi ?? false
            let options = state.pickerOptions(for: name)
            let items = options.map { option in
                let label = option == Variable.allValueMarker ? "All" : option
                return multi ? "[\(chosen.contains(option) ? "x" : " ")] \(label)" : label
            }
            let footer = multi ? "Space toggle  Enter apply  Esc back" : "↑↓ move  Enter apply  Esc back"
            list("$\(name)", items.isEmpty ? ["(loading options…)"] : items, selection: selection, footer: footer, into: &buffer)
        case .inspect(let panelID):
            inspect(panelID, state, now: now, into: &buffer)
        case .alerts:
            AlertsOverlay.draw(state, now: now, into: &buffer)
        }
    }

    private func display(_ values: [String]) -> String {
        values.contains(Variable.allValueMarker) ? "All" : values.isEmpty ? "(none)" : values.joined(separator: ", ")
    }

    private func help(into buffer: inout Buffer) {
        let keyWidth = KeyMap.help.map { Draw.width($0.keys) }.max() ?? 10
        let lines = KeyMap.help.map { $0.keys.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  " + $0.action }
        let inner = Draw.dialog(
            width: (lines.map(Draw.width).max() ?? 30) + 4, height: lines.count + 3, title: "Keys", into: &buffer)
        for (index, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            Draw.text(line, x: inner.x + 1, y: inner.y + index, maxWidth: inner.width - 1, into: &buffer)
        }
        Draw.text("Esc or ? to close", x: inner.x + 1, y: inner.maxY - 1, style: dim, into: &buffer)
    }

    private func list(_ title: String, _ items: [String], selection: Int, footer: String, into buffer: inout Buffer) {
        let width = max(Draw.width(footer), Draw.width(title) + 4, (items.map(Draw.width).max() ?? 10) + 2) + 4
        let inner = Draw.dialog(width: width, height: items.count + 3, title: title, into: &buffer)
        let rows = max(1, inner.height - 1)
        let first = max(0, min(selection - rows / 2, items.count - rows))
        for (offset, item) in items.dropFirst(first).prefix(rows).enumerated() {
            let index = first + offset
            let style = index == selection ? selected : Style.plain
            if index == selection { Draw.fill(Rect(x: inner.x, y: inner.y + offset, width: inner.width, height: 1), style: style, into: &buffer) }
            Draw.text(Draw.truncate(item, to: inner.width - 2), x: inner.x + 1, y: inner.y + offset, style: style, into: &buffer)
        }
        Draw.text(Draw.truncate(footer, to: inner.width - 1), x: inner.x + 1, y: inner.maxY - 1, style: dim, into: &buffer)
    }

    private func inspect(_ panelID: Int, _ state: AppState, now: Timestamp, into buffer: inout Buffer) {
        let panel = state.dashboard?.allPanels.first { $0.id == panelID }
        let data = state.panels[panelID] ?? PanelState()
        var lines: [(String, Style)] = []
        lines.append(("Panel: \(panel?.title ?? "?") (id \(panelID), \(panel?.type ?? "?"))", Style(attributes: .bold)))
        lines.append(("Status: \(data.status(now: now).badge ?? "ok")", .plain))
        lines.append(("Series: \(data.seriesCount)", .plain))
        if let duration = data.lastDuration { lines.append(("Last refresh: \(duration) ms (slowest query)", .plain)) }
        if let success = data.lastSuccess { lines.append(("Last success: \(PrometheusDuration.format(max(1000, now - success))) ago", .plain)) }
        lines.append(("Queries:", Style(attributes: .bold)))
        for key in data.queries { lines.append(("  \(key)", .plain)) }
        if data.queries.isEmpty { lines.append(("  (none sent yet)", dim)) }
        if let error = data.lastError {
            lines.append(("Last error (\(error.kind)):", Style(foreground: .ansi(1), attributes: .bold)))
            lines.append(("  \(error.message)", .plain))
        }
        for warning in data.warnings { lines.append(("Warning: \(warning)", Style(foreground: .ansi(3)))) }
        lines.append(("promdeck \(Bundled.version)", dim))
        let width = min(buffer.width - 2, max(50, (lines.map { Draw.width($0.0) }.max() ?? 40) + 4))
        let wrapped = lines.flatMap { line in Self.wrap(line.0, width: width - 4).map { ($0, line.1) } }
        let inner = Draw.dialog(width: width, height: wrapped.count + 3, title: "Inspect", into: &buffer)
        for (index, line) in wrapped.prefix(max(0, inner.height - 1)).enumerated() {
            Draw.text(line.0, x: inner.x + 1, y: inner.y + index, style: line.1, maxWidth: inner.width - 1, into: &buffer)
        }
        Draw.text("Esc to close", x: inner.x + 1, y: inner.maxY - 1, style: dim, into: &buffer)
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, Draw.width(text) > width else { return [text] }
        var lines: [String] = [], current = ""
        for character in text {
            if Draw.width(current) + DisplayWidth.of(character) > width {
                lines.append(current)
                current = "  "
            }
            current.append(character)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
