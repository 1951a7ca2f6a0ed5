import App
import ArgumentParser
import Foundation

/// `promdeck view`: the interactive viewer against a Prometheus-compatible server.
struct View: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Show dashboards live from a Prometheus-compatible server.",
        discussion: """
            Keys: 1-9/Tab dashboards, arrows/hjkl focus, Enter zoom, +/- and [/] time range,
            t time picker, v variables, i inspect, e export CSV, : PromQL, a alerts, ? help, q quit.

            Examples:
              promdeck view --url http://localhost:9090 --dashboards ./dashboards
              promdeck view --datasource prod --dashboard 'Service Health Overview' --from now-6h --refresh 10s
            """
    )

    @Option(help: "Base URL of the Prometheus HTTP API.")
    var url: String?

    @Option(help: "A datasource name from the config file.")
    var datasource: String?

    @Option(help: "Directory of Grafana dashboard JSON files.")
    var dashboards: String?

    @OptionGroup var viewer: ViewerOptions

    func validate() throws {
        guard (url == nil) != (datasource == nil) else {
            throw ValidationError("give exactly one of --url URL or --datasource NAME")
        }
        if let url, URL(string: url)?.scheme == nil {
            throw ValidationError("--url needs a scheme, e.g. http://localhost:9090")
        }
    }

    func run() async throws {
        try ViewerOptions.requireTerminal(command: "view")
        let source = try Seams.datasource(url: url, name: datasource)
        let loaded = try Seams.loadDashboards(directory: dashboards)
        try await viewer.run(command: "view", dashboards: loaded, datasource: source)
    }
}
