import Foundation
import Testing
import TestSupport

/// `promdeck query` end to end: the built executable over a small OpenMetrics file.
@Suite("promdeck query")
struct QueryCommandTests {
    /// TestSupport's one locator (a missing build fails the run with its message).
    static var executable: String { (try? promdeckExecutable()) ?? repositoryRoot() + "/.build/debug/promdeck" }

    static let data = """
        # TYPE http_requests counter
        http_requests_total{job="api",code="200"} 10 1700000000
        http_requests_total{job="api",code="200"} 40 1700000060
        http_requests_total{job="api",code="500"} 1 1700000000
        http_requests_total{job="api",code="500"} 3 1700000060
        # EOF

        """

    func run(_ arguments: [String]) throws -> CommandOutput {
        let directory = try TemporaryDirectory("query-command")
        defer { directory.remove() }
        let file = try directory.write("data.om", Self.data)
        return try runCommand(Self.executable, ["query"] + arguments + ["--data", file], timeout: .seconds(60))
    }

    @Test("an instant query prints an aligned table at the newest sample's time")
    func table() throws {
        let output = try run(["http_requests_total"])
        #expect(output.status == 0)
        #expect(output.stdout == """
            SERIES                                      VALUE
            http_requests_total{code="200", job="api"}     40
            http_requests_total{code="500", job="api"}      3

            """)
    }

    @Test("--format json prints the Prometheus API's data object")
    func json() throws {
        let output = try run(["sum by (job) (http_requests_total)", "--time", "2023-11-14T22:14:20Z", "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stdout == #"{"resultType":"vector","result":[{"metric":{"job":"api"},"value":[1700000060,"43"]}]}"# + "\n")
    }

    @Test("range queries list each series' points")
    func range() throws {
        let output = try run(["http_requests_total{code=\"500\"}", "--start", "1700000000", "--end", "1700000060", "--step", "1m", "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stdout.contains(#""values":[[1700000000,"1"],[1700000060,"3"]]"#))
    }

    @Test("an expression may start with -, and 3.x syntax runs (issue 13)")
    func leadingMinus() throws {
        let output = try run(["-sum(http_requests_total) ^ 2", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains(#""value":[1700000060,"-1849"]"#), "\(output.stdout)")
        // A duration expression, a number as seconds, a quoted label name and an underscore
        // give what the 2.x spelling does.
        let durations = try run(["sum(rate(http_requests_total{\"code\"=\"500\"}[30 + 30s + 1m])) * 1_000", "--format", "json"])
        let plain = try run(["sum(rate(http_requests_total{code=\"500\"}[2m])) * 1000", "--format", "json"])
        #expect(durations.status == 0, "\(durations.stderr)")
        #expect(plain.status == 0 && durations.stdout == plain.stdout, "\(durations.stdout) vs \(plain.stdout)")
    }

    @Test("a mistyped option or a second expression is a usage error, not PromQL")
    func strayArguments() throws {
        let typo = try run(["up", "--tim", "5"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("Unknown option '--tim'"))
        let two = try run(["up", "down"])
        #expect(two.status == 64)
        #expect(two.stderr.contains("expected one expression, got 2"))
    }

    @Test("errors exit non-zero with a caret under the position")
    func errors() throws {
        let output = try run(["sum(rate(x[5m]) "])
        #expect(output.status != 0)
        #expect(output.stderr == """
            error (bad_data): 1:17: parse error: unclosed left parenthesis
              sum(rate(x[5m]) 
                              ^

            """)
    }
}
