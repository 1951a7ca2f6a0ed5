import Foundation

/// A query variable's loaded values turned into its options as Grafana does: the `regex`
/// filter with capture groups (public/app/features/variables/query/operations.ts
/// `metricNamesToVariableValues`, scenes' QueryVariable the same), then the `sort` mode
/// (public/app/features/variables/utils.ts `sortVariableValues`).
public enum VariableFilter {
    /// `values` filtered by `regex` (`/pattern/flags`): values that do not match are dropped;
    /// a named group `value` (or else `text`) replaces the value, else the first capture
    /// group; with the `g` flag every match with a group becomes an option. Duplicates go,
    /// first kept. An invalid regex keeps the values (Grafana shows them unfiltered).
    public static func apply(regex: String?, to values: [String]) -> [String] {
        guard let regex, !regex.isEmpty, let (expression, global) = compile(regex) else { return unique(values) }
        var kept: [String] = []
        for value in values {
            let whole = NSRange(value.startIndex..., in: value)
            let matches = global ? expression.matches(in: value, range: whole) : expression.firstMatch(in: value, range: whole).map { [$0] } ?? []
            guard !matches.isEmpty else { continue }
            func group(_ match: NSTextCheckingResult, named name: String) -> String? {
                let range = match.range(withName: name)
                guard range.location != NSNotFound, let swift = Range(range, in: value), !swift.isEmpty else { return nil }
                return String(value[swift])
            }
            func first(_ match: NSTextCheckingResult) -> String? {
                guard match.numberOfRanges > 1, let swift = Range(match.range(at: 1), in: value) else { return nil }
                return String(value[swift])
            }
            if let named = matches.lazy.compactMap({ group($0, named: "value") ?? group($0, named: "text") }).first {
                kept.append(named)
            } else if matches.count > 1, matches.contains(where: { $0.numberOfRanges > 1 }) {
                kept += matches.compactMap(first)
            } else if let captured = matches.lazy.compactMap(first).first {
                kept.append(captured)
            } else {
                kept.append(value)
            }
        }
        return unique(kept)
    }

    /// Grafana's sort modes: 0 as returned; 1/2 alphabetical, 3/4 by the first number in the
    /// text, 5/6 alphabetical ignoring case, 7/8 natural; odd ascending, even descending.
    public static func sort(_ values: [String], mode: Int) -> [String] {
        guard mode > 0 else { return values }
        let kind = (mode + 1) / 2
        var sorted: [String]
        switch kind {
        case 1: sorted = stableSort(values) { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        case 2: sorted = stableSort(values) { firstNumber($0) < firstNumber($1) }
        case 3: sorted = stableSort(values) { $0.lowercased().utf16.lexicographicallyPrecedes($1.lowercased().utf16) }
        default: sorted = stableSort(values) { naturalOrder($0, $1) }
        }
        return mode % 2 == 0 ? sorted.reversed() : sorted
    }

    /// Both steps, as options are made from a query's answer.
    public static func options(from values: [String], for variable: Variable) -> [String] {
        sort(apply(regex: variable.regex, to: values), mode: variable.sort)
    }

    private static func compile(_ text: String) -> (NSRegularExpression, global: Bool)? {
        var body = text
        var options: NSRegularExpression.Options = []
        var global = false
        // Grafana's stringToJsRegex: "/body/flags", or the whole text as the body.
        if body.hasPrefix("/"), let end = body.lastIndex(of: "/"), end > body.startIndex {
            let flags = body[body.index(after: end)...]
            if flags.contains("i") { options.insert(.caseInsensitive) }
            if flags.contains("m") { options.insert(.anchorsMatchLines) }
            if flags.contains("s") { options.insert(.dotMatchesLineSeparators) }
            global = flags.contains("g")
            body = String(body[body.index(after: body.startIndex)..<end])
        }
        return (try? NSRegularExpression(pattern: body, options: options)).map { ($0, global) }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// lodash `sortBy` is stable; Swift's `sort` is not guaranteed to be.
    private static func stableSort(_ values: [String], by less: (String, String) -> Bool) -> [String] {
        values.enumerated().sorted { a, b in
            less(a.element, b.element) || (!less(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }

    /// The first run of digits (`/.*?(\d+).*/`), -1 when the text has none.
    private static func firstNumber(_ text: String) -> Int {
        guard let start = text.firstIndex(where: \.isASCIIDigit) else { return -1 }
        let digits = text[start...].prefix(while: \.isASCIIDigit)
        return Int(digits) ?? Int.max
    }

    /// Intl.Collator(numeric: true, sensitivity: accent): digit runs compare as numbers,
    /// the rest without regard to case.
    private static func naturalOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive]) == .orderedAscending
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
