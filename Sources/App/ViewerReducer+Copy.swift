import PromModel
import Render
import TerminalTypes

extension ViewerReducer {
    /// `y`: the ad-hoc query, or the focused (zoomed, inspected) panel's queries as last
    /// sent, variables interpolated, one per line, onto the clipboard through the terminal.
    func copyQuery(_ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let text = Self.queryToCopy(state) else {
            state.status = StatusMessage(text: "Nothing to copy: no panel with a query is focused", isError: true, at: now)
            return [.redraw]
        }
        return [.copy(text)]
    }

    static func queryToCopy(_ state: AppState) -> String? {
        if let adhoc = state.adhoc { return adhoc.expr }
        var panelID = state.zoomedPanelID ?? state.focusedPanelID
        if case .inspect(let id) = state.overlay { panelID = id }
        guard let panelID, let panel = state.dashboard?.allPanels.first(where: { $0.id == panelID }) ?? state.dashboard?.panels.first(where: { $0.id == panelID }) else { return nil }
        let answered = state.panels[panelID]?.answeredQueries ?? [:]
        // Interpolated as sent; a target not answered yet is copied as the dashboard has it.
        let queries = panel.targets.filter { !$0.hide && !$0.expr.isEmpty }.map { answered[$0.refId]?.expr ?? $0.expr }
        return queries.isEmpty ? nil : queries.joined(separator: "\n")
    }

    func copied(_ text: String, error: String?, _ state: inout AppState, now: Timestamp) -> [Effect] {
        if let error {
            state.status = StatusMessage(text: "Not copied: \(error)", isError: true, at: now)
        } else {
            let shown = TextFit.truncate(text.split(separator: "\n").first.map(String.init) ?? "", to: 60)
            state.status = StatusMessage(text: "Copied (OSC 52; tmux needs set-clipboard on): \(shown)", isError: false, at: now)
        }
        return [.redraw]
    }
}
