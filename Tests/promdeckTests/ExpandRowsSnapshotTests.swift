import Foundation
import Testing
import TestSupport

/// `snapshot --expand-rows` draws every row open, its panels queried; without it rows stay
/// as saved (infrastructure-metrics keeps Operations collapsed).
@Suite struct ExpandRowsSnapshotTests {
    private func snapshot(_ extra: [String]) async throws -> String {
        let arguments = [
            "snapshot", "--dashboard", "infrastructure-metrics", "--dashboards", repositoryRoot() + "/dashboards", "--demo",
            "--time", "2026-01-01T14:00:00Z", "--width", "160", "--height", "60",
        ] + extra
        let output = try await offCooperativePool { try runCommand(QueryCommandTests.executable, arguments, timeout: .seconds(120)) }
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout
    }

    @Test func rowsStayAsSavedUnlessExpanded() async throws {
        let saved = try await snapshot([])
        #expect(saved.contains("▸ Operations (2 panels)"), "\(saved)")
        #expect(!saved.contains("Redis Operations"), "\(saved)")
        let expanded = try await snapshot(["--expand-rows"])
        #expect(expanded.contains("▾ Operations"), "\(expanded)")
        #expect(expanded.contains("Redis Operations") && expanded.contains("Database Operations"), "\(expanded)")
        #expect(!expanded.contains("Loading"), "an opened row's panels were not queried:\n\(expanded)")
    }
}
