import Foundation
import PromModel
import PromQL
import PrometheusAPI
import Synchronization
import TestSupport

/// One upstream case's two sides in this benchmark process: Prometheus 2.42 over a copy of
/// the cached blocks of all the data, and the embedded engine over the families the case
/// reads. Started by the benchmark's setup, stopped by PID in its teardown.
final class UpstreamRangeFixture: Sendable {
    struct Sides: Sendable {
        let prometheus: RunningPrometheus
        let embedded: EmbeddedDatasource
        /// Why the comparison is void (a side failing, or the two disagreeing on series
        /// counts); reported with `benchmark.error`.
        let problem: String?
    }

    private let state = Mutex<Sides?>(nil)

    var sides: Sides? { state.withLock { $0 } }

    func start(_ upstream: UpstreamRangeCase) async throws {
        let cached = try UpstreamRangeData.cachedBlocks()
        let blocks = try TemporaryDirectory("upstream-range")
        do {
            let data = blocks.file("data")
            try FileManager.default.copyItem(atPath: cached, toPath: data)
            let server = try await PrometheusServer(dataDirectory: data)
            let client = PrometheusClient(settings: DatasourceSettings(name: "benchmark", url: server.baseURL))
            let prometheus = RunningPrometheus(blocks: blocks, server: server, client: client)
            let embedded = EmbeddedDatasource(store: UpstreamRangeData.store(families: upstream.families))
            let problem = await Self.check(upstream, prometheus: client, embedded: embedded)
            state.withLock { $0 = Sides(prometheus: prometheus, embedded: embedded, problem: problem) }
        } catch {
            blocks.remove()
            throw error
        }
    }

    func stop() async {
        guard let sides = state.withLock({ state in defer { state = nil }; return state }) else { return }
        await sides.prometheus.client.shutdown()
        sides.prometheus.server.stop()
        sides.prometheus.blocks.remove()
    }

    /// Runs the case once on each side: both must succeed with the same number of series,
    /// and some series unless the case is empty by design, or the timing compares unequal work.
    static func check(_ upstream: UpstreamRangeCase, prometheus: PrometheusClient, embedded: EmbeddedDatasource) async -> String? {
        let range = UpstreamRangeData.range(steps: upstream.steps)
        do {
            let theirs = try await prometheus.queryRange(upstream.prometheusExpr, range: range)
            let ours = try await embedded.queryRange(upstream.expr, range: range)
            let counts = (DashboardQueries.seriesCount(ours.result), DashboardQueries.seriesCount(theirs.result))
            if counts.0 != counts.1 { return "\(counts.0) series embedded, \(counts.1) from Prometheus" }
            if counts.1 == 0 && !upstream.emptyByDesign { return "no series from either side" }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
