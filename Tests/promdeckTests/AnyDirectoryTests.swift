import Foundation
import Testing
import TestSupport

/// The binary alone, copied into an empty directory, still has its dashboards and alert rules.
@Suite("promdeck from any directory")
struct AnyDirectoryTests {
    @Test func demoSourcesWorkFromACopiedBinaryInAnEmptyDirectory() throws {
        let directory = try TemporaryDirectory("any-directory")
        defer { directory.remove() }
        let copy = directory.file("promdeck")
        // cp in a child: a copy written by this process could still be open in a sibling test's
        // fork when executed (ETXTBSY).
        #expect(try runCommand("/bin/cp", [try promdeckExecutable(), copy]).status == 0)
        let work = directory.file("empty")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = work
        let snapshot = try runCommand(copy, [
            "snapshot", "--demo", "--dashboard", "Service Health Overview", "--time", "2026-01-01T14:00:00Z",
            "--width", "100", "--height", "30",
        ], environment: environment, directory: work, timeout: .seconds(120))
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        #expect(snapshot.stdout.contains("Service Health Overview") && snapshot.stdout.contains("UP"), "\(snapshot.stdout)")
        let query = try runCommand(copy, ["query", "--demo", "count(service_health_status)"],
                                   environment: environment, directory: work, timeout: .seconds(120))
        // Five services, each with its health series.
        let row = query.stdout.split(separator: "\n").first { $0.hasPrefix("{}") }
        #expect(query.status == 0 && row?.hasSuffix(" 5") == true, "\(query.stdout)\(query.stderr)")
    }

    /// Without --dashboards and with nothing in the search path, snapshot says where it looked.
    @Test func snapshotListsWhereItLooked() throws {
        let directory = try TemporaryDirectory("any-directory")
        defer { directory.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = directory.path
        let config = try directory.write("config.yaml", "dashboards: [boards, /nonexistent-promdeck-dir]\n")
        let output = try runCommand(try promdeckExecutable(), [
            "snapshot", "--dashboard", "x", "--url", "http://127.0.0.1:9", "--config", config,
        ], environment: environment, directory: directory.path, timeout: .seconds(60))
        #expect(output.status == 64)
        for place in ["\(directory.path)/promdeck/dashboards (no such directory)", "\(directory.path)/boards (no such directory)",
                      "/nonexistent-promdeck-dir (no such directory)", "\(directory.path)/dashboards (no such directory)"] {
            #expect(output.stderr.contains(place), "\(output.stderr)")
        }
    }

    @Test func theConfigsDashboardsAreFoundBeforeTheWorkingDirectorys() throws {
        let directory = try TemporaryDirectory("any-directory")
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.file("boards"), withIntermediateDirectories: true)
        _ = try directory.write("boards/mine.json", #"{"title": "Mine", "uid": "mine", "panels": []}"#)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = directory.path
        let config = try directory.write("config.yaml", "dashboards: [boards]\n")
        let output = try runCommand(try promdeckExecutable(), [
            "snapshot", "--dashboard", "Mine", "--url", "http://127.0.0.1:9", "--config", config, "--width", "60", "--height", "12",
        ], environment: environment, directory: directory.path, timeout: .seconds(60))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Mine"), "\(output.stdout)")
    }
}
