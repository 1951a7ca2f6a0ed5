import App
import ArgumentParser
import Render

/// `promdeck demo`: the viewer against the simulated trading platform, no server needed.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Show the trading-platform dashboards over a built-in simulation.",
        discussion: """
            Runs from any directory: the dashboards and alert rules are built in.

            Examples:
              promdeck demo
              promdeck demo --dashboard 'Trading Performance' \\
                --from now-15m --refresh 2s --seed 7

            \(ViewerKeys.text)
            """
    )

    @Option(help: "Seed of the simulation (the same seed gives the same history).")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Directory of the demo's dashboard JSON files (default: the ones built in).", valueName: "dir"))
    var dashboards: String?

    @OptionGroup var viewer: ViewerOptions

    func run() async throws {
        try ViewerOptions.requireTerminal(command: "demo")
        let loaded = try Wiring.demoDashboards(directory: dashboards)
        try await viewer.run(
            command: "demo", dashboards: loaded.dashboards, datasource: Wiring.liveDemoDatasource(seed: seed, promQLVersion: viewer.promql.version()),
            datasourceNames: [Wiring.demoDatasourceName], notices: loaded.skipped,
            health: [DatasourceHealth(name: Wiring.demoDatasourceName, url: "embedded")])
    }
}
