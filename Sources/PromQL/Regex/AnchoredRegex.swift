/// A label-matcher regex with Prometheus semantics: the pattern must match the whole
/// value, RE2 syntax. 3.x anchors as `^(?s:pattern)$`, so `.` matches a newline
/// (model/labels/regexp.go at v3.14.0); 2.42's `^(?:pattern)$` does not.
///
/// Common shapes skip the regex engine entirely: `.*`, `.+`, literal alternations like
/// `a|b|c`, and `prefix.*`.
public struct AnchoredRegex: Sendable, CustomStringConvertible {
    enum Strategy: @unchecked Sendable {
        case any
        case nonEmpty
        case prefix(String)
        case anyWithoutNewline
        case nonEmptyWithoutNewline
        case literals(Set<String>)
        case prefixThenAny(String)
        case compiled(Regex<AnyRegexOutput>)
    }

    public let pattern: String
    let strategy: Strategy

    /// `dotMatchesNewline` is 3.x's anchoring, and with it 3.x's error texts (RE2Syntax.translate).
    public init(_ pattern: String, dotMatchesNewline: Bool = true) throws(RegexError) {
        self.pattern = pattern
        let translated = try RE2Syntax.translate(pattern, dotAll: dotMatchesNewline)
        if let fast = Self.fastStrategy(pattern, dotMatchesNewline: dotMatchesNewline) {
            strategy = fast
            return
        }
        do {
            let regex = try Regex(translated)
                .matchingSemantics(.unicodeScalar)
                .wordBoundaryKind(.simple)
                .asciiOnlyDigits()
                .asciiOnlyWhitespace()
                .asciiOnlyWordCharacters()
            strategy = .compiled(regex)
        } catch {
            // RE2 accepted it but Swift cannot express it (rare: e.g. an unknown \p{...} script).
            throw RegexError(pattern: pattern, reason: "unsupported regular expression `\(pattern)`: \(error)")
        }
    }

    public func matches(_ value: String) -> Bool {
        switch strategy {
        case .any:
            return true
        case .nonEmpty:
            return !value.isEmpty
        case .prefix(let prefix):
            return value.hasPrefix(prefix)
        case .anyWithoutNewline:
            return !value.utf8.contains(10)
        case .nonEmptyWithoutNewline:
            return !value.isEmpty && !value.utf8.contains(10)
        case .literals(let set):
            return set.contains(value)
        case .prefixThenAny(let prefix):
            return value.hasPrefix(prefix) && !value.utf8.contains(10)
        case .compiled(let regex):
            return (try? regex.wholeMatch(in: value)) != nil
        }
    }

    public var description: String { pattern }

    private static let metacharacters = Set("\\.+*?()|[]{}^$")

    private static func fastStrategy(_ pattern: String, dotMatchesNewline: Bool) -> Strategy? {
        if pattern == ".*" { return dotMatchesNewline ? .any : .anyWithoutNewline }
        if pattern == ".+" { return dotMatchesNewline ? .nonEmpty : .nonEmptyWithoutNewline }
        if pattern.hasSuffix(".*") {
            let prefix = pattern.dropLast(2)
            if !prefix.isEmpty, !prefix.contains(where: metacharacters.contains) {
                return dotMatchesNewline ? .prefix(String(prefix)) : .prefixThenAny(String(prefix))
            }
        }
        // Plain literals separated by `|` (an empty alternative matches the empty string).
        if !pattern.contains(where: { $0 != "|" && metacharacters.contains($0) }) {
            return .literals(Set(pattern.split(separator: "|", omittingEmptySubsequences: false).map(String.init)))
        }
        return nil
    }
}

/// A pattern Prometheus would reject; `description` reads like Go's regexp errors.
public struct RegexError: Error, Hashable, Sendable, CustomStringConvertible {
    public var pattern: String
    public var reason: String

    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    public var description: String { "error parsing regexp: \(reason)" }
}
