/// A half-open range of byte offsets (UTF-8) into the query text, so errors and lint
/// findings can point at the exact part of the expression.
public struct PositionRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static let zero = PositionRange(start: 0, end: 0)

    public var description: String { "[\(start),\(end))" }

    /// The smallest range covering both.
    public func union(_ other: PositionRange) -> PositionRange {
        PositionRange(start: min(start, other.start), end: max(end, other.end))
    }
}

/// The type a PromQL expression evaluates to, as Prometheus's `parser.ValueType`.
public enum ValueType: String, Hashable, Sendable, CustomStringConvertible {
    case none
    case scalar
    case vector
    case matrix
    case string

    /// Prometheus's wording in type errors ("instant vector", "range vector", ...).
    public var documentedName: String {
        switch self {
        case .none: "none"
        case .scalar: "scalar"
        case .vector: "instant vector"
        case .matrix: "range vector"
        case .string: "string"
        }
    }

    public var description: String { documentedName }
}
