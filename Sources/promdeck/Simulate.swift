import ArgumentParser
import Dashboards
import Bundled
import Foundation
import PromModel
import PromQL
import Simulator
import SimulatorServers

struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the simulated trading platform: /metrics on the five services' ports, or an OpenMetrics backfill.",
        usage: """
            promdeck simulate [--listen HOST] [--port-offset N] [--seed N] [--speed N]
                              [--api HOST:PORT]
            promdeck simulate --openmetrics FILE --start T --duration D
                              [--interval 15s] [--seed N]
            """,
        discussion: """
            Every value is a function of the seed and the virtual time, so the same seed and range \
            always give the same samples. Ports: ai-engine 8001, execution 8002, risk-safety 8003, \
            portfolio-intelligence 8004, monitoring-health 8080 (plus --port-offset).

            Examples:
              promdeck simulate --speed 10
              promdeck simulate --api 127.0.0.1:9090
              promdeck simulate --openmetrics sim.om \\
                --start 2026-01-05T14:00:00Z --duration 1h
            """
    )

    @Option(help: "Host to listen on.")
    var listen = "127.0.0.1"

    @Option(help: "Added to every service's port.")
    var portOffset = 0

    @Option(help: "Seed of the simulation.")
    var seed: UInt64 = 1

    @Option(help: "Virtual time runs this many times faster than the wall clock, from now.")
    var speed = 1.0

    @Option(help: ArgumentHelp("Also serve Prometheus's query API over the simulated data (an hour of history, then live) on ADDR, e.g. 127.0.0.1:9090.", valueName: "ADDR"))
    var api: String?

    @OptionGroup var promql: PromQLVersionOptions

    @Option(help: ArgumentHelp("Write an OpenMetrics backfill of --start/--duration to FILE ('-' for stdout) and exit.", valueName: "FILE"))
    var openmetrics: String?

    @Option(help: "Start of the backfill: RFC 3339 or Unix seconds.")
    var start: String?

    @Option(help: "Length of the backfill, e.g. 1h or 90m.")
    var duration: String?

    @Option(help: "Time between backfill samples.")
    var interval = "15s"

    func validate() throws {
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be a positive number, not \(speed)") }
        guard (-8000...57000).contains(portOffset) else { throw ValidationError("--port-offset \(portOffset) puts ports outside 1...65535") }
        if let api, ListenAddress(api) == nil { throw ValidationError("--api \(api): expected HOST:PORT, such as 127.0.0.1:9090") }
        if openmetrics != nil {
            guard start != nil, duration != nil else { throw ValidationError("--openmetrics needs --start and --duration") }
        } else if start != nil || duration != nil {
            throw ValidationError("--start and --duration only go with --openmetrics")
        }
    }

    func run() async throws {
        let simulation = Simulation(seed: seed)
        if let openmetrics {
            try writeBackfill(simulation, to: openmetrics)
            return
        }
        for service in Simulation.services {
            FileHandle.standardError.write(Data(
                "\(service.name): http://\(listen):\(service.port + portOffset)/metrics\n".utf8))
        }
        let clock = VirtualClock(speed: speed)
        let apiServer = api.flatMap(ListenAddress.init).map {
            PrometheusAPIServer.demo(seed: seed, clock: clock, address: $0, version: Bundled.version, promQLVersion: promql.version())
        }
        if let apiServer { FileHandle.standardError.write(Data("Prometheus API: http://\(apiServer.address)/api/v1/\n".utf8)) }
        let servers = MetricsServers(simulation: simulation, clock: clock, host: listen, portOffset: portOffset)
        try await ShutdownSignals.run { try await servers.run(alongside: apiServer.map { [$0] } ?? []) }
    }

    private func writeBackfill(_ simulation: Simulation, to path: String) throws {
        guard let startText = start, let from = try? TimeExpression.resolve(startText, now: Timestamp(Date().timeIntervalSince1970 * 1000)) else {
            throw ValidationError("--start \(start ?? ""): expected RFC 3339 (2026-01-05T14:00:00Z), Unix seconds or now-1h")
        }
        guard let durationText = duration, let length = PrometheusDuration.milliseconds(durationText), length > 0 else {
            throw ValidationError("--duration \(duration ?? ""): expected a duration such as 1h or 90m")
        }
        guard let step = PrometheusDuration.milliseconds(interval), step >= 1000 else {
            throw ValidationError("--interval \(interval): expected a duration of at least 1s, such as 15s")
        }
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardOutput
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil), let opened = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write \(path)")
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        try simulation.writeOpenMetrics(start: from, end: from + length, interval: step) { chunk in
            try handle.write(contentsOf: Data(chunk.utf8))
        }
    }
}
