import PromModel

/// Parses a PromQL expression (Prometheus 3.14 syntax by default, with the syntax of its
/// feature flags; 2.42 exactly with `.v2`), type-checks it like Prometheus, and returns its
/// AST. Errors read like Prometheus's: `1:14: parse error: unexpected <op:*>`.
public func parsePromQL(_ input: String, version: PromQLVersion = .v3) throws(ParseError) -> Expr {
    var parser = Parser(input, version: version)
    let expr = try parser.parseInput()
    try parser.checkDepth(expr)
    return try TypeChecker(query: input, version: version).check(expr)
}

/// Namespace form of `parsePromQL`, with the error already converted for API callers.
public enum PromQLParser {
    public static func parse(_ input: String, version: PromQLVersion = .v3) throws(ParseError) -> Expr {
        try parsePromQL(input, version: version)
    }

    /// The same, failing with a `.badData` QueryError that carries the byte position.
    public static func parseForQuery(_ input: String, version: PromQLVersion = .v3) throws(QueryError) -> Expr {
        do {
            return try parsePromQL(input, version: version)
        } catch {
            throw error.queryError
        }
    }
}

/// Recursive descent with precedence climbing over the token list. Where Prometheus's
/// yacc grammar has error productions, the same "unexpected X in <context>, expected Y"
/// messages are produced.
struct Parser {
    let input: String
    let tokens: [Token]
    var index = 0
    /// End offset of the last consumed `)`, `]`, `}`, number or duration (Prometheus's
    /// `lastClosing`, which ends most node ranges).
    var lastClosing = 0
    /// Open aggregations: yacc's error recovery reports errors in their bodies "in aggregation".
    var aggregationDepth = 0
    let version: PromQLVersion
    /// Recursion depth of the descent. Prometheus has no limit (Go stacks grow); ours is
    /// bounded so that a pathological expression is an error, not a stack overflow in
    /// lint, snapshot or the viewer (issue 15).
    var nesting = 0
    static let maxNesting = 256

    init(_ input: String, version: PromQLVersion = .v3) {
        self.input = input
        self.version = version
        self.tokens = Lexer.tokenize(input, version: version)
    }

    // MARK: - Token access

    var current: Token { tokens[min(index, tokens.count - 1)] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        switch token.kind {
        case .rightParen, .rightBrace, .rightBracket, .number, .duration: lastClosing = token.end
        default: break
        }
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func error(_ message: String, _ range: PositionRange) -> ParseError {
        ParseError(message, at: range, in: input)
    }

    /// Prometheus's `unexpected(context, expected)`; a lexer error takes precedence.
    func unexpected(_ context: String = "", _ expected: String = "") -> ParseError {
        let token = current
        if token.kind == .error {
            return error(token.text, PositionRange(start: token.start, end: input.utf8.count))
        }
        // 3.x lists `@` among its operators, so it prints as one.
        var message = "unexpected \(version == .v3 && token.kind == .at ? "<op:@>" : token.description)"
        let context = context.isEmpty && aggregationDepth > 0 ? "aggregation" : context
        if !context.isEmpty { message += " in \(context)" }
        if !expected.isEmpty { message += ", expected \(expected)" }
        return error(message, token.range)
    }

    // MARK: - Expressions

    mutating func parseInput() throws(ParseError) -> Expr {
        if current.kind == .eof { throw error("no expression found in input", .zero) }
        let expr = try parseExpr(minPrecedence: 0)
        guard current.kind == .eof else { throw unexpected() }
        return expr
    }

    /// Precedence climbing over binary operators; `^` is right-associative.
    mutating func parseExpr(minPrecedence: Int) throws(ParseError) -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        var lhs = try parseUnary()
        while case .op(let op) = current.kind, op.precedence >= minPrecedence {
            advance()
            let modifiers = try parseBinaryModifiers()
            let rhs = try parseExpr(minPrecedence: op.isRightAssociative ? op.precedence : op.precedence + 1)
            lhs = .binary(
                BinaryExpr(
                    op: op, lhs: lhs, rhs: rhs, returnBool: modifiers.returnBool, matching: modifiers.matching,
                    positionRange: lhs.positionRange.union(rhs.positionRange)))
        }
        return lhs
    }

    /// Unary `+`/`-` bind like `*`: looser than `^`, tighter than everything else. A sign
    /// on a number literal folds into the literal, as in Prometheus.
    mutating func parseUnary() throws(ParseError) -> Expr {
        guard case .op(let op) = current.kind, op == .add || op == .sub else { return try parsePostfix() }
        let opToken = advance()
        let operand = try parseExpr(minPrecedence: BinaryOp.pow.precedence)
        if case .number(var literal) = operand {
            if op == .sub { literal.value = -literal.value }
            literal.positionRange.start = opToken.start
            return .number(literal)
        }
        return .unary(
            UnaryExpr(
                op: op, expr: operand,
                positionRange: PositionRange(start: opToken.start, end: operand.positionRange.end)))
    }

    /// A primary expression followed by any `[range]`, `[range:step]`, `offset` and `@`.
    mutating func parsePostfix() throws(ParseError) -> Expr {
        var expr = try parsePrimary()
        while true {
            switch current.kind {
            case .leftBracket: expr = try parseRangeOrSubquery(expr)
            case .keyword(.offset): expr = try parseOffset(expr)
            case .at: expr = try parseAt(expr)
            case .keyword(.anchored), .keyword(.smoothed): expr = try parseExtendedRange(expr)
            default: return expr
            }
        }
    }

