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

extension Variable {
    /// Applies the variable's `regex` (`/pattern/flags`) to loaded values as Grafana does:
    /// values that do not match are dropped; a capture group (or the group named "value")
    /// replaces the value. Duplicates are removed, order kept.
    public func filterOptions(_ values: [String]) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        let pattern = regex.flatMap(Self.compile)
        for value in values {
            var kept = value
            if let pattern {
                let range = NSRange(value.startIndex..., in: value)
                guard let match = pattern.firstMatch(in: value, range: range) else { continue }
                let named = match.range(withName: "value")
                let group = named.location != NSNotFound ? named : (match.numberOfRanges > 1 ? match.range(at: 1) : match.range)
                if let swiftRange = Range(group, in: value) { kept = String(value[swiftRange]) }
            }
            if seen.insert(kept).inserted { result.append(kept) }
        }
        return result
    }

    private static func compile(_ text: String) -> NSRegularExpression? {
        var body = text
        var options: NSRegularExpression.Options = []
        if body.hasPrefix("/"), let end = body.lastIndex(of: "/"), end > body.startIndex {
            let flags = body[body.index(after: end)...]
            if flags.contains("i") { options.insert(.caseInsensitive) }
            body = String(body[body.index(after: body.startIndex)..<end])
        }
        return try? NSRegularExpression(pattern: body, options: options)
    }
}
