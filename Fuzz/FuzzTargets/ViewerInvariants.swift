import App
import Dashboards
import Render

/// What must hold after every event, whatever the sequence: focus and zoom on a panel that
/// is laid out, scroll within the canvas, every overlay's selection inside its list.
enum ViewerInvariants {
    static func check(_ state: AppState, event: AppEvent) throws(FuzzFailure) {
        let after = "after \(event)"
        try FuzzTargets.check(state.dashboards.isEmpty || state.dashboards.indices.contains(state.dashboardIndex),
                              "dashboard index \(state.dashboardIndex) of \(state.dashboards.count) \(after)")
        let canvas = DashboardRenderer.bodyHeight(screenHeight: state.size.height)
        let layout = state.layout
        let ids = Set(layout?.placements.map(\.panelID) ?? [])
        if let focused = state.focusedPanelID {
            try FuzzTargets.check(ids.contains(focused), "focus on panel \(focused), not among \(ids.sorted()) \(after)")
        }
        if let zoomed = state.zoomedPanelID {
            try FuzzTargets.check(ids.contains(zoomed), "zoom on panel \(zoomed), not among \(ids.sorted()) \(after)")
        }
        let bottom = layout?.contentHeight ?? 0
        try FuzzTargets.check(state.scroll >= 0 && state.scroll <= max(0, bottom - canvas),
                              "scroll \(state.scroll) with canvas \(canvas) of \(bottom) lines \(after)")
        if let form = state.alertsView.form {
            try FuzzTargets.check(form.fields.indices.contains(form.focus), "silence form focus \(form.focus) of \(form.fields.count) \(after)")
        }
        try checkOverlay(state, after: after)
    }

    private static func checkOverlay(_ state: AppState, after: String) throws(FuzzFailure) {
        /// A selection may be 0 in an empty list (nothing is highlighted), never past the end.
        func inRange(_ selection: Int, _ count: Int) -> Bool { selection >= 0 && selection < max(1, count) }
        switch state.overlay {
        case nil, .help, .alerts, .inspect, .notice:
            break
        case .dashboardPicker(let selection):
            try FuzzTargets.check(inRange(selection, state.dashboards.count), "dashboard picker at \(selection) \(after)")
        case .timePicker(let selection, _):
            try FuzzTargets.check(inRange(selection, KeyMap.timePresets.count), "time picker at \(selection) \(after)")
        case .variableList(let selection):
            let count = state.dashboard?.variables.count ?? 0
            try FuzzTargets.check(inRange(selection, count), "variable list at \(selection) of \(count) \(after)")
        case .variableOptions(let name, let selection, _):
            let count = state.pickerOptions(for: name).count
            try FuzzTargets.check(inRange(selection, count), "options of \(name) at \(selection) of \(count) \(after)")
        case .prompt(let prompt):
            try FuzzTargets.check(prompt.editor.cursor >= 0 && prompt.editor.cursor <= prompt.editor.characters.count,
                                  "prompt cursor at \(prompt.editor.cursor) \(after)")
            if let historyIndex = prompt.historyIndex {
                try FuzzTargets.check(state.promptHistory.indices.contains(historyIndex),
                                      "prompt history at \(historyIndex) of \(state.promptHistory.count) \(after)")
            }
        }
    }
}
