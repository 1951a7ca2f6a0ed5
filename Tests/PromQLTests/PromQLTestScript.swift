import PromModel
@testable import PromQL

/// Prometheus 3.14's promqltest script language (promql/promqltest/test.go and README.md at
/// v3.14.0): `load[_with_nhcb] <step>` with series in the `metric{l="v"} 0+10x10 _ stale`
/// notation, `clear`, `eval[_fail|_warn|_info|_ordered] instant at <t> <expr>` and
/// `eval range from <t> to <t> step <d> <expr>`, then `expect …` lines and the expected
/// elements. Native-histogram samples (`{{…}}`) and start timestamps (`metric@st …`) are
/// recognised so the runner can name the cases the embedded store cannot hold.
struct PromQLTestScript {
    enum Command {
        case load(Load)
        case clear
        case eval(Evaluation)
    }

    struct Load {
        var line: Int
        var series: [LoadedSeries] = []
    }

    struct LoadedSeries {
        var labels: Labels
        var samples: [Sample]
        /// Why the embedded store cannot hold this series as written, if it cannot.
        var unsupported: String?
    }

    struct Evaluation {
        var line: Int
        var expr: String
        var isRange: Bool
        var start: Timestamp
        var end: Timestamp
        var step: Int64
        var fail = false
        var failMessage: String?
        var failRegex: String?
        var ordered = false
        /// `eval_warn` / `eval_info`: at least one warning / info.
        var evalWarn = false
        var evalInfo = false
        /// `expect warn|info [msg|regex: …]` (a bare one matches any), and `expect no_warn|no_info`.
        var expectedWarnings: [AnnotationMatch] = []
        var expectedInfos: [AnnotationMatch] = []
        var noWarn = false
        var noInfo = false
        /// `expect range vector from … to … step …`: an instant query returning a matrix.
        var rangeVector = false
        var expectedString: String?
        var expectedScalar: Double?
        /// nil values are `_` (no point at that step).
        var expected: [(labels: Labels, values: [Double?])] = []
        /// An expected value is a native histogram.
        var expectsHistogram = false
        var excludeFromRangeQuery = false
    }

    /// test.go's expectCmd for annotations: `msg:` is compared exactly, `regex:` matched,
    /// nothing matches any annotation of the kind.
    enum AnnotationMatch {
        case any
        case message(String)
        case regex(String)

        func matches(_ text: String) -> Bool {
            switch self {
            case .any: return true
            case .message(let message): return message == text
            case .regex(let pattern):
                guard let regex = try? Regex(pattern) else { return false }
                return text.firstMatch(of: regex) != nil
            }
        }
    }

    struct FormatError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    var commands: [Command] = []

