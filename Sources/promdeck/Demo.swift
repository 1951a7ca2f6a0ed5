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
              promdeck demo --regions 2

            \(ViewerKeys.text)
            """
    )

    @Option(help: "Seed of the simulation (the same seed gives the same history).")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Directory of the demo's dashboard JSON files (default: the ones built in).", valueName: "dir"))
    var dashboards: String?

    @Option(help: ArgumentHelp(
        "Simulate this many regions (1 to 4), each behind its own datasource, plus a global one holding them all; opens the Regions Overview.",
        valueName: "n"))
    var regions: Int?

    @OptionGroup var viewer: ViewerOptions

    func validate() throws {
        try RegionalDemo.validate(regions)
    }

    func run() async throws {
        try ViewerOptions.requireTerminal(command: "demo")
        if let regions { return try await runRegions(regions) }
        let loaded = try Wiring.demoDashboards(directory: dashboards)
        try await viewer.run(
            command: "demo", dashboards: loaded.dashboards, datasource: Wiring.liveDemoDatasource(seed: seed, promQLVersion: viewer.promql.version()),
            datasourceNames: [Wiring.demoDatasourceName], notices: loaded.skipped,
            health: [DatasourceHealth(name: Wiring.demoDatasourceName, url: "embedded")])
    }

    /// The viewer over `RegionalDemo`'s servers, every panel's datasource reference resolving
    /// among them as against configured servers.
    private func runRegions(_ count: Int) async throws {
        let demo = RegionalDemo(regions: count, seed: seed, promQLVersion: viewer.promql.version())
        let loaded = try RegionalDemo.dashboards(directory: dashboards)
        try await viewer.run(
            command: "demo", dashboards: loaded.dashboards, datasource: demo.defaultServer.datasource, named: demo.named,
            catalog: demo.catalog, datasourceNames: demo.names, notices: loaded.skipped, health: demo.health)
    }
}
