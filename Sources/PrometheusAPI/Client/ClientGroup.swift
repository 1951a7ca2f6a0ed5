import AsyncHTTPClient

/// Clients for several datasources over one shared `HTTPClient` (one connection pool, each
/// host's connections kept apart), shut down together.
public struct ClientGroup: Sendable {
    /// In the order of the settings given.
    public let clients: [PrometheusClient]
    private let httpClient: HTTPClient

    public init(_ settings: [DatasourceSettings]) {
        httpClient = PrometheusClient.makeHTTPClient(for: settings)
        clients = settings.map { [httpClient] in PrometheusClient(settings: $0, httpClient: httpClient) }
    }

    public func shutdown() async {
        try? await httpClient.shutdown()
    }
}
