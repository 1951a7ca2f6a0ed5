import ArgumentParser
import Bundled
import Foundation
import PrometheusAPI
import Render

/// `promdeck datasources`: lists the configured datasources and checks each one.
struct Datasources: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasources",
        abstract: "List the configured datasources and check that each answers.",
        discussion: """
            Each datasource is asked for /api/v1/status/buildinfo (or, when a server has none, \
            the query 1+1); the version and latency are shown. Exits non-zero if any check fails.

            Examples:
              promdeck datasources
              promdeck datasources --config ./config.yaml
            """
    )

    @Option(help: "Config file (default: $XDG_CONFIG_HOME/promdeck/config.yaml or ~/.config/promdeck/config.yaml).")
    var config: String?

    func run() async throws {
        let loaded = try DatasourceResolver.loadConfig(configPath: config)
        guard !loaded.datasources.isEmpty else {
            let path = loaded.path ?? PromdeckConfig.defaultPath() ?? "the config file"
            print("No datasources configured in \(path).")
            throw ExitCode(1)
        }
        let clients = ClientGroup(loaded.datasources)
        let rows = await withTaskGroup(of: (Int, [String]).self) { group in
            for (index, client) in clients.clients.enumerated() {
                group.addTask { (index, await Datasources.check(client, isDefault: client.settings.name == loaded.defaultDatasource)) }
            }
            var rows: [(Int, [String])] = []
            for await row in group { rows.append(row) }
            return rows.sorted { $0.0 < $1.0 }.map(\.1)
        }
        await clients.shutdown()
        print(Datasources.table(header: ["NAME", "URL", "AUTH", "STATUS", "VERSION", "LATENCY", "DETAIL"], rows: rows))
        print("promdeck \(Bundled.version), config \(loaded.path ?? "-")")
        if rows.contains(where: { $0[3] != "OK" }) { throw ExitCode(1) }
    }

    static func check(_ client: PrometheusClient, isDefault: Bool) async -> [String] {
        let settings = client.settings
        let name = isDefault ? "\(settings.name) (default)" : settings.name
        do {
            try settings.checkSecrets()
        } catch {
            return [name, settings.url, settings.auth.kind, "FAIL", "-", "-", error.description]
        }
        let health = await client.checkHealth()
        let latency = String(format: "%.0f ms", Double(health.latency.components.seconds) * 1000 + Double(health.latency.components.attoseconds) / 1e15)
        if let error = health.error {
            return [name, settings.url, settings.auth.kind, "FAIL", "-", latency, error.message]
        }
        return [name, settings.url, settings.auth.kind, "OK", health.version ?? "?", latency, "via \(health.method)"]
    }

    static func table(header: [String], rows: [[String]]) -> String {
        // Versions and error details come from the servers: inert on the terminal, and cut.
        let all = ([header] + rows).map { row in row.map { TextFit.truncate(Sanitizer.visible($0), to: QueryTable.maximumColumnWidth) } }
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
