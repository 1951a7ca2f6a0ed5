import Foundation
import Testing
import TestSupport

/// A bad matcher regex in `query` and `lint`: Prometheus 3.x's text by default (its
/// NewFastRegexMatcher parses the bare pattern, model/labels/regexp.go at v3.14.0), 2.42's
/// under `--promql-version 2` (promtool 2.42 `check rules` gives `^(?:()$`).
@Suite struct RegexErrorTextTests {
    static let three = "error parsing regexp: missing closing ): `(`"
    static let two = "error parsing regexp: missing closing ): `^(?:()$`"

    @Test(arguments: [([String](), three), (["--promql-version", "2"], two)])
    func query(flags: [String], expected: String) async throws {
        let output = try await offCooperativePool {
            try runCommand(QueryCommandTests.executable, ["query", #"x{a=~"("}"#, "--demo"] + flags, timeout: .seconds(60))
        }
        #expect(output.status == 1)
        #expect(output.stderr.contains("1:3: parse error: " + expected), "\(output.stderr)")
    }

    @Test(arguments: [([String](), three), (["--promql-version", "2"], two)])
    func lint(flags: [String], expected: String) async throws {
        let directory = try TemporaryDirectory("regex-lint")
        defer { directory.remove() }
        let file = try directory.write("board.json", #"""
            {"title":"t","uid":"t","panels":[{"id":1,"type":"stat","title":"s","gridPos":{"x":0,"y":0,"w":6,"h":4},
             "targets":[{"refId":"A","expr":"x{a=~\"(\"}"}]}]}
            """#)
        let output = try await offCooperativePool {
            try runCommand(QueryCommandTests.executable, ["lint", file] + flags, timeout: .seconds(60))
        }
        #expect(output.status != 0)
        #expect((output.stdout + output.stderr).contains("invalid PromQL: " + expected), "\(output.stdout)\(output.stderr)")
    }
}
