import Foundation
import PromModel

/// A panel's data as CSV: one row per timestamp, one column per series (wide, as Grafana's
/// "series joined by time" export), times in RFC 3339 UTC.
enum CSVExport {
    static func csv(results: [String: QueryResult]) -> String {
        var columns: [(name: String, values: [Timestamp: Double])] = []
        for refID in results.keys.sorted() {
            for series in results[refID]?.series ?? [] {
                let name = series.labels.isEmpty ? refID : series.labels.description
                columns.append((name, Dictionary(series.samples.map { ($0.timestamp, $0.value) }, uniquingKeysWith: { $1 })))
            }
        }
        let times = Set(columns.flatMap { $0.values.keys }).sorted()
        var lines = [(["time"] + columns.map { field($0.name) }).joined(separator: ",")]
        for time in times {
            let cells = columns.map { column in column.values[time].map(GoFloatFormat.short) ?? "" }
            lines.append(([timestamp(time)] + cells).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fileName(dashboardUID: String, panelID: Int, now: Timestamp) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: Date(timeIntervalSince1970: Double(now) / 1000))
        let safeUID = String(dashboardUID.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        return "promdeck-\(safeUID)-panel\(panelID)-\(stamp).csv"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func timestamp(_ time: Timestamp) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(time) / 1000))
    }
}
