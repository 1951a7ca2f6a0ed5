import Foundation
import PromModel
import Render

/// The `a` view's own state: the tab shown, a cursor per tab, the alerts' sort, the silence
/// form while open, and the `x` waiting for its confirming second `x`.
public struct AlertsViewState: Hashable, Sendable {
    public enum Tab: Hashable, Sendable { case alerts, silences }

    /// `o` cycles these, in this order.
    public enum Sort: String, Hashable, Sendable, CaseIterable {
        case severity, state, name, age

        var next: Sort {
            let all = Sort.allCases
            let index = all.firstIndex(of: self) ?? 0
            return all[(index + 1) % all.count]
        }
    }

    /// What a create or expire came to, shown above the list until the next one.
    public struct Notice: Hashable, Sendable {
        public var text: String
        public var isError: Bool
    }

    public var tab: Tab = .alerts
    public var alerts = ListCursor()
    public var silences = ListCursor()
    public var sort: Sort = .severity
    public var form: SilenceForm?
    /// The id of the silence a first `x` asked to expire; any other key forgets it.
    public var expiring: String?
    public var notice: Notice?

    public init() {}
}

/// The `s` form: a new silence for one alert's labels. Its text fields are the prompt's
/// line editor, so they edit as the `:` prompt does.
public struct SilenceForm: Hashable, Sendable {
    public struct MatcherRow: Hashable, Sendable {
        public var matcher: Silence.Matcher
        public var checked: Bool
    }

    /// The fields in the order ↑/↓ (Tab, Shift-Tab) walk them.
    public enum Field: Hashable, Sendable {
        case matcher(Int)
        case duration
        case comment
    }

    public var alertName: String
    public var matchers: [MatcherRow]
    public var duration: PromptEditor
    public var comment: PromptEditor
    /// Index into `fields`.
    public var focus = 0
    /// Why the last Enter did not create it: a bad field, or Alertmanager's answer.
    public var error: String?
    /// Enter was pressed and Alertmanager has not answered yet.
    public var sending = false

    /// Every label of the alert as an equality matcher, checked (Alertmanager's own "New
    /// silence" from an alert starts the same way), 1h, and who made it.
    public init(labels: Labels, userName: String) {
        alertName = labels["alertname"] ?? labels.description
        matchers = labels.map { MatcherRow(matcher: Silence.Matcher(name: $0.name, value: $0.value), checked: true) }
        duration = PromptEditor("1h")
        comment = PromptEditor("silenced from promdeck by \(userName.isEmpty ? "unknown user" : userName)")
    }

    public var fields: [Field] { matchers.indices.map(Field.matcher) + [.duration, .comment] }

    public var focusedField: Field { fields.indices.contains(focus) ? fields[focus] : .comment }

    /// The silence to POST, or why not: a duration Prometheus's syntax cannot read, or no
    /// matcher left checked (Alertmanager would refuse a silence matching everything anyway).
    func draft(now: Timestamp, createdBy: String) -> Result<SilenceDraft, SilenceFormError> {
        let chosen = matchers.filter(\.checked).map(\.matcher)
        guard !chosen.isEmpty else { return .failure(SilenceFormError("check at least one matcher (Space)")) }
        let text = duration.text.trimmingCharacters(in: .whitespaces)
        guard let milliseconds = PrometheusDuration.milliseconds(text) else {
            return .failure(SilenceFormError("duration \"\(text)\" is not a duration such as 1h, 30m or 2h30m"))
        }
        return .success(SilenceDraft(matchers: chosen, startsAt: now, endsAt: now + milliseconds,
                                     createdBy: createdBy.isEmpty ? "promdeck" : createdBy, comment: comment.text))
    }
}

struct SilenceFormError: Error, Hashable {
    var message: String
    init(_ message: String) { self.message = message }
}
