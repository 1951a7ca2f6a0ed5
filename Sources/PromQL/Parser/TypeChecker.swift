/// Prometheus's `checkAST`: static type rules, run after a successful parse, reporting
/// the first violation in the same traversal order. It also normalises binary
/// expressions the way Prometheus does (set operators become many-to-many, matching is
/// dropped unless both sides are vectors).
struct TypeChecker {
    let query: String
    var version: PromQLVersion = .v3

    func error(_ message: String, _ range: PositionRange) -> ParseError {
        ParseError(message, at: range, in: query)
    }

    @discardableResult
    func check(_ expr: Expr) throws(ParseError) -> Expr {
        switch expr {
        case .number, .string:
            return expr
        case .paren(var e):
            e.expr = try check(e.expr)
            return .paren(e)
        case .vectorSelector(let vs):
            try checkSelector(vs)
            return expr
        case .matrixSelector(let ms):
            try checkSelector(ms.vectorSelector)
            return expr
        case .subquery(var sq):
            sq.expr = try check(sq.expr)
            if sq.expr.type != .vector {
                throw error("subquery is only allowed on instant vector, got \(sq.expr.type.rawValue) instead", sq.positionRange)
            }
            return .subquery(sq)
        case .unary(var u):
            u.expr = try check(u.expr)
            let t = u.expr.type
            if t != .scalar && t != .vector {
                throw error(
                    "unary expression only allowed on expressions of type scalar or instant vector, got \(GoQuote.string(t.documentedName))",
                    u.positionRange)
            }
            return .unary(u)
        case .aggregate(var a):
            a.expr = try expect(a.expr, .vector, "aggregation expression")
            if let param = a.param, let want = a.op.parameterType {
                a.param = try expect(param, want, "aggregation parameter")
            }
            return .aggregate(a)
        case .call(var c):
            try checkArity(c)
            if c.function.name == "info", c.args.count > 1 { try checkInfo(c) }
            let types = c.function.argTypes
            for i in c.args.indices {
                var typeIndex = i
                if i >= types.count {
                    if c.function.variadic == 0 { break }
                    typeIndex = types.count - 1
                }
                // info()'s label selector may be empty (`BypassEmptyMatcherCheck`).
                if c.function.name == "info", i == 1, case .vectorSelector = c.args[i] { continue }
                c.args[i] = try expect(c.args[i], types[typeIndex], "call to function \(GoQuote.string(c.function.name))")
            }
            return .call(c)
        case .binary(let b):
            return .binary(try checkBinary(b))
        }
    }

    private func expect(_ expr: Expr, _ want: ValueType, _ context: String) throws(ParseError) -> Expr {
        let checked = try check(expr)
        if checked.type != want {
            throw error(
                "expected type \(want.documentedName) in \(context), got \(checked.type.documentedName)",
                checked.positionRange)
        }
        return checked
    }

    /// info()'s second argument: label selectors only, and `{}`-style without a name
    /// is allowed to be empty (parse.go, BypassEmptyMatcherCheck).
    private func checkInfo(_ c: Call) throws(ParseError) {
        let arg = c.args[1]
        if arg.type != .vector {
            throw error(
                "expected type instant vector in call to function \"info\", got \(arg.type.documentedName)",
                c.positionRange)
        }
        guard case .vectorSelector(let vs) = arg else {
            throw error("expected label selectors only", arg.positionRange)
        }
        if vs.name != nil { throw error("expected label selectors only, got vector selector instead", arg.positionRange) }
    }

    private func checkArity(_ c: Call) throws(ParseError) {
        let nargs = c.function.argTypes.count
        let name = GoQuote.string(c.function.name)
        if c.function.variadic == 0 {
            if nargs != c.args.count {
                throw error("expected \(nargs) argument(s) in call to \(name), got \(c.args.count)", c.positionRange)
            }
            return
        }
        let minimum = nargs - 1
        if minimum > c.args.count {
            throw error("expected at least \(minimum) argument(s) in call to \(name), got \(c.args.count)", c.positionRange)
        }
        let maximum = minimum + c.function.variadic
        if c.function.variadic > 0, maximum < c.args.count {
            throw error("expected at most \(maximum) argument(s) in call to \(name), got \(c.args.count)", c.positionRange)
        }
    }

    private func checkSelector(_ vs: VectorSelector) throws(ParseError) {
        if let name = vs.name {
            for m in vs.matchers.dropLast() where m.name == "__name__" {
                throw error(
                    "metric name must not be set twice: \(GoQuote.string(name)) or \(GoQuote.string(m.value))",
                    vs.positionRange)
            }
            return
        }
        if !vs.matchers.contains(where: { !$0.matchesEmpty }) {
            throw error("vector selector must contain at least one non-empty matcher", vs.positionRange)
        }
    }

    /// The operator's range: between the operands, trimmed of spaces.
    private func operatorRange(_ b: BinaryExpr) -> PositionRange {
        let bytes = Array(query.utf8)
        var start = b.lhs.positionRange.end
        while start < bytes.count, isSpace(Unicode.Scalar(bytes[start])) { start += 1 }
        var end = b.rhs.positionRange.start - 1
        while end > 0, end < bytes.count, isSpace(Unicode.Scalar(bytes[end])) { end -= 1 }
        return PositionRange(start: start, end: end)
    }

    private func checkBinary(_ input: BinaryExpr) throws(ParseError) -> BinaryExpr {
        var b = input
        b.lhs = try check(b.lhs)
        b.rhs = try check(b.rhs)
        let lt = b.lhs.type
        let rt = b.rhs.type
        if b.returnBool && !b.op.isComparison {
            throw error("bool modifier can only be used on comparison operators", operatorRange(b))
        }
        if b.op.isComparison && !b.returnBool && lt == .scalar && rt == .scalar {
            throw error("comparisons between scalars must use BOOL modifier", operatorRange(b))
        }
        var matching = b.matching ?? VectorMatching(card: .oneToOne)
        if b.op.isSetOperator && matching.card == .oneToOne { matching.card = .manyToMany }
        if matching.on {
            for label in matching.matchingLabels where matching.include.contains(label) {
                throw error(
                    "label \(GoQuote.string(label)) must not occur in ON and GROUP clause at once", operatorRange(b))
            }
        }
        if lt != .scalar && lt != .vector {
            throw error("binary expression must contain only scalar and instant vector types", b.lhs.positionRange)
        }
        if rt != .scalar && rt != .vector {
            throw error("binary expression must contain only scalar and instant vector types", b.rhs.positionRange)
        }
        if lt != .vector || rt != .vector {
            if !matching.matchingLabels.isEmpty {
                throw error("vector matching only allowed between instant vectors", b.positionRange)
            }
            b.matching = nil
        } else {
            if b.op.isSetOperator {
                if matching.card == .oneToMany || matching.card == .manyToOne {
                    throw error("no grouping allowed for \(GoQuote.string(b.op.rawValue)) operation", b.positionRange)
                }
                if matching.card != .manyToMany {
                    throw error("set operations must always be many-to-many", b.positionRange)
                }
            }
            b.matching = matching
        }
        if (lt == .scalar || rt == .scalar) && b.op.isSetOperator {
            throw error("set operator \(GoQuote.string(b.op.rawValue)) not allowed in binary scalar expression", b.positionRange)
        }
        return b
    }
}
