import PromModel
import Render

/// The `s` form drawn in the alerts dialog: one line per field, the focused one highlighted,
/// the text fields with a block where their cursor is, and the last refusal under them.
enum SilenceFormOverlay {
    typealias Line = DialogModel.Line

    static func dialog(_ form: SilenceForm, width: Int) -> DialogModel {
        var lines = [Line("Matchers (Space toggles; unchecked ones are left out):", .heading)]
        var selection = 0
        for (index, field) in form.fields.enumerated() {
            if index == form.focus { selection = lines.count }
            let focused = index == form.focus
            switch field {
            case .matcher(let i):
                guard form.matchers.indices.contains(i) else { continue }
                let row = form.matchers[i]
                lines.append(Line("  [\(row.checked ? "x" : " ")] \(row.matcher)"))
            case .duration:
                lines.append(Line("Duration: " + shown(form.duration, focused: focused)))
            case .comment:
                lines.append(Line("Comment:  " + shown(form.comment, focused: focused)))
            }
        }
        if form.sending { lines.append(Line("Creating the silence…", .dim)) }
        if let error = form.error {
            lines += TextFit.hardWrap("✗ " + error, width: width).map { Line($0, .error) }
        }
        return DialogModel(title: "Silence \(form.alertName)", lines: lines.map { Line(TextFit.truncate($0.text, to: width), $0.role) },
                           selection: selection, footer: "↑↓ Tab field  Space toggle  Enter create  Esc cancel", minimumWidth: 60)
    }

    /// The field's text, with `█` at the cursor while it has the focus.
    private static func shown(_ editor: PromptEditor, focused: Bool) -> String {
        guard focused else { return editor.text }
        let before = editor.beforeCursor
        return before + "█" + String(editor.text.dropFirst(before.count))
    }
}
