import PromModel
import PromQL
import TerminalTypes

extension ViewerReducer {
    /// Tab: the candidates for the word before the cursor, from the cache or, the first
    /// time, from the datasource (the answer opens the popup if the line is unchanged).
    func complete(_ prompt: PromptState, _ state: inout AppState, now: Timestamp) -> [Effect] {
        let context = CompletionContext.at(prompt.editor.beforeCursor)
        guard let query = context.query else { return [] }
        // Metric names get their type and help beside them: metadata is asked once.
        var effects: [Effect] = []
        if context.kind == .expression, state.completions.metadata == nil, !state.completions.metadataAsked {
            state.completions.metadataAsked = true
            effects.append(.fetchMetadata)
        }
        if let answer = state.completions.answers[query] {
            var prompt = prompt
            apply(context.popup(answer: answer), to: &prompt, metadata: state.completions.metadata)
            state.overlay = .prompt(prompt)
            return effects + [.redraw]
        }
        state.completions.waiting = query
        state.completions.waitingFor = prompt.editor
        state.completions.asking.insert(query)
        let (start, end) = state.window.resolve(now: now)
        return effects + [.fetchCompletions(query, start: start, end: end)]
    }

    /// One candidate goes straight in; several open the popup on the first.
    private func apply(_ popup: CompletionPopup?, to prompt: inout PromptState, metadata: [String: [MetricMetadata]]?) {
        guard var popup else { return }
        if let metadata { popup.describe(with: metadata) }
        if popup.inserted.count == 1 {
            prompt.editor.replaceBeforeCursor(count: popup.replacing, with: popup.inserted[0])
            prompt.completion = nil
        } else {
            prompt.completion = popup
        }
        prompt.error = nil
    }

    /// Keys while candidates are shown: Tab and ↓ / Shift-Tab and ↑ move, Enter takes the
    /// selected one, Esc closes; anything else closes the popup and edits as usual (nil).
    func completionKey(_ key: Key, _ prompt: inout PromptState, _ state: inout AppState) -> [Effect]? {
        guard var popup = prompt.completion else { return nil }
        let count = popup.inserted.count
        switch key {
        case .tab, .down: popup.selected = (popup.selected + 1) % count
        case .backTab, .up: popup.selected = (popup.selected + count - 1) % count
        case .enter:
            prompt.editor.replaceBeforeCursor(count: popup.replacing, with: popup.inserted[popup.selected])
            prompt.completion = nil
            state.overlay = .prompt(prompt)
            return [.redraw]
        case .escape:
            prompt.completion = nil
            state.overlay = .prompt(prompt)
            return [.redraw]
        default:
            prompt.completion = nil
            return nil
        }
        prompt.completion = popup
        state.overlay = .prompt(prompt)
        return [.redraw]
    }

    /// Metadata arrived: the open popup's candidates get their type and help.
    func refreshCompletionDetails(_ state: inout AppState) {
        guard case .prompt(var prompt) = state.overlay, var popup = prompt.completion, let metadata = state.completions.metadata else { return }
        popup.describe(with: metadata)
        prompt.completion = popup
        state.overlay = .prompt(prompt)
    }

    func receiveCompletions(_ query: CompletionQuery, _ result: Result<[String], QueryError>, _ state: inout AppState) -> [Effect] {
        let waited = state.completions.waiting == query
        state.completions.asking.remove(query)
        if waited { state.completions.waiting = nil }
        switch result {
        case .success(let values):
            state.completions.answers[query] = values
            state.completions.lastError = nil
        case .failure(let error):
            state.completions.lastError = error.summary
        }
        guard waited, case .prompt(var prompt) = state.overlay, prompt.editor == state.completions.waitingFor else { return [] }
        let context = CompletionContext.at(prompt.editor.beforeCursor)
        // A failed fetch still offers PromQL's own words.
        apply(context.popup(answer: state.completions.answers[query] ?? []), to: &prompt, metadata: state.completions.metadata)
        state.overlay = .prompt(prompt)
        return [.redraw]
    }
}
