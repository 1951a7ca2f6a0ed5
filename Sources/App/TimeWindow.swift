import Dashboards
import Foundation
import PromModel

/// The viewed time range: relative to now (what dashboards use) or fixed.
public enum TimeWindow: Hashable, Sendable, CustomStringConvertible {
    /// From `now - offset - span` to `now - offset` (milliseconds).
    case relative(span: Int64, offset: Int64)
    case absolute(start: Timestamp, end: Timestamp)
    /// Date math that is not a plain offset from now (`now/d`, `now-1d/d`): resolved afresh
    /// at every refresh, as Grafana does.
    case expression(from: String, to: String)

    static let minimumSpan: Int64 = 60_000
    static let maximumSpan: Int64 = 5 * 365 * 86_400_000

    /// Grafana's `from`/`to` in the one grammar of user-typed times (`TimeExpression`):
    /// `now`, `now-6h`, `now/d`, Unix seconds or milliseconds, or RFC 3339.
    public init(from: String, to: String, now: Timestamp) throws(TimeWindowError) {
        let fromExpr = from.trimmingCharacters(in: .whitespaces), toExpr = to.trimmingCharacters(in: .whitespaces)
        if let fromOffset = TimeWindow.nowOffset(fromExpr), let toOffset = TimeWindow.nowOffset(toExpr) {
            guard fromOffset > toOffset else { throw TimeWindowError("'\(from)' must be before '\(to)'") }
            self = .relative(span: fromOffset - toOffset, offset: toOffset)
            return
        }
        let start: Timestamp, end: Timestamp
        do {
            start = try TimeExpression.resolve(fromExpr, now: now)
            end = try TimeExpression.resolve(toExpr, now: now, roundUp: true)
        } catch {
            throw TimeWindowError(error.description)
        }
        guard start < end else { throw TimeWindowError("'\(from)' must be before '\(to)'") }
        // Rounding (`now/d`) must be redone as time passes; anything else is fixed now.
        self = fromExpr.contains("/") || toExpr.contains("/") ? .expression(from: fromExpr, to: toExpr) : .absolute(start: start, end: end)
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
        case .expression(let from, let to):
            // Checked when the window was made; only an out-of-range calendar could fail.
            ((try? TimeExpression.resolve(from, now: now)) ?? now - 3_600_000, (try? TimeExpression.resolve(to, now: now, roundUp: true)) ?? now)
        }
    }

    /// The length at `now` (date math windows change length with the time of day).
    public func span(now: Timestamp) -> Int64 {
        let (start, end) = resolve(now: now)
        return end - start
    }

    /// Twice as long (zoom out) or half as long (zoom in), keeping the end where it is.
    public func zoomed(out: Bool, now: Timestamp) -> TimeWindow {
        let span = span(now: now)
        let newSpan = min(TimeWindow.maximumSpan, max(TimeWindow.minimumSpan, out ? span * 2 : span / 2))
        switch self {
        case .relative(_, let offset): return .relative(span: newSpan, offset: offset)
        case .absolute(_, let end): return .absolute(start: end - newSpan, end: end)
        case .expression:
            let end = resolve(now: now).end
            return .absolute(start: end - newSpan, end: end)
        }
    }

    /// Grafana's `t z`: twice as long around the same centre (getZoomedTimeRange in
    /// grafana/grafana public/app/core/utils/timePicker.ts). A relative window stays relative
    /// and never reaches past now, where there is no data yet.
    public func zoomedOutAroundCentre(now: Timestamp) -> TimeWindow {
        let span = span(now: now)
        let newSpan = min(TimeWindow.maximumSpan, max(TimeWindow.minimumSpan, span * 2))
        let grow = (newSpan - span) / 2
        switch self {
        case .relative(_, let offset): return .relative(span: newSpan, offset: max(0, offset - grow))
        case .absolute, .expression:
            let (start, end) = resolve(now: now)
            return .absolute(start: start - grow, end: end + grow)
        }
    }

    /// Half a window back or forward; a relative window never goes past now.
    public func panned(forward: Bool, now: Timestamp) -> TimeWindow {
        let shift = span(now: now) / 2
        switch self {
        case .expression:
            let (start, end) = resolve(now: now)
            return TimeWindow.absolute(start: start, end: end).panned(forward: forward, now: now)
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
        case .expression(let from, let to): "\(from) to \(to)"
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
}

public struct TimeWindowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
