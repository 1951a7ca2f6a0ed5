/// A parsed PromQL expression. The parser builds it, the engine evaluates it and the
/// printer turns it back into canonical text.
///
/// Equality compares structure *and* positions; use `withoutPositions` (or compare
/// printed text) when only the structure matters.
public indirect enum Expr: Hashable, Sendable {
    case number(NumberLiteral)
    case string(StringLiteral)
    case vectorSelector(VectorSelector)
    case matrixSelector(MatrixSelector)
    case subquery(SubqueryExpr)
    case call(Call)
    case aggregate(AggregateExpr)
    case binary(BinaryExpr)
    case unary(UnaryExpr)
    case paren(ParenExpr)

    /// Where this expression is in the query text.
    public var positionRange: PositionRange {
        switch self {
        case .number(let e): e.positionRange
        case .string(let e): e.positionRange
        case .vectorSelector(let e): e.positionRange
        case .matrixSelector(let e): e.positionRange
        case .subquery(let e): e.positionRange
        case .call(let e): e.positionRange
        case .aggregate(let e): e.positionRange
        case .binary(let e): e.positionRange
        case .unary(let e): e.positionRange
        case .paren(let e): e.positionRange
        }
    }

    /// The type of value this expression evaluates to (Prometheus's `Expr.Type()`).
    public var type: ValueType {
        switch self {
        case .number: .scalar
        case .string: .string
        case .vectorSelector: .vector
        case .matrixSelector: .matrix
        case .subquery: .matrix
        case .call(let e): e.function.returnType
        case .aggregate: .vector
        case .binary(let e):
            e.lhs.type == .scalar && e.rhs.type == .scalar ? .scalar : .vector
        case .unary(let e): e.expr.type
        case .paren(let e): e.expr.type
        }
    }
}

/// A number such as `1`, `0x1F`, `1e-3`, `Inf` or `NaN`.
public struct NumberLiteral: Hashable, Sendable {
    public var value: Double
    public var positionRange: PositionRange

    public init(value: Double, positionRange: PositionRange = .zero) {
        self.value = value
        self.positionRange = positionRange
    }

    // NaN literals must compare equal to themselves for AST comparisons.
    public static func == (a: NumberLiteral, b: NumberLiteral) -> Bool {
        (a.value == b.value || (a.value.isNaN && b.value.isNaN)) && a.positionRange == b.positionRange
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern)
        hasher.combine(positionRange)
    }
}

/// A string such as `"a"`, `'b'` or `` `c` ``, already unescaped.
public struct StringLiteral: Hashable, Sendable {
    public var value: String
    public var positionRange: PositionRange

    public init(value: String, positionRange: PositionRange = .zero) {
        self.value = value
        self.positionRange = positionRange
    }
}

/// The `@` modifier of a selector or subquery.
public enum AtModifier: Hashable, Sendable {
    /// `@ 1609746000` (stored in milliseconds, as Prometheus does).
    case timestamp(Int64)
    /// `@ start()`
    case start
    /// `@ end()`
    case end
}

/// `name{matchers} offset 5m @ 123`.
public struct VectorSelector: Hashable, Sendable {
    /// The metric name when written before the braces (Prometheus's `Name`); a
    /// `{__name__="x"}` matcher does not set it. Either way the name is also one of
    /// `matchers` (an equality on `__name__`), so the engine only needs `matchers`.
    public var name: String?
    public var matchers: [LabelMatcher]
    /// Offset in milliseconds; negative for `offset -5m`.
    public var offset: Int64
    public var at: AtModifier?
    public var positionRange: PositionRange
    /// `offset (1h / 2)`: resolved into `offset` at evaluation (Prometheus 3.x).
    public var offsetExpr: DurationExpr?
    /// The `anchored` / `smoothed` modifiers (promql-extended-range-selectors).
    public var anchored = false
    public var smoothed = false

    public init(
        name: String?, matchers: [LabelMatcher], offset: Int64 = 0, at: AtModifier? = nil,
        positionRange: PositionRange = .zero
    ) {
        self.name = name
        self.matchers = matchers
        self.offset = offset
        self.at = at
        self.positionRange = positionRange
    }
}

