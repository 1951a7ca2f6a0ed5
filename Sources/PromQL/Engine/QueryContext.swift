import PromModel

/// Prometheus 3.x's query preprocessing (engine.go `foldQueryContextFunctions`,
/// durations.go `durationVisitor`): `start()`, `end()`, `range()` and `step()` become
/// numbers, and duration expressions become the ranges, steps and offsets they stand for.
/// Times in milliseconds; `step` is 0 for an instant query, as there.
struct QueryContext {
    var start: Timestamp
    var end: Timestamp
    var step: Int64

    var stepSeconds: Double { start == end ? 0 : Double(step) / 1000 }
    var rangeSeconds: Double { Double(end - start) / 1000 }

    func resolve(_ expr: Expr) throws(QueryError) -> Expr {
        switch expr {
        case .number, .string:
            return expr
        case .vectorSelector(let vs):
            return .vectorSelector(try resolve(vs))
        case .matrixSelector(var ms):
            ms.vectorSelector = try resolve(ms.vectorSelector)
            if let e = ms.rangeExpr { ms.range = try milliseconds(e, allowNegative: false) }
            return .matrixSelector(ms)
        case .subquery(var sq):
            sq.expr = try resolve(sq.expr)
            if let e = sq.rangeExpr { sq.range = try milliseconds(e, allowNegative: false) }
            if let e = sq.stepExpr { sq.step = try milliseconds(e, allowNegative: false) }
            if let e = sq.offsetExpr { sq.offset = try milliseconds(e, allowNegative: true) }
            return .subquery(sq)
        case .call(var c):
            if c.args.isEmpty, let value = contextValue(c.function.name) {
                return .number(NumberLiteral(value: value, positionRange: c.positionRange))
            }
            for i in c.args.indices { c.args[i] = try resolve(c.args[i]) }
            return .call(c)
        case .aggregate(var a):
            a.expr = try resolve(a.expr)
            if let p = a.param { a.param = try resolve(p) }
            return .aggregate(a)
        case .binary(var b):
            if let m = b.matching, m.fillLeft != nil || m.fillRight != nil {
                throw Self.unsupported("fill modifiers (promql-binop-fill-modifiers) are")
            }
            b.lhs = try resolve(b.lhs)
            b.rhs = try resolve(b.rhs)
            return .binary(b)
        case .unary(var u):
            u.expr = try resolve(u.expr)
            return .unary(u)
        case .paren(var p):
            p.expr = try resolve(p.expr)
            return .paren(p)
        }
    }

    private func resolve(_ input: VectorSelector) throws(QueryError) -> VectorSelector {
        var vs = input
        // Extended range selectors need 3.x window semantics this engine does not have.
        if vs.anchored { throw Self.unsupported("the anchored modifier is") }
        if vs.smoothed { throw Self.unsupported("the smoothed modifier is") }
        if let e = vs.offsetExpr { vs.offset = try milliseconds(e, allowNegative: true) }
        return vs
    }

    private func contextValue(_ name: String) -> Double? {
        switch name {
        case "start": Double(start) / 1000
        case "end": Double(end) / 1000
        case "range": rangeSeconds
        case "step": stepSeconds
        default: nil
        }
    }

    private func milliseconds(_ e: DurationExpr, allowNegative: Bool) throws(QueryError) -> Int64 {
        try e.milliseconds(step: stepSeconds, range: rangeSeconds, allowNegative: allowNegative)
    }

    static func unsupported(_ what: String) -> QueryError {
        QueryError.execution("\(what) not supported by the embedded engine")
    }
}
