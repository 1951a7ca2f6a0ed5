import App
import ArgumentParser
import Dashboards
import Foundation
import PromModel
import PromQL
import PrometheusAPI
import Simulator

/// Where `query` and `snapshot` get their data: a server (`--url`, `--datasource`, the
/// config file), the simulated platform (`--demo`), or a Prometheus text / OpenMetrics file
/// (`--data`). The one place these are resolved.
struct SourceOptions: ParsableArguments {
    @OptionGroup var server: DatasourceOptions

    @Flag(help: "Use the built-in simulation of the trading platform (an hour of history).")
    var demo = false

    @Option(help: "A Prometheus text or OpenMetrics file to load into the embedded store.")
    var data: String?

    @Option(help: "Seed of the simulation, with --demo.")
    var seed: UInt64 = 1

    @OptionGroup var promql: PromQLVersionOptions

    func validate() throws {
        let chosen = [demo, data != nil, server.url != nil || server.datasource != nil].filter { $0 }.count
        guard chosen <= 1 else {
            throw ValidationError("choose one of --url/--datasource, --demo or --data")
        }
    }

    func resolve(now: Timestamp) throws -> ResolvedSource {
        // The embedded engine's PromQL; a server answers as the version it is.
        let version = promql.version()
        if demo {
            return ResolvedSource(datasource: Wiring.frozenDemoDatasource(seed: seed, at: now, promQLVersion: version), defaultTime: now)
        }
        if let data {
            let text: String
            do {
                text = try String(contentsOfFile: data, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read \(data): \(error.localizedDescription)")
            }
            let store = SeriesStore()
            do {
                try store.ingest(text, defaultTimestamp: now, normalizesFloatLabels: version == .v3)
            } catch {
                throw ValidationError("\(data): \(error)")
            }
            return ResolvedSource(datasource: EmbeddedDatasource(store: store, promQLVersion: version), defaultTime: store.maxTimestamp)
        }
        let servers = try Servers(options: server)
        return ResolvedSource(datasource: servers.chosen, defaultTime: nil, servers: servers)
    }
}

/// A resolved datasource; `shutdown()` releases the HTTP client's connections when there is one.
struct ResolvedSource {
    var datasource: any Datasource
    /// The instant-query time when none is given: the newest sample of a loaded file.
    var defaultTime: Timestamp?
    var servers: Servers?

    /// The other configured servers, by name, that panels may name.
    var named: [String: any Datasource] { servers?.named ?? [:] }
    var catalog: DatasourceCatalog { servers?.catalog ?? DatasourceCatalog() }

    func shutdown() async {
        await servers?.shutdown()
    }

    /// Runs `body` with the datasource and shuts the client down afterwards, on every path.
    func using<T>(_ body: (ResolvedSource) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await shutdown()
            return result
        } catch {
            await shutdown()
            throw error
        }
    }
}
