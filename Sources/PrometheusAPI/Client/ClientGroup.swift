import PromModel

/// Clients for several datasources over one shared `HTTPClient` (one connection pool, each
/// host's connections kept apart, one event loop thread), shut down together.
public struct ClientGroup: Sendable {
    /// In the order of the settings given.
    public let clients: [PrometheusClient]
    private let http: PrivateHTTPClient

    public init(_ settings: [DatasourceSettings]) {
        http = PrivateHTTPClient(for: settings)
        clients = settings.map { [http] in PrometheusClient(settings: $0, httpClient: http.client) }
    }

    /// The event loop the clients' answers arrive on, where their callers can wait without a
    /// thread hop per answer.
    public var executor: any LoopExecutor { http.executor }

    public func shutdown() async {
        await http.shutdown()
    }
}
