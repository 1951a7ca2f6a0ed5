import PromModel
import Simulator

/// `/metrics` of the five services, one HTTP server per port, run together until the task
/// is cancelled (`ShutdownSignals` cancels it on SIGINT and SIGTERM).
public struct MetricsServers: Sendable {
    public let simulation: Simulation
    public let clock: VirtualClock
    public let host: String
    public let portOffset: Int

    public init(simulation: Simulation, clock: VirtualClock, host: String, portOffset: Int) {
        self.simulation = simulation
        self.clock = clock
        self.host = host
        self.portOffset = portOffset
    }

    /// Runs the five servers and `alongside` (the API server, say) until cancelled; the first
    /// to fail (a port in use) stops the others.
    public func run(alongside: [PrometheusAPIServer] = []) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in Simulation.services {
                let server = server(for: service)
                group.addTask { try await server.run() }
            }
            for api in alongside {
                group.addTask { try await api.run() }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    func server(for service: Service) -> HTTPServer {
        let simulation = self.simulation, clock = self.clock
        return HTTPServer(host: host, port: service.port + portOffset, serverName: service.name) { request in
            switch request.path {
            case "/metrics":
                HTTPReply(
                    status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8",
                    body: simulation.exposition(service: service, at: clock.now))
            case "/": .text("\(service.name): \(service.role). Metrics at /metrics.\n")
            default: .text("Not Found\n", status: .notFound)
            }
        }
    }
}
