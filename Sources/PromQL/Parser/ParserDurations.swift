import Foundation

/// Prometheus 3.x duration expressions (generated_parser.y `duration_expr`,
/// `positive_duration_expr`, `offset_duration_expr`): in `[...]`, after `:` and `offset`.
extension Parser {
    /// Where a failure inside a duration expression is reported (yacc's error productions).
    struct DurationContext {
        var context: String
        var expected: String
    }

    static let rangeContext = DurationContext(
        context: "subquery or range selector", expected: "number, duration, step(), or range()")
    static let stepContext = DurationContext(
        context: "subquery selector", expected: "number, duration, step(), range(), or \"]\"")
    static let offsetContext = DurationContext(
        context: "offset", expected: "number, duration, step(), or range()")

    /// `positive_duration_expr`: a literal must be > 0.
    mutating func parsePositiveDuration(_ ctx: DurationContext) throws(ParseError) -> DurationExpr {
        let e = try parseDurationExpr(minPrecedence: 0, ctx)
        if let v = e.literalValue, v <= 0 {
            throw error("duration must be greater than 0", e.positionRange)
        }
        return e
    }

    /// `offset_duration_expr`: an optionally signed atom; `foo offset -2^2` is `(foo offset -2)^2`.
    mutating func parseOffsetDuration() throws(ParseError) -> DurationExpr {
        guard case .op(let op) = current.kind, op == .add || op == .sub else {
            return try parseDurationAtom(Self.offsetContext)
        }
        let sign = advance()
        let atom = try parseDurationAtom(Self.offsetContext)
        return try applySign(op, sign.start, atom)
    }

    func applySign(_ op: BinaryOp, _ start: Int, _ e: DurationExpr) throws(ParseError) -> DurationExpr {
        if case .literal(let v, let r) = e {
            return .literal(op == .sub ? -v : v, PositionRange(start: start, end: r.end))
        }
        return op == .sub ? .unary(.sub, e, start: start) : e
    }

    mutating func parseDurationExpr(minPrecedence: Int, _ ctx: DurationContext) throws(ParseError) -> DurationExpr {
        try enterNesting()
        defer { nesting -= 1 }
        var lhs: DurationExpr
        if case .op(let op) = current.kind, op == .add || op == .sub {
            let sign = advance()
            // Unary operators bind like `*` (`%prec MUL`).
            let operand = try parseDurationExpr(minPrecedence: BinaryOp.pow.precedence, ctx)
            lhs = try applySign(op, sign.start, operand)
        } else {
            lhs = try parseDurationAtom(ctx)
        }
        while case .op(let op) = current.kind, [.add, .sub, .mul, .div, .mod, .pow].contains(op),
            op.precedence >= minPrecedence
        {
            let opToken = advance()
            let rhs = try parseDurationExpr(
                minPrecedence: op.isRightAssociative ? op.precedence : op.precedence + 1, ctx)
            if op == .div || op == .mod, rhs.literalValue == 0 {
                throw error(op == .div ? "division by zero" : "modulo by zero", opToken.range)
            }
            lhs = .binary(op, lhs, rhs)
        }
        return lhs
    }

    /// A literal, `step()`, `range()`, `min_of(a, b)`, `max_of(a, b)` or `( expr )`.
    mutating func parseDurationAtom(_ ctx: DurationContext) throws(ParseError) -> DurationExpr {
        let token = current
        switch token.kind {
        case .number, .duration:
            advance()
            let seconds = try durationLiteralSeconds(token)
            if seconds > 9_223_372_036.854775807 || seconds < -9_223_372_036.854775808 {
                throw error("duration out of range", token.range)
            }
            return .literal(seconds, token.range)
        case .keyword(.step), .keyword(.range):
            advance()
            guard current.kind == .leftParen else { throw unexpected(ctx.context, ctx.expected) }
            advance()
            guard current.kind == .rightParen else { throw unexpected(ctx.context, ctx.expected) }
            let close = advance()
            let range = PositionRange(start: token.start, end: close.end)
            return token.kind == .keyword(.step) ? .step(range) : .range(range)
        case .keyword(.minOf), .keyword(.maxOf):
            advance()
            guard current.kind == .leftParen else { throw unexpected(ctx.context, ctx.expected) }
            advance()
            let a = try parseDurationExpr(minPrecedence: 0, ctx)
            guard current.kind == .comma else { throw unexpected(ctx.context, ctx.expected) }
            advance()
            let b = try parseDurationExpr(minPrecedence: 0, ctx)
            guard current.kind == .rightParen else { throw unexpected(ctx.context, ctx.expected) }
            let close = advance()
            let range = PositionRange(start: token.start, end: close.end)
            return token.kind == .keyword(.minOf) ? .minOf(a, b, range) : .maxOf(a, b, range)
        case .leftParen:
            advance()
            let inner = try parseDurationExpr(minPrecedence: 0, ctx)
            guard current.kind == .rightParen else { throw unexpected(ctx.context, ctx.expected) }
            let close = advance()
            // A parenthesised literal stays a literal, as in Prometheus.
            if inner.literalValue != nil { return inner }
            return .paren(inner, PositionRange(start: token.start, end: close.end))
        default:
            throw unexpected(ctx.context, ctx.expected)
        }
    }

    /// `number_duration_literal`: a number is seconds, a duration literal is parsed by
    /// 3.x's `model.ParseDuration`.
    func durationLiteralSeconds(_ token: Token) throws(ParseError) -> Double {
        if token.kind == .number {
            switch Literals.number(token.text) {
            case .success(let v): return v
            case .failure(let failure): throw error("error parsing number: \(failure.message)", token.range)
            }
        }
        switch Literals.duration3(token.text) {
        case .success(let ms): return Double(ms) / 1000
        case .failure(let failure): throw error(failure.message, token.range)
        }
    }

    /// Milliseconds of a literal, as Go's `time.Duration(math.Round(v * 1e9))` truncated to ms.
    static func milliseconds(_ seconds: Double) -> Int64 {
        let ns = (seconds * 1e9).rounded()
        return Int64((ns / 1e6).rounded(.towardZero))
    }

    mutating func enterNesting() throws(ParseError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw error("expression nests too deeply (more than \(Self.maxNesting) levels)", current.range)
        }
    }
}
