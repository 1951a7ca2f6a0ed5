import PromModel
import Testing

@testable import PromQL

/// The AST shape the engine relies on: precedence, associativity, modifiers, matching,
/// positions and static types.
@Suite("PromQL parser AST")
struct ParserASTTests {
    func parse(_ s: String) throws -> Expr { try parsePromQL(s) }

    func binary(_ e: Expr) throws -> BinaryExpr {
        guard case .binary(let b) = e else { throw ParseError("not binary: \(e)", at: .zero, in: "") }
        return b
    }

    @Test("precedence: ^ is right-associative and binds tighter than unary minus; * before +; and before or")
    func precedence() throws {
        let pow = try binary(parse("2 ^ 3 ^ 2"))
        #expect(pow.lhs == .number(NumberLiteral(value: 2, positionRange: PositionRange(start: 0, end: 1))))
        #expect(try binary(pow.rhs).op == .pow)

        guard case .unary(let u) = try parse("-x ^ 2") else { Issue.record("expected unary"); return }
        #expect(try binary(u.expr).op == .pow)

        let sum = try binary(parse("a + b * c"))
        #expect(sum.op == .add)
        #expect(try binary(sum.rhs).op == .mul)

        let left = try binary(parse("a - b - c"))
        #expect(try binary(left.lhs).op == .sub)

        let or = try binary(parse("a or b and c unless d"))
        #expect(or.op == .lor)
        #expect(try binary(or.rhs).op == .lunless)

        let cmp = try binary(parse("a > b + 1"))
        #expect(cmp.op == .gtr)
    }

    @Test("signs fold into number literals; -1^2 is -(1^2)")
    func unaryNumbers() throws {
        #expect(try parse("-5").description == "-5")
        guard case .number(let n) = try parse("- -1") else { Issue.record("expected number"); return }
        #expect(n.value == 1)
        #expect(n.positionRange == PositionRange(start: 0, end: 4))
        guard case .unary(let u) = try parse("-1^2") else { Issue.record("expected unary"); return }
        #expect(u.op == .sub)
    }

    @Test("selector: name matcher appended, offset and @ in either order, ranges in ms")
    func selectors() throws {
        guard case .matrixSelector(let ms) = try parse(#"rate_x{job=~"a|b"}[1h30m] offset -5m @ 1700000000.5"#)
        else { Issue.record("expected matrix selector"); return }
        #expect(ms.range == 5_400_000)
        #expect(ms.vectorSelector.offset == -300_000)
        #expect(ms.vectorSelector.at == .timestamp(1_700_000_000_500))
        #expect(ms.vectorSelector.name == "rate_x")
        #expect(ms.vectorSelector.matchers.map(\.description) == [#"job=~"a|b""#, #"__name__="rate_x""#])
        #expect(ms.positionRange == PositionRange(start: 0, end: 51))

        guard case .vectorSelector(let vs) = try parse("x @ end() offset 1m") else { Issue.record("vs"); return }
        #expect(vs.at == .end)
        #expect(vs.offset == 60_000)

        guard case .subquery(let sq) = try parse("rate(x[5m])[1h:] @ start()") else { Issue.record("sq"); return }
        #expect(sq.range == 3_600_000)
        #expect(sq.step == nil)
        #expect(sq.at == .start)
    }

    @Test("vector matching: set operators are many-to-many; group_left includes; scalar sides drop matching")
    func matching() throws {
        let and = try binary(parse("a and on (x) b"))
        #expect(and.matching == VectorMatching(card: .manyToMany, matchingLabels: ["x"], on: true))
        let gl = try binary(parse("a * ignoring (i) group_left (g1, g2) b"))
        #expect(gl.matching == VectorMatching(card: .manyToOne, matchingLabels: ["i"], on: false, include: ["g1", "g2"]))
        let gr = try binary(parse("a / on (x) group_right b"))
        #expect(gr.matching?.card == .oneToMany)
        #expect(try binary(parse("a + 1")).matching == nil)
        #expect(try binary(parse("a > bool 1")).returnBool)
    }

    @Test("aggregations: modifier before or after, parameters")
    func aggregations() throws {
        for text in ["sum by (job, le) (x)", "sum(x) by (job, le)"] {
            guard case .aggregate(let a) = try parse(text) else { Issue.record("aggregate"); continue }
            #expect(a.op == .sum && a.grouping == ["job", "le"] && !a.without && a.param == nil)
        }
        guard case .aggregate(let cv) = try parse(#"count_values without (a) ("v", x)"#) else { return }
        #expect(cv.op == .countValues && cv.without && cv.param == .string(StringLiteral(value: "v", positionRange: PositionRange(start: 26, end: 29))))
    }

    @Test("static types")
    func types() throws {
        #expect(try parse("1 + 2").type == .scalar)
        #expect(try parse("x + 2").type == .vector)
        #expect(try parse("x[5m]").type == .matrix)
        #expect(try parse("x[5m:]").type == .matrix)
        #expect(try parse(#""s""#).type == .string)
        #expect(try parse("time()").type == .scalar)
        #expect(try parse("scalar(x) * 2").type == .scalar)
        #expect(try parse("(rate(x[5m]))").type == .vector)
    }

    @Test("keywords are metric names and label names where Prometheus allows")
    func keywordsAsNames() throws {
        guard case .vectorSelector(let vs) = try parse(#"sum{a="b"}"#) else { Issue.record("vs"); return }
        #expect(vs.name == "sum")
        guard case .aggregate(let a) = try parse("max by (on, bool, sum, offset) (avg)") else { return }
        #expect(a.grouping == ["on", "bool", "sum", "offset"])
    }

    @Test("errors carry line, column, byte offset and convert to QueryError")
    func errors() throws {
        do {
            _ = try parsePromQL("sum(rate(x[5m]))\n  * * 2")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "2:5: parse error: unexpected <op:*>")
            #expect(error.positionRange.start == 21)
            let q = error.queryError
            #expect(q.kind == .badData && q.position == 21 && q.message == error.description)
        }
        #expect(throws: QueryError.self) { try PromQLParser.parseForQuery("rate(x)") }
    }

    @Test("every Prometheus 3.14 (and, for .v2, 2.42) function is in the table with its signature")
    func functionTable() {
        #expect(FunctionSignature.all.count == 90)
        #expect(FunctionSignature.all242.count == 70)
        #expect(FunctionSignature.named("holt_winters") == nil)
        #expect(FunctionSignature.named("holt_winters", version: .v2) != nil)
        #expect(FunctionSignature.named("double_exponential_smoothing")?.experimental == true)
        #expect(FunctionSignature.named("first_over_time")?.experimental == false)
        #expect(FunctionSignature.named("first_over_time", version: .v2) == nil)
        #expect(FunctionSignature.named("sort_by_label")?.variadic == -1)
        #expect(FunctionSignature.named("label_join")?.variadic == -1)
        #expect(FunctionSignature.named("round")?.argTypes == [.vector, .scalar])
        #expect(FunctionSignature.named("histogram_quantile")?.argTypes == [.scalar, .vector])
        #expect(FunctionSignature.named("time")?.returnType == .scalar)
        #expect(FunctionSignature.named("nope") == nil)
    }
}
