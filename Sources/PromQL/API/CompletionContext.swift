import PromModel

/// What the word before the cursor of a PromQL query is, read from the lexer's tokens (not
/// a regex), for completion: a name in an expression (metric, function, aggregation,
/// keyword), a label name inside `{}`, or a label value after a matcher's operator.
public struct CompletionContext: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case expression
        /// Inside `metric{…}`: `metric` is nil for a bare `{…}`.
        case labelName(metric: String?)
        case labelValue(metric: String?, label: String)
        /// In a string, a number, a duration: nothing to complete.
        case none
    }

    public var kind: Kind
    /// The part of the word already typed (replaced by the chosen candidate).
    public var prefix: String

    public init(kind: Kind, prefix: String) {
        self.kind = kind
        self.prefix = prefix
    }

    /// The context at the end of `textBeforeCursor`.
    public static func at(_ textBeforeCursor: String) -> CompletionContext {
        var tokens = Lexer.tokenize(textBeforeCursor)
        if tokens.last?.kind == .eof { tokens.removeLast() }
        // Unclosed parentheses and braces end the input with an error token, as they will
        // while typing; inside a string there is nothing to complete.
        if let last = tokens.last, last.kind == .error {
            if last.text.contains("unterminated") { return CompletionContext(kind: .none, prefix: "") }
            tokens.removeLast()
        }
        var prefix = ""
        let length = textBeforeCursor.utf8.count
        if let last = tokens.last, last.end == length, isWord(last.kind) {
            prefix = last.text
            tokens.removeLast()
        } else if let last = tokens.last, last.end == length, [.number, .string, .duration].contains(last.kind) {
            return CompletionContext(kind: .none, prefix: "")
        }
        // The innermost open brace: after it, label matchers.
        var open: Int?
        for (index, token) in tokens.enumerated() {
            if token.kind == .leftBrace { open = index }
            if token.kind == .rightBrace { open = nil }
        }
        guard let open else { return CompletionContext(kind: .expression, prefix: prefix) }
        let metric = open > 0 && [.identifier, .metricIdentifier].contains(tokens[open - 1].kind) ? tokens[open - 1].text : nil
        if let last = tokens.last, tokens.count - 1 > open, isMatchOperator(last.kind), prefix.isEmpty {
            let label = tokens[tokens.count - 2].text
            return CompletionContext(kind: .labelValue(metric: metric, label: label), prefix: "")
        }
        return CompletionContext(kind: .labelName(metric: metric), prefix: prefix)
    }

    /// Functions, aggregations and keywords of PromQL 3.14 that start with `prefix`, sorted.
    public static func keywords(startingWith prefix: String) -> [String] {
        let all = FunctionSignature.all.map(\.name) + AggregationOp.allCases.map(\.rawValue)
            + TokenKind.Keyword.allCases.filter { !$0.isPreprocessor }.map(\.rawValue) + ["and", "or", "unless", "atan2"]
        return Set(all.filter { $0.hasPrefix(prefix) }).sorted()
    }

    private static func isWord(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .metricIdentifier, .aggregator, .keyword: true
        case .op(let op): [.land, .lor, .lunless, .atan2].contains(op)
        default: false
        }
    }

    private static func isMatchOperator(_ kind: TokenKind) -> Bool {
        switch kind {
        case .assign, .eqlRegex, .neqRegex: true
        case .op(let op): op == .neq
        default: false
        }
    }
}
