import PromModel
import PromQL
import Render

/// Plain-text rendering of query results and errors for `promdeck query`.
enum QueryTable {
    static func render(_ result: QueryResult) -> String {
        switch result {
        case .scalar(let sample):
            return "scalar  \(PrometheusJSON.formatValue(sample.value))  @ \(TimeArgument.format(sample.timestamp))\n"
        case .string(let value, _):
            return "string  \(Sanitizer.visible(PromQLString.quote(value)))\n"
        case .vector(let elements):
            if elements.isEmpty { return "(empty vector)\n" }
            return columns([["SERIES", "VALUE"]] + elements.map { element in
                [seriesName(element.labels), element.histogram.map(histogramText) ?? PrometheusJSON.formatValue(element.sample.value)]
            }, rightAligned: [1])
        case .matrix(let series):
            if series.isEmpty { return "(empty matrix)\n" }
            var out = ""
            for element in series {
                out += "\(seriesName(element.labels))  (\(element.samples.count + element.histograms.count) points)\n"
                // Floats and native histograms in time order (a series may hold both).
                let points = element.samples.map { ($0.timestamp, PrometheusJSON.formatValue($0.value)) }
                    + element.histograms.map { ($0.timestamp, histogramText($0.histogram)) }
                let rows = points.sorted { $0.0 < $1.0 }.map { ["  " + TimeArgument.format($0.0), $0.1] }
                out += columns(rows, rightAligned: [1])
            }
            return out
        }
    }

    /// A native histogram in one cell: its count, sum and how many buckets it has.
    static func histogramText(_ histogram: NativeHistogram) -> String {
        "histogram count=\(PrometheusJSON.formatValue(histogram.count)) sum=\(PrometheusJSON.formatValue(histogram.sum)) buckets=\(histogram.buckets.count)"
    }

    /// Label values come from the server: made inert (ESC → ␛) before they reach a terminal.
    static func seriesName(_ labels: Labels) -> String {
        Sanitizer.visible(labels.isEmpty ? "{}" : labels.description)
    }

    /// The widest a column gets: a 1M-character label is cut, not padded onto every row.
    static let maximumColumnWidth = 200

    /// Rows padded to aligned columns, two spaces apart; cells past `maximumColumnWidth`
    /// display columns end in "…".
    static func columns(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let count = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: count)
        let fitted = rows.map { row in row.map { TextFit.truncate($0, to: maximumColumnWidth) } }
        for row in fitted { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        return fitted.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                if rightAligned.contains(index) { return padding + cell }
                return index == row.count - 1 ? cell : cell + padding
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `error: message`, then the query with a caret under the position when known.
    static func describe(_ error: QueryError, query: String) -> String {
        // The message may quote the server's answer: inert on the terminal.
        var out = "error (\(error.kind)): \(Sanitizer.visible(error.message))\n"
        if let position = error.position {
            let (line, column) = ErrorCaret.locate(query, bytePosition: position)
            out += "  \(line)\n  \(String(repeating: " ", count: column))^\n"
        }
        return out
    }
}
