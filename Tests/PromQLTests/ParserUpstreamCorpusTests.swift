import Testing

@testable import PromQL

/// Prometheus 3.14's own parser table, as data: every input accepted or rejected as there,
/// and when rejected, the same first error (message, start and end byte). Prometheus
/// reports all errors it collects but prints only the first; ours stops at the first.
@Suite("Parser vs Prometheus 3.14 parse_test.go")
struct ParserUpstreamCorpusTests {
    /// Inputs where we differ on purpose (matched by prefix), with the reason.
    static let deliberateDifferences: [(prefix: String, reason: String)] = [
        (
            "(-{}-1-{}-1-{}-1",
            "20,000 operators deep: our parser stops at \(Parser.maxNesting) levels (issue 15), where Go's growable stack lets Prometheus go on"
        )
    ]

    static func isDeliberate(_ input: String) -> Bool {
        deliberateDifferences.contains { input.hasPrefix($0.prefix) }
    }

    @Test("every 3.14 parse_test.go input gives Prometheus's outcome and first error")
    func upstreamTable() throws {
        let cases = try UpstreamParseCorpus.load()
        #expect(cases.count >= 340)
        var mismatches: [String] = []
        for c in cases where !Self.isDeliberate(c.input) {
            let ours = UpstreamParseCorpus.firstError(c.input)
            if ours != c.errors.first {
                let want = c.errors.first.map { "\($0.start)-\($0.end) \($0.message)" } ?? "ok"
                let got = ours.map { "\($0.start)-\($0.end) \($0.message)" } ?? "ok"
                mismatches.append("\(c): expected \(want), got \(got)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
        // The deliberate differences still fail, with the guard's error, not a crash.
        for c in cases where Self.isDeliberate(c.input) {
            #expect(UpstreamParseCorpus.firstError(c.input)?.message.hasPrefix("expression nests too deeply") == true)
        }
    }
}
