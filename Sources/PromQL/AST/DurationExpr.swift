import Foundation
import PromModel

/// A duration expression of Prometheus 3.x (`[5m + 1m]`, `[step() * 2]`, `offset (1h / 2)`,
/// `[max_of(step(), 1m)]`), kept as written and resolved at evaluation, when the query's
/// step and range are known (promql/durations.go). Values are in seconds.
public indirect enum DurationExpr: Hashable, Sendable {
    /// A number or duration literal, in seconds.
    case literal(Double, PositionRange)
    /// `step()` / `range()`.
    case step(PositionRange)
    case range(PositionRange)
    /// `min_of(a, b)` / `max_of(a, b)`.
    case minOf(DurationExpr, DurationExpr, PositionRange)
    case maxOf(DurationExpr, DurationExpr, PositionRange)
    /// Unary `-`/`+` applied to a non-literal.
    case unary(BinaryOp, DurationExpr, start: Int)
    /// `+ - * / % ^` between durations.
    case binary(BinaryOp, DurationExpr, DurationExpr)
    /// `( ... )`.
    case paren(DurationExpr, PositionRange)

    public var positionRange: PositionRange {
        switch self {
        case .literal(_, let r), .step(let r), .range(let r), .minOf(_, _, let r), .maxOf(_, _, let r), .paren(_, let r): r
        case .unary(_, let e, let start): PositionRange(start: start, end: e.positionRange.end)
        case .binary(_, let l, let r): l.positionRange.union(r.positionRange)
        }
    }

    /// Whether the value depends on the query (`step()`/`range()`), or is a plain number.
    public var literalValue: Double? {
        if case .literal(let v, _) = self { return v }
        return nil
    }

    /// The value in seconds, with `step()` and `range()` from the query (in seconds).
    /// Errors read like Prometheus's: `10:11: division by zero`.
    public func seconds(step: Double, range: Double) throws(QueryError) -> Double {
        switch self {
        case .literal(let v, _): return v
        case .step: return step
        case .range: return range
        case .paren(let e, _): return try e.seconds(step: step, range: range)
        case .minOf(let a, let b, _): return Swift.min(try a.seconds(step: step, range: range), try b.seconds(step: step, range: range))
        case .maxOf(let a, let b, _): return Swift.max(try a.seconds(step: step, range: range), try b.seconds(step: step, range: range))
        case .unary(let op, let e, _):
            let v = try e.seconds(step: step, range: range)
            return op == .sub ? -v : v
        case .binary(let op, let l, let r):
            let a = try l.seconds(step: step, range: range)
            let b = try r.seconds(step: step, range: range)
            switch op {
            case .add: return a + b
            case .sub: return a - b
            case .mul: return a * b
            case .div:
                if b == 0 { throw failure("division by zero") }
                return a / b
            case .mod:
                if b == 0 { throw failure("modulo by zero") }
                return a.truncatingRemainder(dividingBy: b)
            case .pow: return Foundation.pow(a, b)
            default: throw failure("unexpected duration expression operator \(GoQuote.string(op.rawValue))")
            }
        }
    }

    /// promql/durations.go `calculateDuration`: milliseconds, checked.
    public func milliseconds(step: Double, range: Double, allowNegative: Bool) throws(QueryError) -> Int64 {
        let v = try seconds(step: step, range: range)
        if v.isNaN || v.isInfinite { throw failure("duration is NaN or infinite") }
        if v <= 0 && !allowNegative { throw failure("duration must be greater than 0") }
        if v > 9_223_372_036.854775807 || v < -9_223_372_036.854775808 { throw failure("duration is out of range") }
        return Int64(v * 1000)
    }

    private func failure(_ message: String) -> QueryError {
        QueryError(.badData, "\(positionRange.start):\(positionRange.end): \(message)")
    }
}

extension DurationExpr: CustomStringConvertible {
    /// Prometheus's printer for duration expressions (printer.go `DurationExpr.String`).
    public var description: String {
        switch self {
        case .literal(let v, _):
            let ms = v * 1000
            if ms == ms.rounded(), ms.magnitude < 9.2e18, ms != 0 {
                return ms < 0 ? "-" + PromQLFormat.duration(Int64(-ms)) : PromQLFormat.duration(Int64(ms))
            }
            return PromQLFormat.number(v)
        case .step: return "step()"
        case .range: return "range()"
        case .minOf(let a, let b, _): return "min_of(\(a), \(b))"
        case .maxOf(let a, let b, _): return "max_of(\(a), \(b))"
        case .unary(let op, let e, _): return "\(op.rawValue)\(e)"
        case .binary(let op, let l, let r): return "\(l) \(op.rawValue) \(r)"
        case .paren(let e, _): return "(\(e))"
        }
    }
}
