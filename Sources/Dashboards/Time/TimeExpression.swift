import Foundation
import PromModel

/// The one grammar of user-typed times (flags of every command, the time picker, saved
/// dashboard ranges): Grafana's date math — `now`, `now-1h`, `now-6h/d`, `now/w`,
/// `now-1d/d+8h` — with Prometheus durations after the sign too (`now-1h30m`, `now-500ms`),
/// an absolute RFC 3339 / ISO 8601 time, `2024-01-02 15:04:05`, or a Unix time: seconds
/// (`1700000000.5`, as Prometheus takes them) unless clearly milliseconds (above 10^11, as
/// Grafana's URLs write them). Units: y M w d h m s; `/unit` rounds to the start of the unit
/// for a range's start and to its end for a range's end (like Grafana's datemath with roundUp).
public struct TimeExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var expression: String
    public var message: String
    public var description: String { "invalid time \"\(expression)\": \(message)" }
}

public enum TimeExpression {
    /// Resolves `text` to epoch milliseconds.
    /// - Parameters:
    ///   - now: the current time in epoch milliseconds.
    ///   - roundUp: true for a range's end (`/d` goes to the last millisecond of the day).
    ///   - timeZone: the zone whose days, weeks and months `/unit` rounds to (UTC by default).
    public static func resolve(
        _ text: String, now: Int64, roundUp: Bool = false, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current
    ) throws(TimeExpressionError) -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let anchor: Int64
        var math: Substring
        if trimmed.hasPrefix("now") {
            anchor = now
            math = trimmed.dropFirst(3)
        } else if let bars = trimmed.range(of: "||") {
            anchor = try absolute(String(trimmed[..<bars.lowerBound]), original: text)
            math = trimmed[bars.upperBound...]
        } else {
            return try absolute(trimmed, original: text)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var date = Date(timeIntervalSince1970: Double(anchor) / 1000)
        while let op = math.first {
            math = math.dropFirst()
            switch op {
            case "/":
                guard let unitChar = math.first, let unit = unit(unitChar) else {
                    throw TimeExpressionError(expression: text, message: "expected a unit after '/'")
                }
                math = math.dropFirst()
                date = try round(date, to: unit, up: roundUp, calendar: calendar, text: text)
            case "+", "-":
                // A compound Prometheus duration (1h30m, 500ms) moves by its fixed length;
                // a single count and unit (6h, 1M) by the calendar, as Grafana does.
                let token = math.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
                if !token.contains("M"), Self.isCompound(token), let milliseconds = PrometheusDuration.milliseconds(String(token)) {
                    math = math.dropFirst(token.count)
                    date = date.addingTimeInterval(Double(op == "-" ? -milliseconds : milliseconds) / 1000)
                    continue
                }
                var digits = ""
                while let c = math.first, c.isASCII, c.isNumber {
                    digits.append(c)
                    math = math.dropFirst()
                }
                let count = digits.isEmpty ? 1 : (Int(digits) ?? 0)
                guard let unitChar = math.first, let unit = unit(unitChar) else {
                    throw TimeExpressionError(expression: text, message: "expected a unit (y M w d h m s) after '\(op)\(digits)'")
                }
                math = math.dropFirst()
                let (signed, overflow) = (op == "-" ? -count : count).multipliedReportingOverflow(by: unit.multiplier)
                guard !overflow, let moved = calendar.date(byAdding: unit.component, value: signed, to: date) else {
                    throw TimeExpressionError(expression: text, message: "out of range")
                }
                date = moved
            default:
                throw TimeExpressionError(expression: text, message: "unexpected '\(op)'")
            }
        }
        return try milliseconds(date.timeIntervalSince1970 * 1000, text: text)
    }

    /// Milliseconds as Int64, refusing what does not fit (`1e300`, `now+999999999y` would trap).
    private static func milliseconds(_ value: Double, text: String) throws(TimeExpressionError) -> Int64 {
        guard value.isFinite, abs(value) < 9.2e18 else { throw TimeExpressionError(expression: text, message: "out of range") }
        return Int64(value.rounded())
    }

    /// More than one count-and-unit pair, or a unit Grafana lacks (ms).
    private static func isCompound(_ token: Substring) -> Bool {
        var units = 0, inUnit = false
        for c in token {
            if c.isLetter { if !inUnit { units += 1 }; inUnit = true } else { inUnit = false }
        }
        return units > 1 || token.hasSuffix("ms")
    }

    private struct Unit {
        var component: Calendar.Component
        var multiplier: Int
        var roundComponent: Calendar.Component
    }

    private static func unit(_ c: Character) -> Unit? {
        switch c {
        case "y": Unit(component: .year, multiplier: 1, roundComponent: .year)
        case "M": Unit(component: .month, multiplier: 1, roundComponent: .month)
        case "w": Unit(component: .day, multiplier: 7, roundComponent: .weekOfYear)
        case "d": Unit(component: .day, multiplier: 1, roundComponent: .day)
        case "h": Unit(component: .hour, multiplier: 1, roundComponent: .hour)
        case "m": Unit(component: .minute, multiplier: 1, roundComponent: .minute)
        case "s": Unit(component: .second, multiplier: 1, roundComponent: .second)
        default: nil
        }
    }

    private static func round(_ date: Date, to unit: Unit, up: Bool, calendar: Calendar, text: String) throws(TimeExpressionError) -> Date {
        guard let interval = calendar.dateInterval(of: unit.roundComponent, for: date) else {
            throw TimeExpressionError(expression: text, message: "cannot round")
        }
        // Rounding up lands on the unit's last millisecond, as moment's endOf does.
        return up ? interval.end.addingTimeInterval(-0.001) : interval.start
    }

    private static func absolute(_ text: String, original: String) throws(TimeExpressionError) -> Int64 {
        if let number = Double(text), number.isFinite, text.first.map({ $0.isNumber || $0 == "-" }) ?? false {
            // Seconds unless it is clearly milliseconds.
            return try milliseconds(abs(number) > 1e11 ? number : number * 1000, text: original)
        }
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime],
        ] {
            iso.formatOptions = options
            if let date = iso.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        }
        throw TimeExpressionError(expression: original, message: "expected now[±N unit][/unit], RFC 3339 or Unix seconds")
    }
}

extension TimeRange {
    /// The range in epoch milliseconds; the end rounds up (`now/d` to the end of today).
    public func resolve(now: Int64, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) throws(TimeExpressionError) -> (from: Int64, to: Int64) {
        (try TimeExpression.resolve(from, now: now, roundUp: false, timeZone: timeZone),
         try TimeExpression.resolve(to, now: now, roundUp: true, timeZone: timeZone))
    }
}
