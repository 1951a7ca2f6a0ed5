import Foundation
import PromModel

/// The viewed time range: relative to now (what dashboards use) or fixed.
public enum TimeWindow: Hashable, Sendable, CustomStringConvertible {
    /// From `now - offset - span` to `now - offset` (milliseconds).
    case relative(span: Int64, offset: Int64)
    case absolute(start: Timestamp, end: Timestamp)

    static let minimumSpan: Int64 = 60_000
    static let maximumSpan: Int64 = 5 * 365 * 86_400_000

    /// Grafana's `from`/`to`: `now`, `now-6h`, epoch seconds or milliseconds, or RFC 3339.
    public init(from: String, to: String, now: Timestamp) throws(TimeWindowError) {
        let fromExpr = from.trimmingCharacters(in: .whitespaces), toExpr = to.trimmingCharacters(in: .whitespaces)
        if let fromOffset = TimeWindow.nowOffset(fromExpr), let toOffset = TimeWindow.nowOffset(toExpr) {
            guard fromOffset > toOffset else { throw TimeWindowError("'\(from)' must be before '\(to)'") }
            self = .relative(span: fromOffset - toOffset, offset: toOffset)
            return
        }
        let start = try TimeWindow.timestamp(fromExpr, now: now), end = try TimeWindow.timestamp(toExpr, now: now)
        guard start < end else { throw TimeWindowError("'\(from)' must be before '\(to)'") }
        self = .absolute(start: start, end: end)
    }

    /// A picker entry or typed text: `6h`, `now-6h`, or `now-2h to now-1h`.
    public init(typed text: String, now: Timestamp) throws(TimeWindowError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.components(separatedBy: " to ")
        if parts.count == 2 {
            try self.init(from: parts[0], to: parts[1], now: now)
        } else if let span = PrometheusDuration.milliseconds(trimmed), span > 0 {
            self = .relative(span: span, offset: 0)
        } else {
            try self.init(from: trimmed, to: "now", now: now)
        }
    }

    /// Start and end in milliseconds at `now`.
    public func resolve(now: Timestamp) -> (start: Timestamp, end: Timestamp) {
        switch self {
        case .relative(let span, let offset): (now - offset - span, now - offset)
        case .absolute(let start, let end): (start, end)
        }
    }

    public var span: Int64 {
        switch self {
        case .relative(let span, _): span
        case .absolute(let start, let end): end - start
        }
    }

    /// Twice as long (zoom out) or half as long (zoom in), keeping the end where it is.
    public func zoomed(out: Bool) -> TimeWindow {
        let newSpan = min(TimeWindow.maximumSpan, max(TimeWindow.minimumSpan, out ? span * 2 : span / 2))
        switch self {
        case .relative(_, let offset): return .relative(span: newSpan, offset: offset)
        case .absolute(_, let end): return .absolute(start: end - newSpan, end: end)
        }
    }

    /// Half a window back or forward; a relative window never goes past now.
    public func panned(forward: Bool) -> TimeWindow {
        let shift = span / 2
        switch self {
        case .relative(let span, let offset):
            return .relative(span: span, offset: max(0, forward ? offset - shift : offset + shift))
        case .absolute(let start, let end):
            let delta = forward ? shift : -shift
            return .absolute(start: start + delta, end: end + delta)
        }
    }

    public var description: String {
        switch self {
        case .relative(let span, 0): "Last \(PrometheusDuration.format(span))"
        case .relative(let span, let offset):
            "now-\(PrometheusDuration.format(span + offset)) to now-\(PrometheusDuration.format(offset))"
        case .absolute(let start, let end): "\(TimeWindow.format(start)) to \(TimeWindow.format(end))"
        }
    }

    static func format(_ timestamp: Timestamp) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: Double(timestamp) / 1000))
    }

    /// `now` → 0, `now-6h` → 6h in ms; nil if not relative to now.
    static func nowOffset(_ expr: String) -> Int64? {
        guard expr.hasPrefix("now") else { return nil }
        let rest = expr.dropFirst(3)
        if rest.isEmpty { return 0 }
        guard let sign = rest.first, sign == "-" || sign == "+",
              let amount = PrometheusDuration.milliseconds(String(rest.dropFirst())) else { return nil }
        return sign == "-" ? amount : -amount
    }

    static func timestamp(_ expr: String, now: Timestamp) throws(TimeWindowError) -> Timestamp {
        if let offset = nowOffset(expr) { return now - offset }
        // Epoch milliseconds must fit an Int64: 1e300 would trap the conversion.
        if let number = Double(expr), number.isFinite, abs(number) < 9.2e15 {
            // Seconds unless it is clearly milliseconds.
            return number > 1e11 ? Timestamp(number) : Timestamp(number * 1000)
        }
        if let date = ISO8601DateFormatter().date(from: expr) {
            return Timestamp(date.timeIntervalSince1970 * 1000)
        }
        throw TimeWindowError("cannot read time '\(expr)': use now, now-6h, epoch seconds or RFC 3339")
    }
}

public struct TimeWindowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
