import PromModel
import PromQL
import Simulator

/// Prometheus's HTTP query API (`/api/v1/query`, `query_range`, `series`, `labels`,
/// `label/<name>/values`, `query_exemplars`, `alerts`, `rules`, `metadata`,
/// `status/buildinfo`, `/-/ready`, `/-/healthy`) over any `Datasource`, so Grafana, `promdeck view` or any Prometheus client
/// can use the simulated platform.
public struct PrometheusAPIServer: Sendable {
    public let datasource: any Datasource
    public let address: ListenAddress
    private let endpoints: APIEndpoints

    /// - Parameters:
    ///   - now: the default evaluation time of /api/v1/query (the simulation's virtual now).
    ///   - version: reported by /api/v1/status/buildinfo.
    ///   - promQLVersion: the PromQL the query endpoints accept (the datasource's engine's).
    public init(
        datasource: any Datasource, address: ListenAddress, version: String, promQLVersion: PromQLVersion = .v3,
        now: @escaping @Sendable () -> Timestamp
    ) {
        self.datasource = datasource
        self.address = address
        endpoints = APIEndpoints(datasource: datasource, now: now, version: version, promQLVersion: promQLVersion)
    }

    /// The demo platform of `seed` with an hour of history up to the clock's now, kept live by
    /// the clock (so `--speed` applies to the API as to /metrics).
    public static func demo(
        seed: UInt64, clock: VirtualClock, address: ListenAddress, version: String, promQLVersion: PromQLVersion = .v3
    ) -> PrometheusAPIServer {
        let platform = DemoPlatform(seed: seed, now: clock.now, promQLVersion: promQLVersion)
        let datasource = LiveDemoDatasource(platform: platform, clock: { clock.now })
        return PrometheusAPIServer(datasource: datasource, address: address, version: version, promQLVersion: promQLVersion, now: { clock.now })
    }

    /// Serves until the task is cancelled; `onRunning` gets the bound port (useful with port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let endpoints = self.endpoints
        try await HTTPServer(host: address.host, port: address.port, serverName: "promdeck", maxBodyBytes: Self.maxFormBytes) { request in
            switch (request.path, request.method) {
            case ("/-/ready", .GET): .text("promdeck simulate is Ready.\n")
            case ("/-/healthy", .GET): .text("promdeck simulate is Healthy.\n")
            default: Self.reply(await Self.route(request, endpoints))
            }
        }.run(onRunning: onRunning)
    }

    /// Go's http.Request.ParseForm reads at most 10 MB of a form body.
    static let maxFormBytes = 10 << 20

    static func route(_ request: HTTPRequest, _ endpoints: APIEndpoints) async -> APIReply? {
        let form = FormValues(query: request.query.map(String.init), body: formBody(request))
        switch (request.path, request.method) {
        case ("/api/v1/query", .GET), ("/api/v1/query", .POST): return await endpoints.query(form)
        case ("/api/v1/query_range", .GET), ("/api/v1/query_range", .POST): return await endpoints.queryRange(form)
        case ("/api/v1/series", .GET), ("/api/v1/series", .POST): return await endpoints.series(form)
        case ("/api/v1/labels", .GET), ("/api/v1/labels", .POST): return await endpoints.labelNames(form)
        case ("/api/v1/query_exemplars", .GET), ("/api/v1/query_exemplars", .POST): return await endpoints.queryExemplars(form)
        case ("/api/v1/alerts", .GET): return await endpoints.alerts()
        case ("/api/v1/rules", .GET): return .success("{\"status\":\"success\",\"data\":{\"groups\":[]}}")
        case ("/api/v1/metadata", .GET): return await endpoints.metadata(form)
        case ("/api/v1/status/buildinfo", .GET): return endpoints.buildInfo()
        default:
            guard request.method == .GET, let name = labelName(in: request.path) else { return nil }
            return await endpoints.labelValues(name, form)
        }
    }

    /// `/api/v1/label/<name>/values`: the name as Prometheus's router unescapes it.
    private static func labelName(in path: Substring) -> String? {
        let prefix = "/api/v1/label/", suffix = "/values"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else { return nil }
        let raw = path.dropFirst(prefix.count).dropLast(suffix.count)
        guard !raw.contains("/") else { return nil }
        return (try? FormValues.unescape(Substring(raw.replacingOccurrences(of: "+", with: "%2B"))).get()) ?? String(raw)
    }

    /// The body of a form-encoded POST; other bodies are not form values.
    private static func formBody(_ request: HTTPRequest) -> String? {
        guard request.method == .POST, let type = request.contentType,
              type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "application/x-www-form-urlencoded"
        else { return nil }
        return request.body
    }

    private static func reply(_ reply: APIReply?) -> HTTPReply {
        guard let reply else { return .text("Not Found\n", status: .notFound) }
        if reply.status == 204 { return HTTPReply(status: .noContent, contentType: "", body: "") }
        return HTTPReply(status: .init(statusCode: reply.status), contentType: "application/json", body: reply.body)
    }
}

/// `host:port`, `[v6]:port` or `:port` (all interfaces), as `--api` takes it.
public struct ListenAddress: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            return nil
        }
        self.init(host: host.isEmpty ? "0.0.0.0" : host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
