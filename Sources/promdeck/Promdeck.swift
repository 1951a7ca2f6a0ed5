import ArgumentParser

@main
struct Promdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promdeck",
        abstract: "A terminal Grafana for Prometheus.",
        subcommands: [Lint.self, Query.self, Simulate.self, Datasources.self, View.self, Demo.self, Snapshot.self]
    )
}
