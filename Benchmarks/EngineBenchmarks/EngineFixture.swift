import Dashboards
import Foundation
import App
import PromModel
import PromQL
import PrometheusAPI
import Synchronization
import TestSupport

/// A Prometheus over the simulated hour's blocks, with the client `view` would use.
struct RunningPrometheus: Sendable {
    let blocks: TemporaryDirectory
    let server: PrometheusServer
    let client: PrometheusClient
}

/// A dashboard's planned queries, checked once to give both datasources equal work.
struct CheckedPlan: Sendable {
    let queries: [ViewerQuery]
    /// Why the comparison is void (a query failing, or the two disagreeing on series
    /// counts); reported with `benchmark.error`.
    let problem: String?
}

/// What the engine benchmarks share within one benchmark process: the simulated hour
/// (built once), and a Prometheus started by a benchmark's setup and stopped by PID in its
/// teardown, so no server outlives the benchmark that needed it.
final class EngineFixture: Sendable {
    private struct State: Sendable {
        var hour: SimulatedHour?
        var prometheus: RunningPrometheus?
        var plans: [String: CheckedPlan] = [:]
    }

    private let state = Mutex(State())

    func hour() throws -> SimulatedHour {
        try state.withLock { state in
            if let hour = state.hour { return hour }
            let hour = try SimulatedHour()
            state.hour = hour
            return hour
        }
    }

    var embedded: EmbeddedDatasource {
        get throws { EmbeddedDatasource(store: try hour().store) }
    }

    var prometheus: RunningPrometheus? { state.withLock { $0.prometheus } }

    func plan(_ dashboardFile: String) -> CheckedPlan? { state.withLock { $0.plans[dashboardFile] } }

    /// Backfills the hour with promtool into fresh blocks and starts Prometheus on them.
    func startPrometheus() async throws {
        let blocks = try TemporaryDirectory("engine-benchmark")
        do {
            let file = try blocks.write("hour.om", try hour().openMetrics)
            let data = blocks.file("data")
            try promtoolBackfill(openMetricsFile: file, into: data)
            try FileManager.default.removeItem(atPath: file)
            let server = try await PrometheusServer(dataDirectory: data)
            let client = PrometheusClient(settings: DatasourceSettings(name: "benchmark", url: server.baseURL))
            state.withLock { $0.prometheus = RunningPrometheus(blocks: blocks, server: server, client: client) }
        } catch {
            blocks.remove()
            throw error
        }
    }

    func stopPrometheus() async {
        guard let running = state.withLock({ state in defer { state.prometheus = nil }; return state.prometheus }) else { return }
        await running.client.shutdown()
        running.server.stop()
        running.blocks.remove()
    }

    /// Plans the dashboard's queries and runs each once on both datasources: they must
    /// succeed and return the same, non-zero number of series, or the timing compares
    /// unequal (or no) work.
    func checkPlan(_ dashboardFile: String) async throws {
        // `repositoryRoot()` from this file finds Benchmarks/Package.swift: the root package is its parent.
        let root = URL(fileURLWithPath: repositoryRoot()).deletingLastPathComponent().path
        let dashboard = try DashboardLoader().loadFile(root + "/dashboards/" + dashboardFile).dashboard
        let embedded = try embedded
        guard let prometheus else { throw TestSupportError("Prometheus is not running") }
        let queries = try await DashboardQueries.plan(dashboard, now: SimulatedHour.end, datasource: embedded)
        var problems: [String] = []
        if queries.isEmpty { problems.append("no queries planned") }
        for query in queries {
            do {
                let theirs = try await DashboardQueries.run(query, on: prometheus.client)
                let ours = try await DashboardQueries.run(query, on: embedded)
                let counts = (DashboardQueries.seriesCount(ours.result), DashboardQueries.seriesCount(theirs.result))
                if counts.0 != counts.1 { problems.append("\(query.key): \(counts.0) series embedded, \(counts.1) from Prometheus") }
                // Empty on both sides would agree without measuring anything (a variable
                // interpolated to nothing, say).
                if counts.1 == 0 { problems.append("\(query.key): no series from either datasource") }
            } catch {
                problems.append("\(query.key): \(error)")
            }
        }
        let plan = CheckedPlan(queries: queries, problem: problems.isEmpty ? nil : problems.joined(separator: "\n"))
        state.withLock { $0.plans[dashboardFile] = plan }
    }
}
