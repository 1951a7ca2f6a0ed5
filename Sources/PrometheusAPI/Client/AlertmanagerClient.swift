import AsyncHTTPClient
import Foundation
import Logging
import PromModel

/// Alertmanager's v2 API over the same transport as `PrometheusClient`: auth, headers, TLS,
/// timeout, size cap and error values all behave the same.
public final class AlertmanagerClient: AlertmanagerSource {
    public let settings: DatasourceSettings
    private let connection: ClientConnection
    private var transport: Transport { connection.transport }

    /// `httpClient`: a shared client, which the caller shuts down; nil: the client makes its
    /// own, and `shutdown()` closes it.
    public init(settings: DatasourceSettings, httpClient: HTTPClient? = nil, logger: Logger = .silent("promdeck.alertmanager-api"),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings
        connection = ClientConnection(settings: settings, httpClient: httpClient, logger: logger, environment: environment)
    }

    /// Settings for an Alertmanager at `url` that sits beside `datasource`: its TLS, timeout
    /// and size cap; its credentials and headers only when both are on the same origin
    /// (they must not leak to another host).
    public static func settings(url: String, beside datasource: DatasourceSettings?) throws(ConfigError) -> DatasourceSettings {
        let validated = try DatasourceURL.validate(url, key: "--alertmanager")
        guard let datasource else { return DatasourceSettings(name: "alertmanager", url: validated) }
        var settings = datasource
        settings.name = "\(datasource.name) alertmanager"
        settings.url = validated
        settings.source = nil
        if let a = URL(string: validated), let b = URL(string: datasource.url), !Transport.sameOrigin(a, b) {
            settings.auth = .none
            settings.headers = []
        }
        return settings
    }

    /// Shuts down the `HTTPClient` this client created (not a shared one passed in).
    public func shutdown() async {
        await connection.shutdown()
    }

    public func alerts() async throws(QueryError) -> [AlertmanagerAlert] {
        let response = try await transport.send("/api/v2/alerts", [
            ("active", "true"), ("silenced", "true"), ("inhibited", "true"), ("unprocessed", "true"),
        ])
        return try decode([AlertmanagerAlertWire].self, response).map { $0.alert() }
    }

    public func silences() async throws(QueryError) -> [Silence] {
        let response = try await transport.send("/api/v2/silences", [])
        return try decode([SilenceWire].self, response).map { $0.silence() }
    }

    public func createSilence(_ draft: SilenceDraft) async throws(QueryError) -> String {
        let body = try PostableSilenceWire(draft).json()
        let response = try await transport.send("/api/v2/silences", [], write: .postJSON(body))
        return try decode(SilenceIDWire.self, response).silenceID
    }

    public func expireSilence(id: String) async throws(QueryError) {
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        let response = try await transport.send("/api/v2/silence/" + escaped, [], write: .delete)
        guard (200..<300).contains(response.status) else {
            throw ErrorMapping.httpStatus(response.status, reason: response.reason, host: transport.host, body: response.body)
        }
    }

    /// Alertmanager answers bare JSON (no Prometheus envelope); errors are a JSON string or
    /// `{"code":…,"message":…}` with a non-2xx status.
    private func decode<Payload: Decodable>(_ type: Payload.Type, _ response: RawResponse) throws(QueryError) -> Payload {
        let host = transport.host
        guard (200..<300).contains(response.status) else {
            throw ErrorMapping.httpStatus(response.status, reason: response.reason, host: host, body: response.body)
        }
        do {
            return try JSONDecoder().decode(Payload.self, from: Data(response.body.readableBytesView))
        } catch {
            throw ErrorMapping.badBody(error, body: response.body, host: host)
        }
    }
}
