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
        guard let open else {
            if let grouping = groupingMetric(tokens) { return CompletionContext(kind: .labelName(metric: grouping.metric), prefix: prefix) }
            return CompletionContext(kind: .expression, prefix: prefix)
        }
        let metric = open > 0 && [.identifier, .metricIdentifier].contains(tokens[open - 1].kind) ? tokens[open - 1].text : nil
        if let last = tokens.last, tokens.count - 1 > open, isMatchOperator(last.kind), prefix.isEmpty {
            let label = tokens[tokens.count - 2].text
            return CompletionContext(kind: .labelValue(metric: metric, label: label), prefix: "")
        }
        return CompletionContext(kind: .labelName(metric: metric), prefix: prefix)
    }

    /// Inside the label list of `by`, `without`, `on`, `ignoring`, `group_left` or
    /// `group_right`: the metric the list groups, when one stands before the keyword
    /// (`sum(rate(m[5m])) by (`, `a / on(`); nil outside such a list.
    private static func groupingMetric(_ tokens: [Token]) -> Grouping? {
        var parens: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token.kind == .leftParen { parens.append(index) }
            if token.kind == .rightParen, !parens.isEmpty { parens.removeLast() }
        }
        guard let open = parens.last, open > 0, isGroupingKeyword(tokens[open - 1]) else { return nil }
        // Label names of earlier lists (`on(job) group_left(`) are not the metric.
        var inList: [Bool] = []
        var listed = Set<Int>()
        for index in 0..<(open - 1) {
            switch tokens[index].kind {
            case .leftParen: inList.append(index > 0 && isGroupingKeyword(tokens[index - 1]))
            case .rightParen: if !inList.isEmpty { inList.removeLast() }
            default: if inList.last == true { listed.insert(index) }
            }
        }
        // The nearest selector's name before the keyword: not a function (followed by `(`),
        // not a label inside a matcher's braces or a grouping list.
        var inBraces = false
        var index = open - 2
        while index >= 0 {
            let token = tokens[index]
            switch token.kind {
            case .rightBrace: inBraces = true
            case .leftBrace: inBraces = false
            case .identifier where !inBraces && !listed.contains(index), .metricIdentifier where !inBraces && !listed.contains(index):
                let next = tokens.indices.contains(index + 1) ? tokens[index + 1].kind : .eof
                if next != .leftParen { return Grouping(metric: token.text) }
            default: break
            }
            index -= 1
        }
        return Grouping(metric: nil)
    }

    private static func isGroupingKeyword(_ token: Token) -> Bool {
        guard case .keyword(let keyword) = token.kind else { return false }
        return [.by, .without, .on, .ignoring, .groupLeft, .groupRight].contains(keyword)
    }

    private struct Grouping {
        let metric: String?
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
