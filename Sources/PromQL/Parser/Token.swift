/// Token kinds of the PromQL lexer, mirroring Prometheus's `ItemType`s.
enum TokenKind: Hashable, Sendable {
    case eof, error, comment
    case identifier, metricIdentifier, number, string, duration
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case comma, colon, at
    case assign  // `=` in a matcher
    case eqlRegex, neqRegex  // `=~`, `!~`
    case op(BinaryOp)  // + - * / % ^ == != > < >= <= and or unless atan2
    case aggregator(AggregationOp)
    case keyword(Keyword)

    enum Keyword: String, Sendable, CaseIterable {
        case offset, by, without, on, ignoring
        case groupLeft = "group_left"
        case groupRight = "group_right"
        case bool, start, end
        // Prometheus 3.x.
        case smoothed, anchored, fill
        case fillLeft = "fill_left"
        case fillRight = "fill_right"
        case step, range
        case maxOf = "max_of"
        case minOf = "min_of"

        /// Added in 3.x: identifiers in 2.42.
        var isV3: Bool {
            switch self {
            case .offset, .by, .without, .on, .ignoring, .groupLeft, .groupRight, .bool, .start, .end: false
            default: true
            }
        }

        /// Prometheus's "preprocessors" (start, end, step, range, max_of, min_of) are not
        /// keywords in its ItemType ranges, so errors quote them like identifiers.
        var isPreprocessor: Bool {
            switch self {
            case .start, .end, .step, .range, .maxOf, .minOf: true
            default: false
            }
        }
    }

    /// Keywords, case-insensitive (`SUM`, `Offset`, `Inf` all work).
    static func keyword(for lowercased: String, version: PromQLVersion = .v3) -> TokenKind? {
        switch lowercased {
        case "and": .op(.land)
        case "or": .op(.lor)
        case "unless": .op(.lunless)
        case "atan2": .op(.atan2)
        case "inf", "nan": .number
        default:
            if let agg = AggregationOp(rawValue: lowercased), version == .v3 || !agg.isV3 { .aggregator(agg) }
            else if let kw = Keyword(rawValue: lowercased), version == .v3 || !kw.isV3 { .keyword(kw) }
            else { nil }
        }
    }

    /// Whether Prometheus's `ItemTypeStr` has a fixed spelling for this kind (then error
    /// messages show the token itself rather than "identifier \"x\"").
    var hasFixedSpelling: Bool {
        switch self {
        case .eof, .error, .comment, .identifier, .metricIdentifier, .number, .string, .duration: false
        default: true
        }
    }

    var typeDescription: String {
        switch self {
        case .eof: "end of input"
        case .error: "error"
        case .comment: "comment"
        case .identifier: "identifier"
        case .metricIdentifier: "metric identifier"
        case .number: "number"
        case .string: "string"
        case .duration: "duration"
        default: "token"
        }
    }
}

struct Token: Sendable {
    var kind: TokenKind
    /// Byte offset of the first byte.
    var start: Int
    /// The token's source text (for errors: the message).
    var text: String

    var end: Int { start + text.utf8.count }
    var range: PositionRange { PositionRange(start: start, end: end) }

    /// Prometheus's `Item.String()`.
    var itemString: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return text
        case .identifier, .metricIdentifier: return GoQuote.string(text)
        case .keyword(let k) where k.isPreprocessor: return GoQuote.string(text)
        case .keyword: return "<\(text)>"
        case .op, .at, .eqlRegex, .neqRegex: return "<op:\(text)>"
        case .aggregator: return "<aggr:\(text)>"
        default:
            if text.count > 10 { return GoQuote.string(String(text.prefix(10))) + "..." }
            return GoQuote.string(text)
        }
    }

    /// Prometheus's `Item.desc()`, used in "unexpected ..." messages.
    var description: String {
        if kind == .eof { return "end of input" }
        // `@` is missing from Prometheus's ItemTypeStr, so it prints its raw item number.
        if kind == .at { return "\"<Item 57385>\" \(itemString)" }
        if kind.hasFixedSpelling { return itemString }
        return "\(kind.typeDescription) \(itemString)"
    }
}
