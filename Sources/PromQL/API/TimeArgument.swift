import Foundation
import PromModel

/// Times and durations as the CLI and the HTTP API accept them.
public enum TimeArgument {
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `now`, `now-1h`, `now+5m`, Unix seconds with an optional fraction (`1700000000.5`),
    /// or RFC 3339 (`2024-01-02T03:04:05Z`, `2024-01-02T03:04:05.123+01:00`). Milliseconds.
    public static func time(_ text: String, now: Timestamp) throws(ParseError) -> Timestamp {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "now" { return now }
        if trimmed.hasPrefix("now-") || trimmed.hasPrefix("now+") {
            let sign: Int64 = trimmed.dropFirst(3).first == "-" ? -1 : 1
            let (time, overflow) = now.addingReportingOverflow(sign * (try duration(String(trimmed.dropFirst(4)))))
            guard !overflow else { throw outOfRange(text) }
            return time
        }
        if let seconds = Double(trimmed), seconds.isFinite, trimmed.first?.isNumber == true || trimmed.first == "-" {
            // Milliseconds must fit an Int64: 1e300 would trap the conversion.
            guard abs(seconds * 1000) < maximumMilliseconds else { throw outOfRange(text) }
            return Timestamp((seconds * 1000).rounded())
        }
        if let date = rfc3339(trimmed) {
            return Timestamp((date.timeIntervalSince1970 * 1000).rounded())
        }
        throw ParseError(description: "cannot parse \"\(text)\" as a time: use RFC 3339, Unix seconds, now or now-1h")
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

    private static func rfc3339(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
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
