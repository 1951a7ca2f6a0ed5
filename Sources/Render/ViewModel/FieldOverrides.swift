import Foundation
import PromModel
import Dashboards

/// A field as Grafana's override matchers see it: a series' value field, or a table column.
struct OverrideField {
    /// The name shown before any override renames it (legend name, column name).
    var displayName: String
    /// The raw field name: "Value" for a series (Grafana's Prometheus frames), the column
    /// name for a table column.
    var name: String
    var refId: String?
    /// "number" or "string".
    var type: String
    /// For byValue.
    var samples: [Sample]
}

enum FieldOverrides {
    /// The panel's defaults with every override matching `field` applied, later ones winning.
    static func config(for field: OverrideField, in fieldConfig: FieldConfig) -> FieldDefaults {
        guard !fieldConfig.overrides.isEmpty else { return fieldConfig.defaults }
        return fieldConfig.defaults.applying(fieldConfig.overrides) { $0.matcher?.matches(field) ?? false }
    }

    /// A displayName template made concrete: `${__field.labels.x}` / `{{x}}` from the
    /// labels, `${__series.name}` and `${__field.displayName}` the name before renaming.
    static func rename(_ template: String, labels: Labels, original: String) -> String {
        let named = template.replacingOccurrences(of: "${__series.name}", with: original)
            .replacingOccurrences(of: "${__field.displayName}", with: original)
            .replacingOccurrences(of: "${__field.name}", with: original)
        return LegendFormat.render(named.replacingFieldLabels, labels: labels)
    }
}

extension FieldMatcher {
    func matches(_ field: OverrideField) -> Bool {
        switch self {
        case .byName(let name):
            return name == field.displayName || name == field.name
        case .byNames(let names, let exclude):
            return names.contains(field.displayName) || names.contains(field.name) ? !exclude : exclude
        case .byRegexp(let pattern):
            return JSRegex(pattern)?.test(field.displayName) ?? false
        case .byRegexpOrNames(let pattern, let names):
            if names.contains(field.displayName) || names.contains(field.name) { return true }
            return pattern.flatMap(JSRegex.init)?.test(field.displayName) ?? false
        case .byFrameRefID(let refId):
            return field.refId == refId
        case .byType(let type):
            return field.type == type
        case .byValue(let reducer, let op, let value):
            guard field.type == "number", let reduced = Reducer.reduce(field.samples, id: reducer), !reduced.isNaN else { return false }
            return op.compare(reduced, value)
        }
    }
}

/// Grafana's stringToJsRegex: `/pattern/flags` is searched for anywhere, a bare pattern is
/// anchored at both ends.
struct JSRegex {
    let expression: NSRegularExpression

    init?(_ text: String) {
        var pattern = "^(?:" + text + ")$"
        var options: NSRegularExpression.Options = []
        if text.hasPrefix("/"), let close = text.lastIndex(of: "/"), close > text.startIndex {
            pattern = String(text[text.index(after: text.startIndex)..<close])
            let flags = text[text.index(after: close)...]
            if flags.contains("i") { options.insert(.caseInsensitive) }
            if flags.contains("m") { options.insert(.anchorsMatchLines) }
            if flags.contains("s") { options.insert(.dotMatchesLineSeparators) }
        }
        guard let expression = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        self.expression = expression
    }

    func test(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