    init(_ text: String) throws {
        // test.go's getLines: trimmed, comments blanked, a blank line ends a command.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = raw.trimmingCharacters(in: .whitespaces)
            return line.hasPrefix("#") ? "" : line
        }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let number = i + 1
            i += 1
            if line.isEmpty { continue }
            let word = line.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            if word == "clear" {
                commands.append(.clear)
            } else if word.hasPrefix("load") {
                var load = Load(line: number)
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2, let step = FixtureScript.duration(String(parts[1])) else {
                    throw FormatError(line: number, message: "invalid load command")
                }
                let nhcb = parts[0] == "load_with_nhcb"
                var pendingStartTimestamps: Labels?
                while i < lines.count, !lines[i].isEmpty {
                    let (labels, rest, startTimestamps) = try Self.seriesDescription(lines[i], line: i + 1)
                    i += 1
                    if startTimestamps {
                        pendingStartTimestamps = labels
                        continue
                    }
                    let (values, histogram) = try Self.values(rest, line: i)
                    var samples: [Sample] = []
                    for (index, value) in values.enumerated() {
                        if let value { samples.append(Sample(Int64(index) * step, value)) }
                    }
                    var unsupported: String?
                    if histogram { unsupported = "native histogram samples" }
                    else if pendingStartTimestamps == labels { unsupported = "start timestamps (@st)" }
                    pendingStartTimestamps = nil
                    // A series defined twice in one load keeps its last definition (test.go's cmd.defs).
                    load.series.removeAll { $0.labels == labels }
                    load.series.append(LoadedSeries(labels: labels, samples: samples, unsupported: unsupported))
                    // load_with_nhcb also stores each classic histogram as a native histogram
                    // with custom buckets, named without the suffix and without `le`.
                    if nhcb, let name = labels.name, let suffix = ["_bucket", "_count", "_sum"].first(where: name.hasSuffix) {
                        let nhcbLabels = labels.removing(["le"]).setting(Labels.metricName, String(name.dropLast(suffix.count)))
                        if !load.series.contains(where: { $0.labels == nhcbLabels }) {
                            load.series.append(LoadedSeries(labels: nhcbLabels, samples: [], unsupported: "native histograms with custom buckets (load_with_nhcb)"))
                        }
                    }
                }
                commands.append(.load(load))
            } else if word.hasPrefix("eval") {
                var evaluation = try Self.evalHeader(line, line: number)
                while i < lines.count, !lines[i].isEmpty {
                    let text = lines[i]
                    i += 1
                    if try Self.expectLine(text, into: &evaluation, line: i) { continue }
                    if let value = Self.number(text) {
                        evaluation.expectedScalar = value
                        break
                    }
                    let (labels, rest, _) = try Self.seriesDescription(text, line: i)
                    let (values, histogram) = try Self.values(rest, line: i)
                    if histogram { evaluation.expectsHistogram = true }
                    evaluation.expected.append((labels, values))
                }
                commands.append(.eval(evaluation))
            } else {
                throw FormatError(line: number, message: "invalid command \(line)")
            }
        }
    }

    /// The header: test.go's patEvalInstant and patEvalRange.
    static func evalHeader(_ line: String, line number: Int) throws -> Evaluation {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 3 else { throw FormatError(line: number, message: "invalid eval command") }
        var evaluation: Evaluation
        func time(_ text: String) throws -> Int64 {
            guard let t = FixtureScript.duration(text) else { throw FormatError(line: number, message: "invalid time \(text)") }
            return t
        }
        // The expression is the rest of the line after the header's words (spacing kept).
        func rest(after count: Int) -> String {
            var remainder = Substring(line)
            for _ in 0..<count {
                remainder = remainder.drop { $0 == " " || $0 == "\t" }
                remainder = remainder.drop { $0 != " " && $0 != "\t" }
            }
            return remainder.trimmingCharacters(in: .whitespaces)
        }
        if words[1] == "instant", words.count >= 5, words[2] == "at" {
            let t = try time(words[3])
            evaluation = Evaluation(line: number, expr: rest(after: 4), isRange: false, start: t, end: t, step: 0)
        } else if words[1] == "range", words.count >= 9, words[2] == "from", words[4] == "to", words[6] == "step" {
            evaluation = Evaluation(
                line: number, expr: rest(after: 8), isRange: true,
                start: try time(words[3]), end: try time(words[5]), step: try time(words[7]))
        } else {
            throw FormatError(line: number, message: "invalid eval command")
        }
        switch words[0] {
        case "eval": break
        case "eval_fail": evaluation.fail = true
        case "eval_ordered": evaluation.ordered = true
        case "eval_warn": evaluation.evalWarn = true
        case "eval_info": evaluation.evalInfo = true
        default: throw FormatError(line: number, message: "invalid eval command \(words[0])")
        }
        return evaluation
    }

    /// `expect ordered|fail|warn|no_warn|info|no_info [msg|regex: …]`, `expect range vector
    /// from … to … step …`, `expect string "…"`, and the deprecated `expected_fail_*`.
    static func expectLine(_ text: String, into evaluation: inout Evaluation, line: Int) throws -> Bool {
        if evaluation.fail, text.hasPrefix("expected_fail_message") {
            evaluation.failMessage = text.dropFirst("expected_fail_message".count).trimmingCharacters(in: .whitespaces)
            return true
        }
        if evaluation.fail, text.hasPrefix("expected_fail_regexp") {
            evaluation.failRegex = text.dropFirst("expected_fail_regexp".count).trimmingCharacters(in: .whitespaces)
            return true
        }
        if text.hasPrefix("expect range vector") {
            let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count == 9, words[3] == "from", words[5] == "to", words[7] == "step",
                  let start = FixtureScript.duration(words[4]), let end = FixtureScript.duration(words[6]),
                  let step = FixtureScript.duration(words[8]) else {
                throw FormatError(line: line, message: "invalid expect range vector")
            }
            evaluation.rangeVector = true
            evaluation.start = start
            evaluation.end = end
            evaluation.step = step
            evaluation.excludeFromRangeQuery = true
            return true
        }
        if text.hasPrefix("expect string") {
            let literal = text.dropFirst("expect string".count).trimmingCharacters(in: .whitespaces)
            guard let value = Literals.unquote(literal).successValue else {
                throw FormatError(line: line, message: "invalid expect string")
            }
            evaluation.expectedString = value
            evaluation.excludeFromRangeQuery = true
            return true
        }
        guard text.split(separator: " ").first == "expect" else { return false }
        let body = text.dropFirst("expect".count).trimmingCharacters(in: .whitespaces)
        let kind = String(body.prefix { $0 != " " })
        let detail = body.dropFirst(kind.count).trimmingCharacters(in: .whitespaces)
        switch kind {
        case "ordered": evaluation.ordered = true
        case "no_warn": evaluation.noWarn = true
        case "no_info": evaluation.noInfo = true
        case "warn", "info":
            let match: AnnotationMatch = if detail.hasPrefix("msg:") {
                .message(detail.dropFirst(4).trimmingCharacters(in: .whitespaces))
            } else if detail.hasPrefix("regex:") {
                .regex(detail.dropFirst(6).trimmingCharacters(in: .whitespaces))
            } else {
                .any
            }
            if kind == "warn" { evaluation.expectedWarnings.append(match) } else { evaluation.expectedInfos.append(match) }
        case "fail":
            evaluation.fail = true
            if detail.hasPrefix("msg:") {
                evaluation.failMessage = detail.dropFirst(4).trimmingCharacters(in: .whitespaces)
            } else if detail.hasPrefix("regex:") {
                evaluation.failRegex = detail.dropFirst(6).trimmingCharacters(in: .whitespaces)
            }
        default:
            throw FormatError(line: line, message: "invalid expect \(kind)")
        }
        return true
    }

    /// `name{a="b"}`, `{"utf8.name", a="b"}`, `name@st` → labels, the rest of the line, and
    /// whether it is a start-timestamp line.
    static func seriesDescription(_ text: String, line: Int) throws -> (Labels, String, Bool) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var inQuote: Unicode.Scalar?
        var depth = 0
        while i < scalars.count {
            let c = scalars[i]
            if let q = inQuote {
                if c == "\\" { i += 1 } else if c == q { inQuote = nil }
            } else if c == "\"" || c == "'" || c == "`" {
                inQuote = c
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 { i += 1; break }
            } else if depth == 0, c == " " || c == "\t" {
                break
            }
            i += 1
        }
        var selector = String(String.UnicodeScalarView(scalars[0..<i]))
        var rest = String(String.UnicodeScalarView(scalars[i...]))
        var startTimestamps = false
        if selector.hasSuffix("@st") {
            selector.removeLast(3)
            startTimestamps = true
        } else if rest.hasPrefix("@st") {
            rest.removeFirst(3)
            startTimestamps = true
        }
        rest = rest.trimmingCharacters(in: .whitespaces)
        if selector == "{}" { return (Labels(), rest, startTimestamps) }
        let matchers: [LabelMatcher]
        do {
            matchers = try PromQLParser.parseMetricSelector(selector, version: .v3)
        } catch {
            throw FormatError(line: line, message: "invalid series \(selector): \(error)")
        }
        return (Labels(matchers.map { Label($0.name, $0.value) }), rest, startTimestamps)
    }

    /// The values after a series (the sequence notation of `parser.ParseSeriesDesc`): `_`,
    /// `_xN`, `stale`, `v`, `vxN` (N+1 copies), `a+bxN` / `a-bxN`; numbers as PromQL spells
    /// them (`Inf`, `nan`, `1e3`, `0x1f`). `{{…}}` native histograms (which may hold spaces)
    /// are only reported.
    static func values(_ text: String, line: Int) throws -> ([Double?], histogram: Bool) {
        if text.contains("{{") { return ([], true) }
        var out: [Double?] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
            if token == "_" { out.append(nil); continue }
            if token.hasPrefix("_x"), let n = Int(token.dropFirst(2)) {
                out.append(contentsOf: Array(repeating: nil, count: n))
                continue
            }
            if token == "stale" { out.append(StaleNaN.value); continue }
            var body = Substring(token)
            var repeats: Int?
            // The series lexer reads `x` as "times", so `0x59` is 0 repeated, never hex.
            if let x = token.lastIndex(of: "x"), let n = Int(token[token.index(after: x)...]) {
                repeats = n
                body = token[..<x]
            }
            let chars = Array(body)
            var split: Int?
            for index in chars.indices.dropFirst() where (chars[index] == "+" || chars[index] == "-") && chars[index - 1] != "e" && chars[index - 1] != "E" {
                split = index
                break
            }
            func number(_ text: String) throws -> Double {
                guard let value = Self.number(text) else { throw FormatError(line: line, message: "invalid value \(token)") }
                return value
            }
            let start = try number(split.map { String(chars[0..<$0]) } ?? String(body))
            let increment = try split.map { try number(String(chars[$0...])) } ?? 0
            guard let repeats else {
                if split != nil { throw FormatError(line: line, message: "invalid value \(token)") }
                out.append(start)
                continue
            }
            var value = start
            out.append(value)
            for _ in 0..<repeats {
                value += increment
                out.append(value)
            }
        }
        return (out, false)
    }

    static func number(_ text: String) -> Double? {
        var rest = Substring(text)
        var sign = 1.0
        if rest.hasPrefix("-") { sign = -1; rest = rest.dropFirst() } else if rest.hasPrefix("+") { rest = rest.dropFirst() }
        switch rest.lowercased() {
        case "inf": return sign * .infinity
        case "nan": return .nan
        default: return Literals.number(String(rest)).successValue.map { sign * $0 }
        }
    }
}

extension Result {
    var successValue: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
