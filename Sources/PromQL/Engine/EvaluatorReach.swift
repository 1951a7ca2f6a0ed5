/// How far before the query start and after its end an expression reads samples, so the
/// evaluator loads each selected series once, for just that window.
struct Reach {
    var back: Int64 = 0
    var forward: Int64 = 0
    /// `@` pins a selector to an absolute time: load everything rather than reason about it.
    var unbounded = false

    func merged(_ other: Reach) -> Reach {
        Reach(back: max(back, other.back), forward: max(forward, other.forward), unbounded: unbounded || other.unbounded)
    }
}

extension Evaluator {
    static func reach(of expr: Expr, lookback: Int64, subqueryStep: Int64) -> Reach {
        func walk(_ expr: Expr) -> Reach {
            switch expr {
            case .number, .string:
                return Reach()
            case .vectorSelector(let vs):
                return Reach(back: lookback + max(vs.offset, 0), forward: max(-vs.offset, 0), unbounded: vs.at != nil)
            case .matrixSelector(let ms):
                let vs = ms.vectorSelector
                return Reach(back: ms.range + max(vs.offset, 0), forward: max(-vs.offset, 0), unbounded: vs.at != nil)
            case .subquery(let sq):
                let inner = walk(sq.expr)
                return Reach(
                    back: sq.range + max(sq.offset, 0) + inner.back + (sq.step ?? subqueryStep),
                    forward: max(-sq.offset, 0) + inner.forward,
                    unbounded: inner.unbounded || sq.at != nil)
            case .paren(let paren):
                return walk(paren.expr)
            case .unary(let unary):
                return walk(unary.expr)
            case .call(let call):
                return call.args.reduce(Reach()) { $0.merged(walk($1)) }
            case .aggregate(let aggregate):
                return walk(aggregate.expr).merged(aggregate.param.map(walk) ?? Reach())
            case .binary(let binary):
                return walk(binary.lhs).merged(walk(binary.rhs))
            }
        }
        return walk(expr)
    }
}
