import Foundation
import PromModel

/// Times and durations as the command line writes them.
public enum TimeSyntax {
    /// RFC 3339 (`2026-01-05T14:00:00Z`, fractional seconds and offsets allowed) or Unix
    /// seconds (`1767621600`, `1767621600.5`), as milliseconds.
    public static func parseTime(_ text: String) -> Timestamp? {
        if let seconds = Double(text), seconds.isFinite, !text.contains("e"), !text.contains("E") {
            return Timestamp((seconds * 1000).rounded())
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return Timestamp((date.timeIntervalSince1970 * 1000).rounded()) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return Timestamp((date.timeIntervalSince1970 * 1000).rounded()) }
        return nil
    }

    /// Prometheus durations (`15s`, `90m`, `1h30m`, `2d`, `500ms`, `1w`), as milliseconds.
    public static func parseDuration(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [
            ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000), ("y", 31_536_000_000),
        ]
        var rest = Substring(text)
        var total: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix { $0.isLetter }
            guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            let (product, overflow) = number.multipliedReportingOverflow(by: unit.1)
            guard !overflow else { return nil }
            total += product
        }
        return total
    }
}
