import Foundation
import Testing
import TestSupport

/// The four seed dashboards as `promdeck snapshot --demo` draws them at a fixed time, at the
/// sizes people use: 80x24 (stacked), 160x45 and 240x70. Re-recorded only with
/// RECORD_SNAPSHOTS=1.
@Suite("dashboard golden screens")
struct DashboardSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let dashboards = ["service-health-overview", "trading-performance", "eventbus-monitoring", "infrastructure-metrics"]
    static let sizes = [(80, 24), (160, 45), (240, 70)]

    @Test(arguments: dashboards)
    func demoAtAFixedTime(dashboard: String) async throws {
        for (width, height) in Self.sizes {
            let arguments = [
                "snapshot", "--dashboard", dashboard, "--dashboards", repositoryRoot() + "/dashboards", "--demo",
                "--time", "2026-01-01T14:00:00Z", "--width", String(width), "--height", String(height),
            ]
            let output = try await offCooperativePool { try runCommand(QueryCommandTests.executable, arguments, timeout: .seconds(120)) }
            #expect(output.status == 0, "\(output.stderr)")
            var lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            #expect(lines.count == height, "\(dashboard) \(width)x\(height): \(lines.count) lines")
            // Every line ends with `|` in the file so trailing blanks survive editors.
            let text = lines.map { $0 + "|" }.joined(separator: "\n") + "\n"
            if let problem = GoldenText.problem(text, named: "\(dashboard)-\(width)x\(height)", in: Self.directory) {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }
}
