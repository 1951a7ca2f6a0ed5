import Foundation
import PromModel

/// Steps and durations as the CLI accepts them, and times as its tables print them (the
/// times users type are read by Dashboards' `TimeExpression`, the one grammar for them).
public enum TimeArgument {
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// A step: a duration (`60s`, `1m`, `1h30m`, `500ms`) or a number of seconds (`15`, `0.5`).
    public static func step(_ text: String) throws(ParseError) -> Int64 {
        if let seconds = Double(text), seconds.isFinite {
            guard seconds > 0 else { throw ParseError(description: "step must be positive: \(text)") }
            guard seconds * 1000 < maximumMilliseconds else { throw outOfRange(text) }
            return Int64((seconds * 1000).rounded())
        }
        return try duration(text)
    }

    /// Past this a count of milliseconds does not fit an Int64.
    static let maximumMilliseconds = 9.2e18

    static func outOfRange(_ text: String) -> ParseError {
        ParseError(description: "\"\(text.prefix(60))\" is out of range: times and steps must fit 64-bit milliseconds")
    }

    /// Prometheus durations (`1h30m`, `500ms`), as milliseconds.
    public static func duration(_ text: String) throws(ParseError) -> Int64 {
        guard !text.isEmpty else { throw ParseError(description: "empty duration") }
        guard let milliseconds = PrometheusDuration.milliseconds(text) else {
            throw ParseError(description: "not a valid duration: \"\(text)\"")
        }
        return milliseconds
    }

    /// RFC 3339 in UTC with milliseconds when non-zero, for table output.
    public static func format(_ timestamp: Timestamp) -> String {
        let civil = CivilTime(unixSeconds: timestamp >= 0 ? timestamp / 1000 : (timestamp - 999) / 1000)
        let seconds = ((timestamp % 60_000) + 60_000) % 60_000
        func pad(_ v: Int64, _ width: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var out = "\(pad(civil.year, 4))-\(pad(civil.month))-\(pad(civil.day))T\(pad(civil.hour)):\(pad(civil.minute)):\(pad(seconds / 1000))"
        if seconds % 1000 != 0 { out += "." + pad(seconds % 1000, 3) }
        return out + "Z"
    }
}
