import ArgumentParser

@main
struct Promdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promdeck",
        abstract: "A terminal Grafana for Prometheus.",
        subcommands: [View.self, Demo.self]
    )
}
