import PromModel

/// Which exposition dialect a text is in; they differ in timestamp units and `# EOF`.
public enum ExpositionFormat: Sendable {
    /// Prometheus text format 0.0.4: timestamps in integer milliseconds.
    case prometheusText
    /// OpenMetrics 1.0: timestamps in seconds (with fraction), ends with `# EOF`.
    case openMetrics

    /// OpenMetrics when the text has a `# EOF` line, else the Prometheus text format.
    public static func detect(_ text: String) -> ExpositionFormat {
        text.hasSuffix("# EOF\n") || text.hasSuffix("# EOF") || text.contains("\n# EOF\n") ? .openMetrics : .prometheusText
    }
}

/// A syntax error in an exposition text, with 1-based line and column.
public struct ExpositionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Parses the Prometheus text and OpenMetrics exposition formats into samples. Histogram and
/// summary series (`_bucket`, `_sum`, `_count`, quantiles) are plain samples, as Prometheus
/// stores them; OpenMetrics `_created` series and exemplars are skipped.
public struct ExpositionParser {
    public let format: ExpositionFormat
    /// The timestamp of samples that carry none (the scrape time).
    public let defaultTimestamp: Timestamp
    /// Store histogram `le` and summary `quantile` values as 3.x does (`1` → `1.0`).
    public let normalizesFloatLabels: Bool

    public init(format: ExpositionFormat, defaultTimestamp: Timestamp, normalizesFloatLabels: Bool = true) {
        self.format = format
        self.defaultTimestamp = defaultTimestamp
        self.normalizesFloatLabels = normalizesFloatLabels
    }

    public func parse(_ text: String) throws(ExpositionError) -> [(Labels, Sample)] {
        var out: [(Labels, Sample)] = []
        var types: [String: String] = [:]
        var sawEOF = false
        // Prometheus's parsers normalise by the type of the last `# TYPE` line.
        var lastType: String?
        var floatLabels = FloatLabelValues()
        var lineNumber = 0
        var lastContentLine = 1
        // Label sets by their exact text: a backfill repeats each series thousands of times.
        var seriesCache: [[UInt8]: Labels] = [:]
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            let line = Array(bytes[lineStart..<lineEnd])
            lineStart = lineEnd + 1
            lineNumber += 1
            if sawEOF {
                if line.isEmpty { continue }
                throw ExpositionError(line: lineNumber, column: 1, message: "unexpected data after # EOF")
            }
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            lastContentLine = lineNumber
            var cursor = LineCursor(bytes: line, line: lineNumber)
            if line[0] == UInt8(ascii: "#") {
                if let (name, type) = try cursor.typeDirective() {
                    types[name] = type
                    lastType = type
                }
                if String(decoding: line, as: UTF8.self).trimmingTrailingSpace == "# EOF" { sawEOF = true }
                continue
            }
            var (labels, value, timestamp) = try cursor.sample(format: format, cache: &seriesCache)
            if format == .openMetrics, let name = labels.name, name.hasSuffix("_created") {
                let family = String(name.dropLast("_created".count))
                if let type = types[family], ["counter", "histogram", "summary", "gaugehistogram"].contains(type) { continue }
            }
            if labels.isEmpty { labels = Labels() }
            if normalizesFloatLabels, lastType == "histogram" || lastType == "summary" {
                labels = floatLabels.normalizing(labels, type: lastType)
            }
            out.append((labels, Sample(timestamp ?? defaultTimestamp, value)))
        }
        if format == .openMetrics && !sawEOF {
            throw ExpositionError(line: lastContentLine, column: 1, message: "data does not end with # EOF")
        }
        return out
    }
}

private extension String {
    var trimmingTrailingSpace: String {
        var copy = self
        while let last = copy.last, last == " " || last == "\r" || last == "\t" { copy.removeLast() }
        return copy
    }
}

/// Reads one line byte by byte, reporting errors at the current column.
private struct LineCursor {
    let bytes: [UInt8]
    let line: Int
    var index = 0

