import ArgumentParser
import Bundled

@main
struct Promdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promdeck",
        abstract: "A terminal Grafana for Prometheus.",
        discussion: """
            Opens Grafana dashboard JSON, runs the panels' PromQL against a Prometheus-compatible \
            HTTP API and draws the panels in the terminal. `demo` needs no server: a simulated \
            trading platform feeds a built-in store and PromQL engine.

            Examples:
              promdeck demo
              promdeck view --url http://localhost:9090 --dashboards ./dashboards
              promdeck view --datasource prod --dashboard 'Service Health Overview'
              promdeck snapshot --dashboard trading-performance --demo --width 100
              promdeck query 'sum by (job) (up)' --url http://localhost:9090
              promdeck lint ./dashboards --strict
              promdeck simulate --api 127.0.0.1:9090

            Keys in the viewer: ? lists them, q quits. See promdeck(1).
            """,
        version: Bundled.version,
        subcommands: [View.self, Demo.self, Snapshot.self, Query.self, Lint.self, Datasources.self, Simulate.self]
    )
}
