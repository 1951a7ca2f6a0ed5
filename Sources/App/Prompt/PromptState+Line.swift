import Render

extension PromptState {
    /// The prompt as the footer draws it: in a Ctrl-R search the match found (readline's
    /// `(reverse-i-search)`), else the line; above it the syntax error with its caret.
    func line(history: [String]) -> PromptLine {
        if let search {
            let found = search.match.flatMap { history.indices.contains($0) ? history[$0] : nil }
            let label = found == nil && !search.query.isEmpty ? "(failed reverse-i-search)`\(search.query)': " : "(reverse-i-search)`\(search.query)': "
            return PromptLine(label: label, text: found ?? "", cursor: found?.count ?? 0)
        }
        var popup: [DialogModel.Line] = []
        if let completion {
            // Eight at a time, the page holding the selection.
            let page = completion.selected / 8 * 8
            let end = min(completion.shown.count, page + 8)
            for index in page..<end {
                let detail = completion.details.indices.contains(index) && !completion.details[index].isEmpty ? "  " + completion.details[index] : ""
                popup.append(DialogModel.Line((index == completion.selected ? "▸ " : "  ") + completion.shown[index] + detail, index == completion.selected ? .heading : .plain))
            }
            popup.append(DialogModel.Line("\(completion.selected + 1)/\(completion.shown.count)  Tab next  Enter take  Esc close", .dim))
        }
        if let error {
            popup.append(DialogModel.Line("✗ \(error.message)", .error))
            if let position = error.position {
                let (line, column) = ErrorCaret.locate(editor.text, bytePosition: position)
                popup.append(DialogModel.Line(line))
                popup.append(DialogModel.Line(String(repeating: " ", count: column) + "^", .error))
            }
            popup.append(DialogModel.Line("Enter again runs it as it is (MetricsQL)", .dim))
        }
        return PromptLine(text: editor.text, cursor: editor.cursor, popup: popup)
    }
}
