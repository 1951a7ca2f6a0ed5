/// Prometheus 3.x forms of ranges, subqueries and offsets (duration expressions), the
/// `anchored`/`smoothed` modifiers and `fill()` binary modifiers (generated_parser.y).
extension Parser {
    mutating func parseRangeOrSubquery3(_ expr: Expr) throws(ParseError) -> Expr {
        let open = advance()
        let range = try parsePositiveDuration(Self.rangeContext)
        switch current.kind {
        case .rightBracket:
            let close = advance()
            let bracketRange = open.range.union(close.range)
            guard case .vectorSelector(let vs) = expr else {
                throw error("ranges only allowed for vector selectors", bracketRange)
            }
            if vs.offset != 0 { throw error("no offset modifiers allowed before range", bracketRange) }
            if case .timestamp = vs.at { throw error("no @ modifiers allowed before range", bracketRange) }
            var ms = MatrixSelector(
                vectorSelector: vs, range: range.literalValue.map(Self.milliseconds) ?? 0,
                positionRange: PositionRange(start: vs.positionRange.start, end: close.end))
            if range.literalValue == nil { ms.rangeExpr = range }
            return .matrixSelector(ms)
        case .colon:
            advance()
            var step: DurationExpr?
            if current.kind != .rightBracket {
                step = try parsePositiveDuration(Self.stepContext)
                guard current.kind == .rightBracket else { throw unexpected("subquery selector", "\"]\"") }
            }
            let close = advance()
            var sq = SubqueryExpr(
                expr: expr, range: range.literalValue.map(Self.milliseconds) ?? 0,
                step: step.map { $0.literalValue.map(Self.milliseconds) ?? 0 },
                positionRange: PositionRange(start: expr.positionRange.start, end: close.end))
            if range.literalValue == nil { sq.rangeExpr = range }
            if let step, step.literalValue == nil { sq.stepExpr = step }
            return .subquery(sq)
        default:
            throw unexpected("subquery or range", "\":\" or \"]\"")
        }
    }

    mutating func parseOffset3(_ expr: Expr) throws(ParseError) -> Expr {
        advance()
        let duration = try parseOffsetDuration()
        let literal = duration.literalValue.map(Self.milliseconds)
        let alreadySet = error("offset may not be set multiple times", expr.positionRange)
        switch expr {
        case .vectorSelector(var vs):
            if vs.offset != 0 || vs.offsetExpr != nil { throw alreadySet }
            if let literal { vs.offset = literal } else { vs.offsetExpr = duration }
            vs.positionRange.end = lastClosing
            return .vectorSelector(vs)
        case .matrixSelector(var ms):
            if ms.vectorSelector.offset != 0 || ms.vectorSelector.offsetExpr != nil { throw alreadySet }
            if let literal { ms.vectorSelector.offset = literal } else { ms.vectorSelector.offsetExpr = duration }
            ms.positionRange.end = lastClosing
            return .matrixSelector(ms)
        case .subquery(var sq):
            if sq.offset != 0 || sq.offsetExpr != nil { throw alreadySet }
            if let literal { sq.offset = literal } else { sq.offsetExpr = duration }
            sq.positionRange.end = lastClosing
            return .subquery(sq)
        default:
            throw error(
                "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery",
                expr.positionRange)
        }
    }

    /// `anchored` / `smoothed` (parse.go `setAnchored`, `setSmoothed`).
    mutating func parseExtendedRange(_ expr: Expr) throws(ParseError) -> Expr {
        let anchored = advance().kind == .keyword(.anchored)
        let name = anchored ? "anchored" : "smoothed"
        let both = error("anchored and smoothed modifiers cannot be used together", expr.positionRange)
        switch expr {
        case .vectorSelector(var vs):
            if anchored { vs.anchored = true } else { vs.smoothed = true }
            if vs.anchored && vs.smoothed { throw both }
            return .vectorSelector(vs)
        case .matrixSelector(var ms):
            if anchored { ms.vectorSelector.anchored = true } else { ms.vectorSelector.smoothed = true }
            if ms.vectorSelector.anchored && ms.vectorSelector.smoothed { throw both }
            return .matrixSelector(ms)
        case .subquery:
            throw error("\(name) modifier is not supported for subqueries", expr.positionRange)
        default:
            throw error("\(name) modifier not implemented", expr.positionRange)
        }
    }

    func isFillKeyword(_ kind: TokenKind) -> Bool {
        kind == .keyword(.fill) || kind == .keyword(.fillLeft) || kind == .keyword(.fillRight)
    }

    /// `fill(v)`, `fill_left(v)`, `fill_right(v)`, or `fill_left(a) fill_right(b)` in
    /// either order (`fill_modifiers`).
    mutating func parseFillModifiers(_ matching: inout VectorMatching) throws(ParseError) {
        guard isFillKeyword(current.kind) else { return }
        let first = advance().kind
        let value = try parseFillValue()
        switch first {
        case .keyword(.fill):
            matching.fillLeft = value
            matching.fillRight = value
            return
        case .keyword(.fillLeft): matching.fillLeft = value
        default: matching.fillRight = value
        }
        let other: TokenKind = first == .keyword(.fillLeft) ? .keyword(.fillRight) : .keyword(.fillLeft)
        guard current.kind == other else { return }
        advance()
        let second = try parseFillValue()
        if other == .keyword(.fillLeft) { matching.fillLeft = second } else { matching.fillRight = second }
    }

    /// `( [+|-] number_or_duration )`.
    private mutating func parseFillValue() throws(ParseError) -> Double {
        guard current.kind == .leftParen else { throw unexpected() }
        advance()
        var sign = 1.0
        if case .op(let op) = current.kind, op == .add || op == .sub {
            advance()
            sign = op == .sub ? -1 : 1
        }
        guard current.kind == .number || current.kind == .duration else { throw unexpected() }
        let value = try sign * durationLiteralSeconds(advance())
        guard current.kind == .rightParen else { throw unexpected() }
        advance()
        return value
    }

    /// The AST's depth, measured without recursion, so that the type checker, printer and
    /// evaluator (all recursive) never meet a tree deeper than `maxNesting`.
    func checkDepth(_ root: Expr) throws(ParseError) {
        var stack: [(Expr, Int)] = [(root, 1)]
        while let (expr, depth) = stack.popLast() {
            if depth > Self.maxNesting {
                throw error("expression nests too deeply (more than \(Self.maxNesting) levels)", expr.positionRange)
            }
            for child in expr.children { stack.append((child, depth + 1)) }
        }
    }
}

extension Expr {
    /// Direct subexpressions, in source order.
    var children: [Expr] {
        switch self {
        case .number, .string, .vectorSelector: []
        case .matrixSelector(let e): [.vectorSelector(e.vectorSelector)]
        case .subquery(let e): [e.expr]
        case .call(let e): e.args
        case .aggregate(let e): (e.param.map { [$0] } ?? []) + [e.expr]
        case .binary(let e): [e.lhs, e.rhs]
        case .unary(let e): [e.expr]
        case .paren(let e): [e.expr]
        }
    }
}