    func error(_ message: String) -> ExpositionError {
        ExpositionError(line: line, column: index + 1, message: message)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpaces() {
        while let c = current, c == 32 || c == 9 || c == 13 { index += 1 }
    }

    /// `# TYPE name type` → (name, type); other comments → nil.
    mutating func typeDirective() throws(ExpositionError) -> (String, String)? {
        let words = String(decoding: bytes, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, words[1] == "TYPE" else { return nil }
        guard words.count == 4 else {
            index = bytes.count
            throw error("expected metric name and type after # TYPE")
        }
        return (String(words[2]), String(words[3]))
    }

    static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c == 58
    }

    static func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 48 && c <= 57) }

    mutating func name(allowColon: Bool, what: String) throws(ExpositionError) -> String {
        guard let first = current, Self.isNameStart(first), allowColon || first != 58 else {
            throw error("expected \(what)")
        }
        let start = index
        while let c = current, Self.isNameChar(c), allowColon || c != 58 { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func quotedValue() throws(ExpositionError) -> String {
        guard current == UInt8(ascii: "\"") else { throw error("expected '\"' to start a label value") }
        index += 1
        var value: [UInt8] = []
        while true {
            guard let c = current else { throw error("unterminated label value") }
            index += 1
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                guard let escaped = current else { throw error("unterminated escape in label value") }
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): value.append(10)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): value.append(escaped)
                default:
                    // Prometheus keeps unknown escapes verbatim.
                    value.append(c)
                    value.append(escaped)
                }
            } else {
                value.append(c)
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Where the series part (`name{labels}`) of the line ends, found without parsing it.
    func seriesEnd() -> Int {
        var i = 0
        while i < bytes.count, bytes[i] != 32, bytes[i] != 9, bytes[i] != UInt8(ascii: "{") { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return i }
        var quoted = false
        while i < bytes.count {
            let c = bytes[i]
            if quoted && c == UInt8(ascii: "\\") { i += 2; continue }
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            i += 1
            if !quoted && c == UInt8(ascii: "}") { return i }
        }
        // A line ending in a backslash inside quotes stepped past the end (found by fuzzing).
        return min(i, bytes.count)
    }

    mutating func sample(format: ExpositionFormat, cache: inout [[UInt8]: Labels]) throws(ExpositionError) -> (Labels, Double, Timestamp?) {
        let key = Array(bytes[0..<seriesEnd()])
        let labels: Labels
        if let cached = cache[key] {
            labels = cached
            index = key.count
        } else {
            labels = try seriesLabels()
            cache[key] = labels
        }
        return try valueAndTimestamp(labels, format: format)
    }

    mutating func seriesLabels() throws(ExpositionError) -> Labels {
        let metric = try name(allowColon: true, what: "metric name")
        var pairs = [Label(Labels.metricName, metric)]
        var seen = Set<String>()
        if current == UInt8(ascii: "{") {
            index += 1
            while true {
                skipSpaces()
                if current == UInt8(ascii: "}") { index += 1; break }
                let labelStart = index
                let labelName = try name(allowColon: false, what: "label name or '}'")
                if !seen.insert(labelName).inserted {
                    index = labelStart
                    throw error("duplicate label name \(labelName)")
                }
                skipSpaces()
                guard current == UInt8(ascii: "=") else { throw error("expected '=' after label name") }
                index += 1
                skipSpaces()
                pairs.append(Label(labelName, try quotedValue()))
                skipSpaces()
                if current == UInt8(ascii: ",") { index += 1; continue }
                guard current == UInt8(ascii: "}") else { throw error("expected ',' or '}' after label value") }
                index += 1
                break
            }
        }
        return Labels(pairs)
    }

    mutating func valueAndTimestamp(_ labels: Labels, format: ExpositionFormat) throws(ExpositionError) -> (Labels, Double, Timestamp?) {
        guard current == 32 || current == 9 else { throw error("expected a space before the value") }
        skipSpaces()
        let value = try number(what: "value")
        skipSpaces()
        var timestamp: Timestamp?
        if let c = current, c != UInt8(ascii: "#") {
            let column = index
            let raw = try number(what: "timestamp")
            // Milliseconds must fit an Int64 (Prometheus's ParseInt refuses the text format's
            // too); converting a larger Double would trap.
            let milliseconds = format == .openMetrics ? raw * 1000 : raw
            guard raw.isFinite, abs(milliseconds) < 9.2e18 else {
                index = column
                throw error("invalid timestamp")
            }
            switch format {
            case .openMetrics:
                // Same truncation as Prometheus's parser, so both stores agree on every sample.
                timestamp = Timestamp(milliseconds)
            case .prometheusText:
                guard raw == raw.rounded() else {
                    index = column
                    throw error("timestamp must be an integer number of milliseconds")
                }
                timestamp = Timestamp(raw)
            }
            skipSpaces()
        }
        if let c = current, c != UInt8(ascii: "#") || format != .openMetrics {
            throw error("unexpected \(Character(Unicode.Scalar(c))) after the sample")
        }
        return (labels, value, timestamp)
    }

    mutating func number(what: String) throws(ExpositionError) -> Double {
        let start = index
        while let c = current, c != 32, c != 9, c != 13 { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Self.parseFloat(text) else {
            index = start
            throw error(text.isEmpty ? "expected \(what)" : "invalid \(what) \"\(text)\"")
        }
        return value
    }

    /// Go's ParseFloat spellings that matter here: decimals, exponents, NaN and ±Inf.
    static func parseFloat(_ text: String) -> Double? {
        switch text.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default:
            guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
            return Double(text)
        }
    }
}

extension SeriesStore {
    /// Parses an exposition text and appends its samples; returns how many were stored.
    /// Samples not newer than their series' last one are skipped, as a TSDB would reject them.
    @discardableResult
    public func ingest(
        _ text: String, format: ExpositionFormat? = nil, defaultTimestamp: Timestamp, normalizesFloatLabels: Bool = true
    ) throws(ExpositionError) -> Int {
        let parser = ExpositionParser(
            format: format ?? .detect(text), defaultTimestamp: defaultTimestamp, normalizesFloatLabels: normalizesFloatLabels)
        let samples = try parser.parse(text)
        return append(contentsOf: samples)
    }
}
