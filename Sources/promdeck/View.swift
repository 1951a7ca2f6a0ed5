import App
import ArgumentParser
import Render
import PrometheusAPI
import Foundation

/// `promdeck view`: the interactive viewer against a Prometheus-compatible server.
struct View: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Show dashboards live from a Prometheus-compatible server.",
        discussion: """
            Examples:
              promdeck view --url http://localhost:9090 \\
                --dashboards ./dashboards
              promdeck view --url http://localhost:9090 \\
                --alertmanager http://localhost:9093
              promdeck view --datasource prod \\
                --dashboard 'Service Health Overview' --from now-6h

            \(ViewerKeys.text)
            """
    )

    @OptionGroup var source: DatasourceOptions

    @Option(help: ArgumentHelp(
        "Directory of Grafana dashboard JSON files. Default: the first of $XDG_CONFIG_HOME/promdeck/dashboards, the config's dashboards: list and ./dashboards that has any, else a built-in overview of any Prometheus.",
        valueName: "dir"))
    var dashboards: String?

    @OptionGroup var viewer: ViewerOptions

    @Option(help: "Alertmanager base URL for the alerts view (a), e.g. http://localhost:9093. Default: the config's alertmanager_url.")
    var alertmanager: String?

    func run() async throws {
        try ViewerOptions.requireTerminal(command: "view")
        let servers = try Servers(options: source)
        let alertmanagerClient: AlertmanagerClient?
        do {
            alertmanagerClient = try source.alertmanager(flag: alertmanager, datasource: servers.chosen.settings)
        } catch {
            await servers.shutdown()
            throw error
        }
        do {
            let loaded = try Wiring.viewDashboards(directory: dashboards, search: source.dashboardSearch())
            let settings = servers.chosen.settings
            try await viewer.run(
                command: "view", dashboards: loaded.dashboards, datasource: servers.chosen, named: servers.named,
                catalog: servers.catalog, alertmanager: alertmanagerClient, datasourceNames: servers.names, notices: loaded.skipped,
                incremental: IncrementalOptions(
                    enabled: settings.incrementalQuerying,
                    overlapMs: Int64(settings.incrementalOverlap / .milliseconds(1))),
                health: [DatasourceHealth(name: settings.name, url: settings.url)], urls: servers.urls,
                configuredPromQLVersion: settings.promQLVersion, executor: servers.executor)
        } catch {
            await alertmanagerClient?.shutdown()
            await servers.shutdown()
            throw error
        }
        // The Alertmanager client first: a request of it still out resumes on the servers'
        // event loop (the viewer's executor), which must still run then.
        await alertmanagerClient?.shutdown()
        await servers.shutdown()
    }
}
