import PromModel
@testable import PromQL

/// Prometheus's promql/testdata format (test.go at v2.42): `load <step>` followed by series
/// in the compact `metric{l="v"} 0+10x10 _ stale` notation, `clear`, and
/// `eval[_fail|_ordered] instant at <duration> <expr>` followed by the expected elements.
struct FixtureScript {
    enum Command {
        case load(interval: Int64, series: [(Labels, [Sample])], line: Int)
        case clear
        case eval(Evaluation)
    }

    struct Evaluation {
        enum Mode { case unordered, ordered, fail }
        var mode: Mode
        var time: Timestamp
        var expr: String
        var line: Int
        /// nil labels means a scalar result.
        var expected: [(labels: Labels?, value: Double)] = []
    }

    var commands: [Command] = []

    struct FormatError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    init(_ text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == "clear" {
                commands.append(.clear)
            } else if line.hasPrefix("load ") {
                guard let interval = Self.duration(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)) else {
                    throw FormatError(line: i, message: "invalid load step")
                }
                var series: [(Labels, [Sample])] = []
                while i < lines.count, lines[i].hasPrefix(" ") || lines[i].hasPrefix("\t"), !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                    let (labels, rest) = try Self.seriesDescription(lines[i].trimmingCharacters(in: .whitespaces), line: i + 1)
                    let values = try Self.values(rest, line: i + 1)
                    var samples: [Sample] = []
                    for (index, value) in values.enumerated() {
                        if let value { samples.append(Sample(Int64(index) * interval, value)) }
                    }
                    series.append((labels, samples))
                    i += 1
                }
                commands.append(.load(interval: interval, series: series, line: i))
            } else if line.hasPrefix("eval") {
                var evaluation = try Self.evalHeader(line, line: i)
                while i < lines.count, lines[i].hasPrefix(" ") || lines[i].hasPrefix("\t"), !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                    let text = lines[i].trimmingCharacters(in: .whitespaces)
                    if let value = Self.number(text) {
                        evaluation.expected.append((nil, value))
                    } else {
                        let (labels, rest) = try Self.seriesDescription(text, line: i + 1)
                        let values = try Self.values(rest, line: i + 1)
                        guard values.count == 1, let value = values[0] else {
                            throw FormatError(line: i + 1, message: "expected one value")
                        }
                        evaluation.expected.append((labels, value))
                    }
                    i += 1
                }
                commands.append(.eval(evaluation))
            } else {
                throw FormatError(line: i, message: "unknown command \(line)")
            }
        }
    }

    static func evalHeader(_ line: String, line number: Int) throws -> Evaluation {
        var words = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true).map(String.init)
        guard words.count == 5, words[1] == "instant", words[2] == "at", let time = duration(words[3]) else {
            throw FormatError(line: number, message: "invalid eval command")
        }
        let mode: Evaluation.Mode = switch words[0] {
        case "eval_fail": .fail
        case "eval_ordered": .ordered
        default: .unordered
        }
        words[4] = words[4].trimmingCharacters(in: .whitespaces)
        return Evaluation(mode: mode, time: time, expr: words[4], line: number)
    }

    /// Prometheus's model.ParseDuration: `1h30m`, `90s`, `1d`, `100ms`, `0`.
    static func duration(_ text: String) -> Int64? {
        if text == "0" { return 0 }
        let units: [(String, Int64)] = [("ms", 1), ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000)]
        var rest = Substring(text)
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber }
            guard !digits.isEmpty, let n = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            total += n * unit.1
            rest = rest.dropFirst(unit.0.count)
        }
        return text.isEmpty ? nil : total
    }

    static func number(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "Inf", "+Inf": return .infinity
        case "-Inf": return -.infinity
        default:
            if text.hasPrefix("0x") || text.hasPrefix("-0x") { return Double(text) ?? Int64(text.replacingOccurrences(of: "0x", with: ""), radix: 16).map(Double.init) }
            guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
            return Double(text)
        }
    }

    /// `name{a="b",c="d"}` or `{__name__="x"}` → labels and the rest of the line.
    static func seriesDescription(_ text: String, line: Int) throws -> (Labels, String) {
        let chars = Array(text)
        var i = 0
        var pairs: [Label] = []
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == ":" { i += 1 }
        if i > 0 { pairs.append(Label(Labels.metricName, String(chars[0..<i]))) }
        if i < chars.count, chars[i] == "{" {
            i += 1
            while true {
                while i < chars.count, chars[i] == " " || chars[i] == "," { i += 1 }
                guard i < chars.count else { throw FormatError(line: line, message: "unterminated labels") }
                if chars[i] == "}" { i += 1; break }
                let start = i
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                let name = String(chars[start..<i])
                while i < chars.count, chars[i] == " " { i += 1 }
                guard i < chars.count, chars[i] == "=" else { throw FormatError(line: line, message: "expected =") }
                i += 1
                while i < chars.count, chars[i] == " " { i += 1 }
                guard i < chars.count, chars[i] == "\"" || chars[i] == "'" else { throw FormatError(line: line, message: "expected quote") }
                let quote = chars[i]
                i += 1
                var value = ""
                while i < chars.count, chars[i] != quote {
                    if chars[i] == "\\", i + 1 < chars.count {
                        i += 1
                        switch chars[i] {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        default: value.append(chars[i])
                        }
                    } else {
                        value.append(chars[i])
                    }
                    i += 1
                }
                i += 1
                pairs.append(Label(name, value))
            }
        }
        return (Labels(pairs), String(chars[i...]).trimmingCharacters(in: .whitespaces))
    }

    /// `0+10x3 _ 5 stale _x2 1x2 -2-1x2` → [0, 10, 20, 30, nil, 5, stale, nil, nil, 1, 1, 1, -2, -3, -4].
    static func values(_ text: String, line: Int) throws -> [Double?] {
        var out: [Double?] = []
        for token in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            if token == "_" { out.append(nil); continue }
            if token.hasPrefix("_x"), let n = Int(token.dropFirst(2)) {
                out.append(contentsOf: Array(repeating: nil, count: n))
                continue
            }
            if token == "stale" { out.append(StaleNaN.value); continue }
            let chars = Array(token)
            // The start value: an optional sign, then up to the next sign (not an exponent's) or 'x'.
            var i = 0
            if i < chars.count, chars[i] == "-" || chars[i] == "+" { i += 1 }
            while i < chars.count, chars[i] != "x", !((chars[i] == "+" || chars[i] == "-") && !(chars[i - 1] == "e" || chars[i - 1] == "E")) { i += 1 }
            guard let start = number(String(chars[0..<i])) else { throw FormatError(line: line, message: "invalid value \(token)") }
            if i == chars.count { out.append(start); continue }
            var increment = 0.0
            var hasIncrement = false
            if chars[i] == "+" || chars[i] == "-" {
                let begin = i
                i += 1
                while i < chars.count, chars[i] != "x" { i += 1 }
                guard let step = number(String(chars[begin..<i])) else { throw FormatError(line: line, message: "invalid increment \(token)") }
                increment = step
                hasIncrement = true
            }
            guard i < chars.count, chars[i] == "x", let count = Int(String(chars[(i + 1)...])) else {
                throw FormatError(line: line, message: "invalid value \(token)")
            }
            var value = start
            out.append(value)
            for _ in 0..<count {
                if hasIncrement { value += increment }
                out.append(value)
            }
        }
        return out
    }
}
