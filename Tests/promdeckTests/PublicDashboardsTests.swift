import Foundation
import Testing
import TestSupport

/// Issue 12's corpus, end to end: 33 public dashboards nobody here wrote, drawn by `promdeck
/// snapshot` against a real Prometheus scraping itself, a node exporter, an Alertmanager and
/// a VictoriaMetrics (all Debian's), on loopback. For every panel whose interpolated queries
/// return data from Prometheus directly, the snapshot must show data; the report names, per
/// dashboard and panel, why any other panel shows none.
///
/// Every dashboard counts, the old-schema ones (`rows[]`, migrated as Grafana does) and
/// every panel type included; the JSON snapshot computes every panel's values, collapsed
/// rows' too.
@Suite("public dashboards on real exporters", .serialized, .tags(.alertmanager, .nodeExporter, .prometheus, .victoriaMetrics))
struct PublicDashboardsTests {
    struct Snapshot: Decodable {
        struct Panel: Decodable { var id: Int; var title: String; var type: String; var status: String }
        struct Variable: Decodable { var name: String; var value: [String]; var error: String? }
        var panels: [Panel]
        var variables: [Variable]
    }

    struct Platform {
        let node: NodeExporterServer
        let alertmanager: AlertmanagerServer
        let victoria: VictoriaMetricsServer
        let prometheus: PrometheusServer

        func stop() {
            prometheus.stop()
            victoria.stop()
            alertmanager.stop()
            node.stop()
        }

        static func start() async throws -> Platform {
            let node = try await NodeExporterServer()
            let alertmanager = try await AlertmanagerServer(config: "route:\n  receiver: none\nreceivers:\n  - name: none\n")
            let victoria = try await VictoriaMetricsServer()
            let port = try freePort()
            func job(_ name: String, _ address: String) -> String {
                "  - job_name: \(name)\n    static_configs:\n      - targets: ['\(address)']\n"
            }
            let config = "global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\nscrape_configs:\n"
                + job("prometheus", "127.0.0.1:\(port)") + job("node", node.address)
                + job("alertmanager", "127.0.0.1:\(alertmanager.port)") + job("victoriametrics", "127.0.0.1:\(victoria.port)")
            let prometheus = try await PrometheusServer(config: config, port: port)
            let platform = Platform(node: node, alertmanager: alertmanager, victoria: victoria, prometheus: prometheus)
            // Enough samples per series for rate() over a minute.
            let scraped = await waitUntil(timeout: .seconds(120), interval: .seconds(2)) {
                await platform.hasData("min(count_over_time(up[2m])) >= 8 and count(up == 1) == 4")
            }
            guard scraped else {
                platform.stop()
                throw TestSupportError("Prometheus did not scrape all four targets")
            }
            return platform
        }

        /// Whether an instant query returns a non-empty result from Prometheus directly.
        func hasData(_ expr: String) async -> Bool {
            var components = URLComponents(string: prometheus.baseURL + "/api/v1/query")
            components?.queryItems = [URLQueryItem(name: "query", value: expr)]
            guard let url = components?.url?.absoluteString, let (status, body) = await httpGet(url, timeout: 30), status == 200,
                  let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
                  let data = json["data"] as? [String: Any] else { return false }
            if data["resultType"] as? String == "scalar" || data["resultType"] as? String == "string" { return true }
            return !(data["result"] as? [Any] ?? []).isEmpty
        }
    }

    func snapshot(_ file: String, url: String) async throws -> (Snapshot, status: Int32, stderr: String) {
        let arguments = [
            "snapshot", "--dashboard", file, "--dashboards", CorpusDashboard.directory, "--url", url,
            "--format", "json", "--width", "200", "--height", "60",
        ]
        let output = try await offCooperativePool { try runCommand(QueryCommandTests.executable, arguments, timeout: .seconds(180)) }
        let decoded = (try? JSONDecoder().decode(Snapshot.self, from: Data(output.stdout.utf8))) ?? Snapshot(panels: [], variables: [])
        return (decoded, output.status, output.stderr)
    }

