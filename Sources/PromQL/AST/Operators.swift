/// Binary (and unary) operators, with Prometheus's token spelling.
public enum BinaryOp: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case add = "+"
    case sub = "-"
    case mul = "*"
    case div = "/"
    case mod = "%"
    case pow = "^"
    case atan2 = "atan2"
    case eql = "=="
    case neq = "!="
    case gtr = ">"
    case lss = "<"
    case gte = ">="
    case lte = "<="
    case land = "and"
    case lor = "or"
    case lunless = "unless"
    /// Native-histogram trim operators of 3.x; over floats they give no result.
    case trimUpper = "</"
    case trimLower = ">/"

    public var description: String { rawValue }

    public var isComparison: Bool {
        switch self {
        case .eql, .neq, .gtr, .lss, .gte, .lte: true
        default: false
        }
    }

    /// and/or/unless: only between instant vectors, always many-to-many.
    public var isSetOperator: Bool {
        self == .land || self == .lor || self == .lunless
    }

    /// Binding strength, higher binds tighter (Prometheus's `ItemType.Precedence`).
    public var precedence: Int {
        switch self {
        case .lor: 1
        case .land, .lunless: 2
        case .eql, .neq, .gtr, .lss, .gte, .lte, .trimUpper, .trimLower: 3
        case .add, .sub: 4
        case .mul, .div, .mod, .atan2: 5
        case .pow: 6
        }
    }

    public var isRightAssociative: Bool { self == .pow }
}

/// Aggregation operators.
public enum AggregationOp: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case sum, avg, count, min, max, group, stddev, stdvar, topk, bottomk, quantile
    case countValues = "count_values"
    /// Experimental in 3.x (promql-experimental-functions).
    case limitk
    case limitRatio = "limit_ratio"

    public var description: String { rawValue }

    /// topk, bottomk, quantile and count_values take a parameter before the vector.
    public var takesParameter: Bool {
        switch self {
        case .topk, .bottomk, .quantile, .countValues, .limitk, .limitRatio: true
        default: false
        }
    }

    /// limitk and limit_ratio are 3.x's experimental aggregators.
    var isV3: Bool { self == .limitk || self == .limitRatio }

    /// The parameter's type: a string for count_values, a scalar for the others.
    public var parameterType: ValueType? {
        switch self {
        case .countValues: .string
        case .topk, .bottomk, .quantile, .limitk, .limitRatio: .scalar
        default: nil
        }
    }
}

/// How series are matched across the two sides of a vector/vector binary operation.
public enum VectorMatchCardinality: String, Hashable, Sendable, CustomStringConvertible {
    case oneToOne = "one-to-one"
    case manyToOne = "many-to-one"
    case oneToMany = "one-to-many"
    case manyToMany = "many-to-many"

    public var description: String { rawValue }
}

/// `on (a, b) group_left (c)` and friends.
public struct VectorMatching: Hashable, Sendable {
    public var card: VectorMatchCardinality
    /// Labels of `on (...)` or `ignoring (...)`.
    public var matchingLabels: [String]
    /// True for `on`, false for `ignoring` (or no clause).
    public var on: Bool
    /// Extra labels from the "one" side in group_left/group_right.
    public var include: [String]

    /// `fill(v)` / `fill_left(v)` / `fill_right(v)` (promql-binop-fill-modifiers): the value
    /// a missing match on that side takes.
    public var fillLeft: Double?
    public var fillRight: Double?

    public init(card: VectorMatchCardinality, matchingLabels: [String] = [], on: Bool = false, include: [String] = []) {
        self.card = card
        self.matchingLabels = matchingLabels
        self.on = on
        self.include = include
    }
}
