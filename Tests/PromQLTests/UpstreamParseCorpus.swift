import Foundation
import TestSupport

@testable import PromQL

/// One case of Prometheus 3.14's own parser test table (promql/parser/parse_test.go
/// `testExpr`): the input and either acceptance or the errors, each with its byte range.
struct UpstreamParseCase: Sendable, CustomStringConvertible {
    struct Failure: Sendable, Equatable {
        var start: Int
        var end: Int
        var message: String
    }

    var input: String
    var errors: [Failure]
    var description: String { PromtoolRules.yamlQuote(input.count > 120 ? String(input.prefix(120)) + "…" : input) }
}

/// Fixtures/upstream/parse_test_3.14.txt, extracted from the Go table by
/// Fixtures/upstream/extract_parse_test.py (see the manifest there).
enum UpstreamParseCorpus {
    static var path: String { repositoryRoot() + "/Tests/PromQLTests/Fixtures/upstream/parse_test_3.14.txt" }

    static func load() throws -> [UpstreamParseCase] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var cases: [UpstreamParseCase] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("##") || line.isEmpty { continue }
            if line == "=> ok" { continue }
            if line.hasPrefix("=> ") {
                let parts = line.dropFirst(3).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count == 3, let start = Int(parts[0]), let end = Int(parts[1]), !cases.isEmpty else {
                    throw TestSupportError("bad outcome line: \(line)")
                }
                cases[cases.count - 1].errors.append(.init(start: start, end: end, message: String(parts[2])))
                continue
            }
            cases.append(UpstreamParseCase(input: try ParseCorpus.decode(String(line)), errors: []))
        }
        return cases
    }

    /// Our first error in the table's terms (Prometheus's error text is its first error).
    static func firstError(_ input: String) -> UpstreamParseCase.Failure? {
        do {
            _ = try parsePromQL(input)
            return nil
        } catch {
            return .init(start: error.positionRange.start, end: error.positionRange.end, message: error.message)
        }
    }
}
