import Foundation
import Testing
import TestSupport

@testable import PromQL

/// The heart of the parser's correctness: every corpus input goes through the real
/// Prometheus 2.42 parser (`promtool check rules`, one rule per input, one run), and the
/// recorded expectations, and our parser, must agree with it exactly (same acceptance,
/// same error text and position).
@Suite("Parser vs promtool", .tags(.promtool))
struct ParserPromtoolDifferentialTests {
    @Test("promtool agrees with the recorded corpus, and so do we")
    func corpusMatchesPromtool() throws {
        var cases = try ParseCorpus.load()
        let promtool = try PromtoolRules.check(cases.map(\.input))
        // Rule-level errors that are not parse errors (e.g. an empty expr) say nothing about the parser.
        let comparable = cases.indices.filter { !(promtool[$0]?.hasPrefix("promtool: ") ?? false) }
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            for i in cases.indices { cases[i].expected = promtool[i] }
            try ParseCorpus.write(cases.filter { !($0.expected?.hasPrefix("promtool: ") ?? false) })
            return
        }
        #expect(comparable.count == cases.count, "corpus has inputs promtool cannot judge")
        var recordedMismatches: [String] = []
        var ourMismatches: [String] = []
        for i in comparable {
            if cases[i].expected != promtool[i] {
                recordedMismatches.append("\(cases[i]): recorded \(cases[i].expected ?? "ok"), promtool \(promtool[i] ?? "ok")")
            }
            let ours = ParseCorpus.outcome(cases[i].input, version: .v2)
            if ours != promtool[i] {
                ourMismatches.append("\(cases[i]): ours \(ours ?? "ok"), promtool \(promtool[i] ?? "ok")")
            }
        }
        #expect(recordedMismatches.isEmpty, "\(recordedMismatches.count) stale expectations:\n\(recordedMismatches.joined(separator: "\n"))")
        #expect(ourMismatches.isEmpty, "\(ourMismatches.count) disagreements:\n\(ourMismatches.joined(separator: "\n"))")
    }
}
