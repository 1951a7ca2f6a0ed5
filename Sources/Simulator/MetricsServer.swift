import Foundation
import Hummingbird
import Logging
import PromModel
import ServiceLifecycle

/// Virtual time: starts at `origin` (virtual, ms) when created and runs `speed` times faster
/// than the wall clock.
public struct VirtualClock: Sendable {
    public let origin: Timestamp
    public let speed: Double
    private let realStart: ContinuousClock.Instant

    public init(origin: Timestamp, speed: Double) {
        self.origin = origin
        self.speed = speed
        realStart = ContinuousClock.now
    }

    /// Starting at the wall clock's now.
    public init(speed: Double) {
        self.init(origin: Timestamp((Date().timeIntervalSince1970 * 1000).rounded()), speed: speed)
    }

    public var now: Timestamp {
        let elapsed = ContinuousClock.now - realStart
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return origin + Timestamp((milliseconds * speed).rounded(.down))
    }
}

/// `/metrics` of the five services, one Hummingbird application per port, run together in a
/// ServiceGroup that shuts down gracefully on SIGINT and SIGTERM.
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

    /// Runs until SIGINT or SIGTERM; `alongside` (the API server, say) runs in the same group.
    public func run(logger: Logger, alongside: [any ServiceLifecycle.Service] = []) async throws {
        let applications: [any ServiceLifecycle.Service] = Simulation.services.map { application(for: $0, logger: logger) } + alongside
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: applications.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }

    private func application(for service: Service, logger: Logger) -> some ServiceLifecycle.Service {
        let router = Router()
        let simulation = self.simulation, clock = self.clock
        router.get("/metrics") { _, _ -> Response in
            let body = ByteBuffer(string: simulation.exposition(service: service, at: clock.now))
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
        }
        router.get("/") { _, _ in "\(service.name): \(service.role). Metrics at /metrics.\n" }
        var serverLogger = logger
        serverLogger[metadataKey: "service"] = .string(service.name)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: service.port + portOffset), serverName: service.name),
            logger: serverLogger)
    }
}
