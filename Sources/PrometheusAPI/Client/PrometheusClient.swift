import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PromModel

/// A Prometheus-compatible HTTP API (Prometheus, VictoriaMetrics, Thanos, Mimir, Cortex) as a
/// `Datasource`.
///
/// Share one `HTTPClient` per process (`makeHTTPClient(for:)`) between all datasources: it
/// holds the keep-alive connection pool. Every call honours the datasource's timeout and
/// Swift task cancellation, and fails only with `QueryError`.
public final class PrometheusClient: Datasource {
    public let settings: DatasourceSettings
    private let connection: ClientConnection
    private var transport: Transport { connection.transport }

    /// `httpClient`: a shared client, which the caller shuts down; nil: the client makes its
    /// own, and `shutdown()` closes it.
    public init(settings: DatasourceSettings, httpClient: HTTPClient? = nil, logger: Logger = .silent("promdeck.prometheus-api"),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings
        connection = ClientConnection(settings: settings, httpClient: httpClient, logger: logger, environment: environment)
    }

    /// Shuts down the `HTTPClient` this client created (not a shared one passed in).
    public func shutdown() async {
        await connection.shutdown()
    }

    /// The process-wide HTTP client: HTTP/1.1 keep-alive pool, gzip accepted and inflated
    /// (capped), redirects left to us (credentials must not follow them to other hosts), and
    /// connection failures reported at once rather than retried until the timeout.
    /// Pass every datasource so `tls_config.server_name` overrides can be routed.
    public static func makeHTTPClient(for datasources: [DatasourceSettings] = [], eventLoopGroup: (any EventLoopGroup)? = nil) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10)),
            decompression: .enabled(limit: .size(max(datasources.map(\.maxResponseBytes).max() ?? 0, DatasourceSettings.defaultMaxResponseBytes) * 4))
        )
        configuration.httpVersion = .http1Only
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.idleTimeout = .seconds(60)
        // No tracer: the default (swift-distributed-tracing's global no-op) still costs a
        // span's name formatted and its attributes set on every request, 2.5 % of an idle
        // viewer's CPU.
        configuration.tracing.tracer = nil
        for settings in datasources {
            if let serverName = settings.tls.serverName, let host = URLComponents(string: settings.url)?.host {
                configuration.dnsOverride[serverName] = host
            }
        }
        if let eventLoopGroup {
            return HTTPClient(eventLoopGroupProvider: .shared(eventLoopGroup), configuration: configuration)
        }
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    // MARK: Datasource

    public func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse {
        let response = try await transport.send("/api/v1/query", [("query", expr), ("time", FormEncoding.seconds(time))] + settings.thanos.parameters)
        return try decodeQuery(response, samplesPerSeries: 1)
    }

    public func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse {
        let response = try await transport.send("/api/v1/query_range", [
            ("query", expr), ("start", FormEncoding.seconds(range.start)), ("end", FormEncoding.seconds(range.end)),
            ("step", FormEncoding.seconds(max(range.step, 1))),
        ] + settings.thanos.parameters)
        let points = range.step > 0 ? Int(min((range.end - range.start) / range.step + 1, 11_000)) : 0
        return try decodeQuery(response, samplesPerSeries: max(points, 0))
    }

    public func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] {
        let response = try await transport.send("/api/v1/series", matchers(selectors) + bounds(start, end))
        return try decode([[String: String]].self, response).map { Labels($0) }
    }

    public func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        let response = try await transport.send("/api/v1/labels", matchers(selectors) + bounds(start, end))
        return try decode([String].self, response)
    }

    public func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        let response = try await transport.send("/api/v1/label/\(FormEncoding.escape(name))/values", matchers(selectors) + bounds(start, end))
        return try decode([String].self, response)
    }

    public func alerts() async throws(QueryError) -> [Alert] {
        let response = try await transport.send("/api/v1/alerts", [])
        return try decode(AlertsPayload.self, response).alerts.map { $0.alert() }
    }

    // MARK: Other endpoints

    /// Alerting and recording rules with their health and active alerts.
    public func rules() async throws(QueryError) -> [RuleGroup] {
        let response = try await transport.send("/api/v1/rules", [])
        return try decode(RulesPayload.self, response).ruleGroups
    }

    /// Metric metadata (type, help, unit) by metric name, optionally for one metric.
    public func metadata(metric: String? = nil, limit: Int? = nil) async throws(QueryError) -> [String: [MetricMetadata]] {
        var parameters: [(String, String)] = []
        if let metric { parameters.append(("metric", metric)) }
        if let limit { parameters.append(("limit", String(limit))) }
        let response = try await transport.send("/api/v1/metadata", parameters)
        return try decode([String: [MetricMetadata]].self, response)
    }

    public func buildInfo() async throws(QueryError) -> BuildInfo {
        let response = try await transport.send("/api/v1/status/buildinfo", [])
        return try decode(BuildInfo.self, response)
    }

    /// Asks buildinfo, and for servers without it (404, an empty or unexpected body) the
    /// trivial query `1+1`, timing the answer.
    public func checkHealth() async -> HealthCheck {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let info = try await buildInfo()
            // VictoriaMetrics answers buildinfo with empty data: prove it queries instead.
            if !info.version.isEmpty {
                return HealthCheck(version: info.version, method: "buildinfo", latency: clock.now - start, error: nil)
            }
        } catch {
            guard [.notFound, .badResponse, .http, .badData].contains(error.kind) else {
                return HealthCheck(version: nil, method: "buildinfo", latency: clock.now - start, error: error)
            }
        }
        let fallbackStart = clock.now
        do {
            let response = try await query("1+1", at: Timestamp(Date().timeIntervalSince1970 * 1000))
            // Prometheus answers a scalar, VictoriaMetrics a one-element vector.
            guard response.result.series.first?.samples.first?.value == 2 else {
                let error = QueryError(.badResponse, "1+1 did not answer the scalar 2 but \(response.result.resultType)", summary: "bad response")
                return HealthCheck(version: nil, method: "query 1+1", latency: clock.now - fallbackStart, error: error)
            }
            return HealthCheck(version: nil, method: "query 1+1", latency: clock.now - fallbackStart, error: nil)
        } catch {
            return HealthCheck(version: nil, method: "query 1+1", latency: clock.now - fallbackStart, error: error)
        }
    }

    // MARK: Decoding

    private func matchers(_ selectors: [String]) -> [(String, String)] { selectors.map { ("match[]", $0) } }

    private func bounds(_ start: Timestamp, _ end: Timestamp) -> [(String, String)] {
        [("start", FormEncoding.seconds(start)), ("end", FormEncoding.seconds(end))]
    }

    private func decodeQuery(_ response: RawResponse, samplesPerSeries: Int) throws(QueryError) -> QueryResponse {
        do {
            return try decodeQueryUnscrubbed(response, samplesPerSeries: samplesPerSeries)
        } catch {
            throw connection.scrubber.scrub(error)
        }
    }

    private func decodeQueryUnscrubbed(_ response: RawResponse, samplesPerSeries: Int) throws(QueryError) -> QueryResponse {
        let host = transport.host
        let decoded: Result<DecodedEnvelope<QueryResult>, JSONScanner.Failure> = response.body.withUnsafeReadableBytes { bytes in
            Result { () throws(JSONScanner.Failure) in try QueryDecoder.decode(bytes, samplesPerSeries: samplesPerSeries) }
        }
        let ok = (200..<300).contains(response.status)
        switch decoded {
        case .success(.success(let result, let warnings)) where ok:
            return QueryResponse(result: result, warnings: warnings)
        case .success(.failure(let errorType, let error)):
            throw ErrorMapping.apiError(errorType: errorType, error: error, status: ok ? nil : response.status, host: host)
        case .success(.success):
            throw ErrorMapping.httpStatus(response.status, reason: response.reason, host: host, body: response.body)
        case .failure(let failure):
            if !ok { throw ErrorMapping.httpStatus(response.status, reason: response.reason, host: host, body: response.body) }
            throw ErrorMapping.badBody(failure, body: response.body, host: host)
        }
    }

    private func decode<Payload: Decodable>(_ type: Payload.Type, _ response: RawResponse) throws(QueryError) -> Payload {
        do {
            return try decodeUnscrubbed(type, response)
        } catch {
            throw connection.scrubber.scrub(error)
        }
    }

    private func decodeUnscrubbed<Payload: Decodable>(_ type: Payload.Type, _ response: RawResponse) throws(QueryError) -> Payload {
        let host = transport.host
        let ok = (200..<300).contains(response.status)
        let envelope: Envelope<Payload>
        do {
            envelope = try JSONDecoder().decode(Envelope<Payload>.self, from: Data(response.body.readableBytesView))
        } catch {
            if !ok { throw ErrorMapping.httpStatus(response.status, reason: response.reason, host: host, body: response.body) }
            throw ErrorMapping.badBody(error, body: response.body, host: host)
        }
        if envelope.status == "error" || !ok {
            guard let message = envelope.error else {
                throw ErrorMapping.httpStatus(response.status, reason: response.reason, host: host, body: response.body)
            }
            throw ErrorMapping.apiError(errorType: envelope.errorType ?? "", error: message, status: ok ? nil : response.status, host: host)
        }
        guard let data = envelope.data else {
            throw QueryError(.badResponse, "response from \(host) has status \"\(envelope.status)\" but no data", summary: "bad response")
        }
        return data
    }
}
