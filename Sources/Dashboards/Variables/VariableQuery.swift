import Foundation

/// What a Prometheus query variable asks for (Grafana's Prometheus variable query syntax),
/// so the viewer can load its options through the datasource.
public enum VariableQuery: Hashable, Sendable {
    /// `label_values(label)` or `label_values(series_selector, label)`.
    case labelValues(selector: String?, label: String)
    /// `label_names()` or `label_names(selector)`.
    case labelNames(selector: String?)
    /// `metrics(regex)`: metric names matching the regex.
    case metrics(regex: String)
    /// `query_result(expr)`: each result series as text.
    case queryResult(expr: String)
    /// Anything else: a plain PromQL expression whose series become the options.
    case expression(String)

    /// Parses `text` (already interpolated if it uses other variables).
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        func argument(of function: String) -> String? {
            guard trimmed.hasPrefix(function + "("), trimmed.hasSuffix(")") else { return nil }
            return String(trimmed.dropFirst(function.count + 1).dropLast()).trimmingCharacters(in: .whitespaces)
        }
        if let args = argument(of: "label_values") {
            // The label is after the last top-level comma; the selector may contain commas.
            if let comma = Self.lastTopLevelComma(in: args) {
                let selector = args[..<comma].trimmingCharacters(in: .whitespaces)
                let label = args[args.index(after: comma)...].trimmingCharacters(in: .whitespaces)
                self = .labelValues(selector: selector.isEmpty ? nil : selector, label: label)
            } else {
                self = .labelValues(selector: nil, label: args)
            }
        } else if let args = argument(of: "label_names") {
            self = .labelNames(selector: args.isEmpty ? nil : args)
        } else if let args = argument(of: "metrics") {
            self = .metrics(regex: args)
        } else if let args = argument(of: "query_result") {
            self = .queryResult(expr: args)
        } else {
            self = .expression(trimmed)
        }
    }

    private static func lastTopLevelComma(in text: String) -> String.Index? {
        var depth = 0
        var inString: Character?
        var last: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let quote = inString {
                if c == "\\" { index = text.index(after: index) } else if c == quote { inString = nil }
            } else if c == "\"" || c == "'" || c == "`" {
                inString = c
            } else if c == "(" || c == "{" || c == "[" {
                depth += 1
            } else if c == ")" || c == "}" || c == "]" {
                depth -= 1
            } else if c == ",", depth == 0 {
                last = index
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return last
    }
}
