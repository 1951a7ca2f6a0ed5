import Foundation
import PromModel
import PromQL
import Render
import TerminalTypes

extension ViewerReducer {
    /// Keys while the `:` prompt is open: the editor's, then Enter checks the syntax
    /// (an error stays in the prompt, with a caret) and runs the query as the ad-hoc panel.
    func promptKey(_ key: Key, _ prompt: PromptState, _ state: inout AppState, now: Timestamp) -> [Effect] {
        var prompt = prompt
        if prompt.completion != nil, let effects = completionKey(key, &prompt, &state) { return effects }
        if key == .tab, prompt.search == nil { return complete(prompt, &state, now: now) }
        // Typing on forgets the completion Tab was waiting for.
        state.completions.waiting = nil
        let lastError = prompt.error
        switch prompt.handle(key, history: state.promptHistory) {
        case .ignored:
            return []
        case .edited:
            state.overlay = .prompt(prompt)
            return [.redraw]
        case .cancel:
            state.overlay = nil
            return [.redraw]
        case .submit(let text):
            let expr = text.trimmingCharacters(in: .whitespaces)
            guard !expr.isEmpty else {
                state.overlay = nil
                return [.redraw]
            }
            // A second Enter on the same error runs the query anyway: a MetricsQL
            // datasource accepts what our PromQL 3.14 parser rejects.
            if lastError == nil, let error = Self.syntaxError(text, version: state.promQLVersion) {
                prompt.error = error
                state.overlay = .prompt(prompt)
                return [.redraw]
            }
            state.overlay = nil
            if state.promptHistory.last != expr { state.promptHistory.append(expr) }
            if state.promptHistory.count > 100 { state.promptHistory.removeFirst() }
            var effects = cancelAll(&state)
            state.adhoc = AdhocState(expr: expr)
            state.explore.series = SeriesExplorer()
            state.explore.table = TableExplorer()
            effects += refresh(&state, now: now, force: true)
            return effects + [.fullRedraw]
        }
    }

    /// The parse error `promdeck query --promql-version N` would print, with its position in characters.
    static func syntaxError(_ text: String, version: PromQLVersion = .v3) -> PromptError? {
        do {
            _ = try PromQLParser.parseForQuery(text, version: version)
            return nil
        } catch {
            return PromptError(message: error.message, position: error.position)
        }
    }
}
