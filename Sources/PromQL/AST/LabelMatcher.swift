import PromModel

/// One `name op "value"` matcher of a selector.
public struct LabelMatcher: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        case equal = "="
        case notEqual = "!="
        case regexMatch = "=~"
        case regexNoMatch = "!~"

        public var description: String { rawValue }
    }

    public let kind: Kind
    public let name: String
    public let value: String
    /// Compiled, fully anchored regex for `=~` and `!~`.
    public let regex: AnchoredRegex?

    /// Fails only for `=~`/`!~` with a pattern RE2 (and so Prometheus) would reject; the
    /// error is a `.badData` QueryError whose message reads like Go's regexp errors.
    public init(_ kind: Kind, _ name: String, _ value: String, dotMatchesNewline: Bool = true) throws(QueryError) {
        do {
            try self.init(validating: kind, name, value, dotMatchesNewline: dotMatchesNewline)
        } catch {
            throw QueryError(.badData, error.description, summary: "bad regex")
        }
    }

    /// As `init(_:_:_:)`, with the regex error itself (the parser positions it).
    /// `dotMatchesNewline`: 3.x anchors as `^(?s:…)$`, 2.x's `.` stops at a newline.
    public init(validating kind: Kind, _ name: String, _ value: String, dotMatchesNewline: Bool = true) throws(RegexError) {
        self.kind = kind
        self.name = name
        self.value = value
        switch kind {
        case .equal, .notEqual: regex = nil
        case .regexMatch, .regexNoMatch: regex = try AnchoredRegex(value, dotMatchesNewline: dotMatchesNewline)
        }
    }

    /// Whether a label value (empty string when the label is absent) satisfies the matcher.
    public func matches(_ labelValue: String) -> Bool {
        switch kind {
        case .equal: labelValue == value
        case .notEqual: labelValue != value
        case .regexMatch: regex?.matches(labelValue) ?? false
        case .regexNoMatch: !(regex?.matches(labelValue) ?? false)
        }
    }

    /// Whether the matcher accepts the empty string, i.e. also matches series without the label.
    public var matchesEmpty: Bool { matches("") }

    public static func == (a: LabelMatcher, b: LabelMatcher) -> Bool {
        a.kind == b.kind && a.name == b.name && a.value == b.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(name)
        hasher.combine(value)
    }

    /// `name="value"` with the value quoted as Prometheus prints it.
    /// A name outside the legacy charset is quoted (`{"service.name"="x"}`), as in 3.x.
    public var description: String {
        (Parser.isLabelName(name) ? name : PromQLString.quote(name)) + kind.rawValue + PromQLString.quote(value)
    }
}
