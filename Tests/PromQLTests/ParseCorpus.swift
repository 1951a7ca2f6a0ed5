import Foundation
import TestSupport

@testable import PromQL

/// One input of the parser corpus and what Prometheus 2.42 says about it: nil when it
/// parses, otherwise the exact error text (`1:5: parse error: ...`); and, where 3.14
/// (with its feature flags, as its parse_test.go) says otherwise, that.
struct ParseCase: Sendable, CustomStringConvertible {
    var input: String
    var expected: String?
    /// Set only where 3.14's outcome differs from 2.42's (`.some(nil)`: 3.14 accepts it).
    var expected3: String??
    var description: String { PromtoolRules.yamlQuote(input) }

    /// What Prometheus 3.14 says.
    var expectedV3: String? { expected3 ?? expected }
}

/// Fixtures/parse_cases.txt: pairs of lines, the input (raw, or `json:"..."` when it has
/// newlines, tabs or edge whitespace) then `=> ok` or `=> <error>`. Lines starting with
/// `##` are comments. Expectations are recorded from promtool with RECORD_SNAPSHOTS=1.
enum ParseCorpus {
    static var path: String { repositoryRoot() + "/Tests/PromQLTests/Fixtures/parse_cases.txt" }

    static let header = """
        ## PromQL parser corpus. Inputs come from Prometheus v2.42.0 promql/parser/parse_test.go,
        ## printer_test.go, promql/testdata/*.test and our own edge cases. After each input, the
        ## outcome recorded from promtool 2.42 (`check rules`): `=> ok` or `=> <parse error>`.
        ## Re-record with RECORD_SNAPSHOTS=1 swift test --filter ParserPromtoolDifferential.
        ## Where Prometheus 3.14 (feature flags on) differs, a `=3.14> ` line follows with its
        ## outcome, read off 3.14's lex.go/generated_parser.y/functions.go (no 3.14 promtool here).

        """

    static func load() throws -> [ParseCase] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var cases: [ParseCase] = []
        var pendingInput: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("##") || (pendingInput == nil && line.isEmpty) { continue }
            if line.hasPrefix("=3.14> "), pendingInput == nil, !cases.isEmpty {
                let outcome = String(line.dropFirst(7))
                cases[cases.count - 1].expected3 = .some(outcome == "ok" ? nil : outcome)
                continue
            }
            if let input = pendingInput {
                guard line.hasPrefix("=> ") else { throw TestSupportError("expected '=> ' after \(input)") }
                let outcome = String(line.dropFirst(3))
                cases.append(ParseCase(input: input, expected: outcome == "ok" ? nil : outcome))
                pendingInput = nil
            } else {
                pendingInput = try decode(String(line))
            }
        }
        return cases
    }

    static func write(_ cases: [ParseCase]) throws {
        var text = header
        for c in cases {
            text += encode(c.input) + "\n=> " + (c.expected ?? "ok") + "\n"
            if let v3 = c.expected3 { text += "=3.14> " + (v3 ?? "ok") + "\n" }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func decode(_ line: String) throws -> String {
        guard line.hasPrefix("json:") else { return line }
        return try JSONDecoder().decode(String.self, from: Data(line.dropFirst(5).utf8))
    }

    static func encode(_ input: String) -> String {
        let needsJSON = input.isEmpty || input.hasPrefix("json:") || input.hasPrefix("##") || input.hasPrefix("=> ")
            || input != input.trimmingCharacters(in: .whitespaces)
            || input.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        guard needsJSON else { return input }
        return "json:" + PromtoolRules.yamlQuote(input)
    }

    /// Our parser's outcome in the corpus's terms.
    static func outcome(_ input: String, version: PromQLVersion = .v3) -> String? {
        do {
            _ = try parsePromQL(input, version: version)
            return nil
        } catch {
            return error.description
        }
    }
}