    mutating func parsePrimary() throws(ParseError) -> Expr {
        let token = current
        switch token.kind {
        case .number:
            advance()
            switch Literals.number(token.text) {
            case .success(let value): return .number(NumberLiteral(value: value, positionRange: token.range))
            case .failure(let failure): throw error("error parsing number: \(failure.message)", token.range)
            }
        case .duration where version == .v3:
            // 3.x: a duration literal is a number of seconds (`time() - 1h`).
            advance()
            return .number(NumberLiteral(value: try durationLiteralSeconds(token), positionRange: token.range))
        case .string:
            advance()
            return .string(StringLiteral(value: try unquote(token), positionRange: token.range))
        case .leftParen:
            advance()
            let inner = try parseExpr(minPrecedence: 0)
            guard current.kind == .rightParen else { throw unexpected() }
            let close = advance()
            return .paren(ParenExpr(expr: inner, positionRange: PositionRange(start: token.start, end: close.end)))
        case .leftBrace:
            return .vectorSelector(try parseSelector(name: nil))
        case .aggregator(let op):
            switch peek().kind {
            case .leftParen, .keyword(.by), .keyword(.without): return try parseAggregation(op)
            default: return .vectorSelector(try parseSelector(name: token))
            }
        case .identifier:
            if peek().kind == .leftParen { return try parseCall() }
            return .vectorSelector(try parseSelector(name: token))
        case .keyword(.start), .keyword(.end), .keyword(.step), .keyword(.range), .keyword(.minOf), .keyword(.maxOf):
            // 3.x: `start()`, `step()`, `max_of(a, b)`... are (experimental) functions.
            if version == .v3, peek().kind == .leftParen { return try parseCall() }
            return .vectorSelector(try parseSelector(name: token))
        case .metricIdentifier, .op(.land), .op(.lor), .op(.lunless),
            .keyword(.by), .keyword(.without), .keyword(.offset), .keyword(.anchored), .keyword(.smoothed),
            .keyword(.fill), .keyword(.fillLeft), .keyword(.fillRight):
            return .vectorSelector(try parseSelector(name: token))
        default:
            throw unexpected()
        }
    }

    /// Whether a token can begin an expression (yacc's FIRST(expr)); used where Prometheus
    /// decides between an optional part and an error by the next token.
    func canStartExpression(_ kind: TokenKind) -> Bool {
        switch kind {
        case .number, .string, .leftParen, .leftBrace, .identifier, .metricIdentifier, .aggregator: true
        case .duration: version == .v3
        case .op(let op): [.add, .sub, .land, .lor, .lunless].contains(op)
        case .keyword(let k):
            [.by, .without, .offset, .start, .end].contains(k)
                || (version == .v3 && [.step, .range, .minOf, .maxOf, .anchored, .smoothed].contains(k))
        default: false
        }
    }

    func unquote(_ token: Token) throws(ParseError) -> String {
        switch Literals.unquote(token.text) {
        case .success(let value): return value
        case .failure(let failure):
            throw error("error unquoting string \(GoQuote.string(token.text)): \(failure.message)", token.range)
        }
    }

    // MARK: - Calls and aggregations

    mutating func parseCall() throws(ParseError) -> Expr {
        let name = advance()
        let args = try parseCallBody()
        guard let function = FunctionSignature.named(name.text, version: version) else {
            throw error("unknown function with name \(GoQuote.string(name.text))", name.range)
        }
        return .call(
            Call(function: function, args: args, positionRange: PositionRange(start: name.start, end: lastClosing)))
    }

    /// `( expr, expr, ... )`; trailing commas are rejected like Prometheus does.
    mutating func parseCallBody() throws(ParseError) -> [Expr] {
        guard current.kind == .leftParen else { throw unexpected() }
        advance()
        var args: [Expr] = []
        if current.kind == .rightParen {
            advance()
            return args
        }
        while true {
            args.append(try parseExpr(minPrecedence: 0))
            switch current.kind {
            case .rightParen:
                advance()
                return args
            case .comma:
                let comma = advance()
                if current.kind != .error, !canStartExpression(current.kind) {
                    throw error("trailing commas not allowed in function call args", comma.range)
                }
            default:
                throw unexpected()
            }
        }
    }

    mutating func parseAggregation(_ op: AggregationOp) throws(ParseError) -> Expr {
        let opToken = advance()
        aggregationDepth += 1
        var grouping: [String] = []
        var without = false
        var hasModifier = false
        if current.kind == .keyword(.by) || current.kind == .keyword(.without) {
            without = advance().kind == .keyword(.without)
            grouping = try parseGroupingLabels()
            hasModifier = true
        }
        guard current.kind == .leftParen else { throw unexpected("aggregation") }
        let args = try parseCallBody()
        if !hasModifier, current.kind == .keyword(.by) || current.kind == .keyword(.without) {
            without = advance().kind == .keyword(.without)
            grouping = try parseGroupingLabels()
        }
        aggregationDepth -= 1
        let range = PositionRange(start: opToken.start, end: lastClosing)
        if args.isEmpty { throw error("no arguments for aggregate expression provided", range) }
        let desired = op.takesParameter ? 2 : 1
        guard args.count == desired else {
            throw error(
                "wrong number of arguments for aggregate expression provided, expected \(desired), got \(args.count)",
                range)
        }
        return .aggregate(
            AggregateExpr(
                op: op, expr: args[desired - 1], param: op.takesParameter ? args[0] : nil, grouping: grouping,
                without: without, positionRange: range))
    }
}
