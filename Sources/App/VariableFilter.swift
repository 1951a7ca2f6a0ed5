import Foundation

/// A variable's `regex` (`/pattern/`) applied to its options: non-matching values dropped,
/// the first capture group kept when there is one.
enum VariableFilter {
    static func apply(regex: String?, to values: [String]) -> [String] {
        guard var pattern = regex, !pattern.isEmpty else { return values }
        if pattern.hasPrefix("/"), let close = pattern.lastIndex(of: "/"), close != pattern.startIndex {
            pattern = String(pattern[pattern.index(after: pattern.startIndex)..<close])
        }
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return values }
        var seen = Set<String>()
        return values.compactMap { value in
            let range = NSRange(value.startIndex..., in: value)
            guard let match = expression.firstMatch(in: value, range: range) else { return nil }
            var kept = value
            if match.numberOfRanges > 1, let group = Range(match.range(at: 1), in: value) { kept = String(value[group]) }
            return seen.insert(kept).inserted ? kept : nil
        }
    }
}
