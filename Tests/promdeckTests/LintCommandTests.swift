import Foundation
import Testing
import TestSupport

/// `promdeck lint` end to end: the built executable, its output and exit status.
@Suite struct LintCommandTests {
    static let root = repositoryRoot()

    static func promdeck() throws -> String { try promdeckExecutable() }

    @Test func seedDashboardsAreClean() throws {
        let output = try runCommand(try Self.promdeck(), ["lint"], directory: Self.root)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout == "")
        #expect(output.stderr == "4 files checked, 0 errors, 0 warnings\n")
    }

    @Test func errorsPrintFileLineColumnAndFail() throws {
        let fixture = "Tests/DashboardsTests/Fixtures/undefined-variable.json"
        let output = try runCommand(try Self.promdeck(), ["lint", fixture, "dashboards"], directory: Self.root)
        #expect(output.status == 1)
        #expect(output.stdout == "\(fixture):20:94: error: undefined variable \"$env\" in expr\n")
        #expect(output.stderr == "5 files checked, 1 error, 0 warnings\n")
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let fixture = "Tests/DashboardsTests/Fixtures/unsupported-panel-type.json"
        let relaxed = try runCommand(try Self.promdeck(), ["lint", fixture], directory: Self.root)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.hasPrefix("\(fixture):26:15: warning: unsupported panel type \"grafana-worldmap-panel\""))
        let strict = try runCommand(try Self.promdeck(), ["lint", "--strict", fixture], directory: Self.root)
        #expect(strict.status == 1)
    }

    @Test func missingPathIsAnError() throws {
        let output = try runCommand(try Self.promdeck(), ["lint", "no/such/dir"], directory: Self.root)
        #expect(output.status == 1)
        #expect(output.stdout == "no/such/dir: error: no such file or directory\n")
    }
}