    @Test func corpusHasThirtyDashboardsWithAManifest() throws {
        let files = try CorpusDashboard.files()
        #expect(files.count >= 30)
        let manifest = try String(contentsOfFile: CorpusDashboard.directory + "/MANIFEST.md", encoding: .utf8)
        for file in files {
            #expect(manifest.contains("| \(file) | "), "\(file) is not in MANIFEST.md")
        }
    }

    @Test func panelsWithDataInPrometheusShowDataInSnapshot() async throws {
        let platform = try await Platform.start()
        defer { platform.stop() }
        var counted = 0, shown = 0
        var failures: [String] = []
        var report: [String] = []
        for file in try CorpusDashboard.files() {
            let dashboard = try CorpusDashboard(file: file)
            let (snapshot, status, stderr) = try await snapshot(file, url: platform.prometheus.baseURL)
            #expect(status == 0, "\(file): \(stderr)")
            let values = Dictionary(snapshot.variables.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            let empty = Set(snapshot.variables.filter { $0.error?.hasPrefix("no options") ?? false }.map(\.name))
            let statusByID = Dictionary(snapshot.panels.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
            var withData = 0, shownHere = 0
            for panel in dashboard.panels where !panel.exprs.isEmpty {
                var answered = false
                for expr in panel.exprs where await platform.hasData(dashboard.interpolate(expr, values: values, empty: empty)) {
                    answered = true
                    break
                }
                guard answered else { continue }
                let drawn = statusByID[panel.id]
                withData += 1
                if drawn == "ok" {
                    shownHere += 1
                } else {
                    failures.append("\(file) #\(panel.id) \"\(panel.title)\" [\(panel.type)]: Prometheus has data, snapshot shows \(drawn ?? "no such panel")")
                }
            }
            counted += withData
            shown += shownHere
            let unresolved = snapshot.variables.compactMap { variable in variable.error.map { "$\(variable.name): \($0)" } }
            report.insert("\(file): \(shownHere)/\(withData) panels with data shown"
                          + (unresolved.isEmpty ? "" : "; unresolved \(unresolved.joined(separator: ", "))"), at: report.count)
            // No dashboard draws blank: where Prometheus has data for a panel, one shows it.
            if withData > 0 { #expect(shownHere > 0, "\(file) draws blank") }
            #expect(!snapshot.panels.isEmpty, "\(file): no panels in the snapshot")
        }
        let share = counted == 0 ? 0 : Double(shown) / Double(counted) * 100
        print("public dashboards: \(shown) of \(counted) panels with data in Prometheus show data (\(String(format: "%.1f", share)) %)")
        print(report.joined(separator: "\n"))
        #expect(counted >= 100, "too few panels with data to mean anything: \(counted)")
        #expect(failures.isEmpty, "\(failures.count) panels:\n\(failures.joined(separator: "\n"))")
    }

    /// Every corpus dashboard lints without an error. VictoriaMetrics' own dashboards pick
    /// their datasource through `$ds` (plugin type "prometheus"), so as their users do, the
    /// config names a VictoriaMetrics datasource and their queries are checked as MetricsQL.
    @Test func lintRaisesNoErrorOnTheCorpus() throws {
        let directory = try TemporaryDirectory("lint-corpus")
        defer { directory.remove() }
        let config = try directory.write("config.yaml", """
            datasources:
              - name: victoria
                url: http://127.0.0.1:8428
                flavor: victoriametrics

            """)
        let output = try runCommand(QueryCommandTests.executable, ["lint", "--config", config, CorpusDashboard.directory], timeout: .seconds(120))
        let errors = output.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        #expect(output.stderr.contains("\(try CorpusDashboard.files().count) files checked, 0 errors"), "\(output.stderr)")
        // Without the config the same queries are PromQL, and MetricsQL-only syntax is an error.
        let plain = try runCommand(QueryCommandTests.executable, ["lint", "--config", try directory.write("none.yaml", "datasources: []\n"),
                                                                   CorpusDashboard.directory], timeout: .seconds(120))
        let promQLErrors = plain.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(!promQLErrors.isEmpty && promQLErrors.allSatisfy { $0.contains("/vm-") && $0.contains("invalid PromQL") },
                "\(promQLErrors.joined(separator: "\n"))")
    }
}
