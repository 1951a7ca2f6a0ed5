import Foundation
import Testing
import TestSupport

/// `promdeck snapshot` of a small dashboard with a panel repeated by `job` over the embedded
/// demo data: one copy per job, each queried with its own job, and the copies add up to the
/// unrepeated total. Re-recorded only with RECORD_SNAPSHOTS=1.
@Suite("repeated panel snapshot")
struct RepeatSnapshotTests {
    static let jobs = ["ai-engine", "execution", "risk-safety", "portfolio-intelligence", "monitoring-health"]

    static let dashboard = """
        {
          "uid": "repeat-by-job",
          "title": "Requests by Job (repeat)",
          "time": {"from": "now-1h", "to": "now"},
          "schemaVersion": 39,
          "templating": {"list": [
            {"name": "job", "type": "custom", "query": "\(jobs.joined(separator: ","))",
             "multi": true, "includeAll": true, "current": {"text": "All", "value": ["$__all"]}}
          ]},
          "panels": [
            {"id": 1, "type": "stat", "title": "Requests $job", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 5},
             "repeat": "job", "repeatDirection": "h", "maxPerRow": 5,
             "fieldConfig": {"defaults": {"unit": "reqps", "decimals": 1}},
             "targets": [{"refId": "A", "expr": "sum(rate(http_requests_total{job=\\"$job\\"}[5m]))"}]},
            {"id": 2, "type": "stat", "title": "All jobs", "gridPos": {"x": 0, "y": 5, "w": 24, "h": 5},
             "fieldConfig": {"defaults": {"unit": "reqps", "decimals": 1}},
             "targets": [{"refId": "A", "expr": "sum(rate(http_requests_total[5m]))"}]}
          ]
        }
        """

    static func snapshot(in directory: TemporaryDirectory, _ extra: [String]) async throws -> CommandOutput {
        let arguments = [
            "snapshot", "--dashboard", "repeat-by-job", "--dashboards", directory.path, "--demo",
            "--time", "2026-01-01T14:00:00Z",
        ] + extra
        return try await offCooperativePool { try runCommand(QueryCommandTests.executable, arguments, timeout: .seconds(120)) }
    }

    @Test func textMatchesTheGoldenScreen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("repeat-by-job.json", Self.dashboard)
        let output = try await Self.snapshot(in: directory, ["--width", "120", "--height", "30"])
        #expect(output.status == 0, "\(output.stderr)")
        for job in Self.jobs { #expect(output.stdout.contains("Requests \(job.prefix(5))"), "\(job)") }
        let text = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 + "|" }.joined(separator: "\n") + "\n"
        if let problem = GoldenText.problem(text, named: "repeat-by-job-120x30", in: DashboardSnapshotTests.directory) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func eachCopyQueriesItsOwnJobAndTheyAddUpToTheTotal() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("repeat-by-job.json", Self.dashboard)
        let output = try await Self.snapshot(in: directory, ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let panels = try #require(root["panels"] as? [[String: Any]])
        func value(_ panel: [String: Any]) -> Double? {
            ((panel["values"] as? [[String: Any]])?.first?["value"] as? NSNumber)?.doubleValue
        }
        let copies = panels.filter { ($0["title"] as? String)?.hasPrefix("Requests ") == true }
        #expect(copies.compactMap { $0["title"] as? String } == Self.jobs.map { "Requests \($0)" })
        #expect(copies.compactMap { $0["id"] as? Int } == [1, 3, 4, 5, 6])
        let perJob = copies.compactMap(value)
        #expect(perJob.count == Self.jobs.count)
        #expect(perJob.allSatisfy { $0 > 0 })
        #expect(Set(perJob).count == perJob.count, "copies must not all show one value: \(perJob)")
        let total = try #require(panels.first { $0["title"] as? String == "All jobs" }.flatMap(value))
        #expect(abs(perJob.reduce(0, +) - total) < 1e-6 * max(1, total), "\(perJob) vs \(total)")
    }

    @Test func queryVariableOptionsAreLoadedForTheRepeat() async throws {
        // Grafana saves no options for a query variable: snapshot asks the datasource.
        let custom = "{\"name\": \"job\", \"type\": \"custom\", \"query\": \"\(Self.jobs.joined(separator: ","))\""
        let query = "{\"name\": \"job\", \"type\": \"query\", \"query\": \"label_values(http_requests_total, job)\", \"regex\": \"/^(?!monitoring).*/\""
        let dashboard = Self.dashboard.replacingOccurrences(of: custom, with: query)
        #expect(dashboard != Self.dashboard)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("repeat-by-job.json", dashboard)
        let output = try await Self.snapshot(in: directory, ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let titles = (root["panels"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        // label_values answers sorted; the regex drops monitoring-health.
        #expect(titles == ["Requests ai-engine", "Requests execution", "Requests portfolio-intelligence", "Requests risk-safety", "All jobs"])
    }
}
