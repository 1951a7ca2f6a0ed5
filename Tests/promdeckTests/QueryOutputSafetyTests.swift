import Foundation
import Testing
import TestSupport

/// `promdeck query`'s text output and errors are inert on a terminal, whatever the data holds:
/// escape bytes print as their Control Pictures (as the viewer draws them), huge labels are cut.
@Suite struct QueryOutputSafetyTests {
    func run(_ arguments: [String], data: String) throws -> CommandOutput {
        let directory = try TemporaryDirectory("query-safety")
        defer { directory.remove() }
        let file = try directory.write("data.om", data)
        return try runCommand(QueryCommandTests.executable, ["query"] + arguments + ["--data", file], timeout: .seconds(60))
    }

    static let controls: [Character] = ["\u{1B}", "\u{07}", "\u{9B}", "\u{08}"]

    /// A label could retitle (OSC 0) or clear (CSI 2J, C1 CSI) the user's terminal before.
    @Test func escapeBytesInLabelsPrintInert() throws {
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{08}"
        let output = try run(["up"], data: "# TYPE up gauge\nup{job=\"\(hostile)\"} 1 1700000000\n# EOF\n")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("␛]0;pwned␇␛[2J<U+009B>31m␈"), "\(output.stdout)")
        #expect(!output.stdout.contains { Self.controls.contains($0) })
    }

    @Test func errorsPrintInert() throws {
        let output = try run(["up{job=\"\u{1B}[2J\"", "--format", "table"], data: "# TYPE up gauge\nup 1 1700000000\n# EOF\n")
        #expect(output.status != 0)
        #expect(output.stderr.contains("␛[2J"), "\(output.stderr)")
        #expect(!output.stderr.contains { Self.controls.contains($0) })
    }

    /// Ten series beside a 1M-character label were each padded to its width (12.9 MB a row).
    @Test func aHugeLabelIsCutNotPaddedOntoEveryRow() throws {
        var data = "# TYPE m gauge\nm{big=\"\(String(repeating: "x", count: 1_000_000))\"} 1 1700000000\n"
        for index in 0..<10 { data += "m{small=\"\(index)\"} \(index) 1700000000\n" }
        let output = try run(["m"], data: data + "# EOF\n")
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { $0.count <= 220 }, "widest line: \(lines.map(\.count).max() ?? 0)")
        #expect(lines.contains { $0.contains("xxx…") })
    }
}