/// `selector[5m]`. Offset and `@` live on the inner vector selector, as in Prometheus.
public struct MatrixSelector: Hashable, Sendable {
    public var vectorSelector: VectorSelector
    /// Range in milliseconds.
    public var range: Int64
    public var positionRange: PositionRange
    /// `[5m + step()]`: resolved into `range` at evaluation (Prometheus 3.x).
    public var rangeExpr: DurationExpr?

    public init(vectorSelector: VectorSelector, range: Int64, positionRange: PositionRange = .zero) {
        self.vectorSelector = vectorSelector
        self.range = range
        self.positionRange = positionRange
    }
}

/// `expr[5m:1m] offset 1m @ end()`.
public struct SubqueryExpr: Hashable, Sendable {
    public var expr: Expr
    /// Range in milliseconds.
    public var range: Int64
    /// Step in milliseconds, or nil for `[5m:]` (the engine then uses the global
    /// evaluation interval).
    public var step: Int64?
    /// Offset in milliseconds; negative for `offset -5m`.
    public var offset: Int64
    public var at: AtModifier?
    public var positionRange: PositionRange
    /// Duration expressions of range, step and offset, resolved at evaluation (3.x).
    public var rangeExpr: DurationExpr?
    public var stepExpr: DurationExpr?
    public var offsetExpr: DurationExpr?

    public init(
        expr: Expr, range: Int64, step: Int64?, offset: Int64 = 0, at: AtModifier? = nil,
        positionRange: PositionRange = .zero
    ) {
        self.expr = expr
        self.range = range
        self.step = step
        self.offset = offset
        self.at = at
        self.positionRange = positionRange
    }
}

/// A function call, e.g. `rate(x[5m])`.
public struct Call: Hashable, Sendable {
    public var function: FunctionSignature
    public var args: [Expr]
    public var positionRange: PositionRange

    public init(function: FunctionSignature, args: [Expr], positionRange: PositionRange = .zero) {
        self.function = function
        self.args = args
        self.positionRange = positionRange
    }
}

/// `sum by (job) (x)`, `topk(3, x)`, `count_values without (a) ("v", x)`.
public struct AggregateExpr: Hashable, Sendable {
    public var op: AggregationOp
    public var expr: Expr
    /// The parameter of topk/bottomk/quantile/count_values.
    public var param: Expr?
    public var grouping: [String]
    /// True for `without (...)`, false for `by (...)` or no clause.
    public var without: Bool
    public var positionRange: PositionRange

    public init(
        op: AggregationOp, expr: Expr, param: Expr? = nil, grouping: [String] = [], without: Bool = false,
        positionRange: PositionRange = .zero
    ) {
        self.op = op
        self.expr = expr
        self.param = param
        self.grouping = grouping
        self.without = without
        self.positionRange = positionRange
    }
}

/// `lhs op bool on (a) group_left (b) rhs`.
public struct BinaryExpr: Hashable, Sendable {
    public var op: BinaryOp
    public var lhs: Expr
    public var rhs: Expr
    /// `bool` modifier on a comparison.
    public var returnBool: Bool
    /// Set when both sides are vectors (Prometheus leaves it nil otherwise); set
    /// operators always get many-to-many.
    public var matching: VectorMatching?
    public var positionRange: PositionRange

    public init(
        op: BinaryOp, lhs: Expr, rhs: Expr, returnBool: Bool = false, matching: VectorMatching? = nil,
        positionRange: PositionRange = .zero
    ) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.returnBool = returnBool
        self.matching = matching
        self.positionRange = positionRange
    }
}

/// `-x` or `+x`.
public struct UnaryExpr: Hashable, Sendable {
    /// `.sub` or `.add`.
    public var op: BinaryOp
    public var expr: Expr
    public var positionRange: PositionRange

    public init(op: BinaryOp, expr: Expr, positionRange: PositionRange = .zero) {
        self.op = op
        self.expr = expr
        self.positionRange = positionRange
    }
}

/// `(expr)`.
public struct ParenExpr: Hashable, Sendable {
    public var expr: Expr
    public var positionRange: PositionRange

    public init(expr: Expr, positionRange: PositionRange = .zero) {
        self.expr = expr
        self.positionRange = positionRange
    }
}
