import Hummingbird
import Logging
import PromModel
import ServiceLifecycle

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
    public init(datasource: any Datasource, address: ListenAddress, version: String, now: @escaping @Sendable () -> Timestamp) {
        self.datasource = datasource
        self.address = address
        endpoints = APIEndpoints(datasource: datasource, now: now, version: version)
    }

    /// The demo platform of `seed` with an hour of history up to the clock's now, kept live by
    /// the clock (so `--speed` applies to the API as to /metrics).
    public static func demo(seed: UInt64, clock: VirtualClock, address: ListenAddress, version: String) -> PrometheusAPIServer {
        let platform = DemoPlatform(seed: seed, now: clock.now)
        let datasource = LiveDemoDatasource(platform: platform, clock: { clock.now })
        return PrometheusAPIServer(datasource: datasource, address: address, version: version, now: { clock.now })
    }

    /// The Hummingbird application, to run in a ServiceGroup. `onRunning` gets the bound port
    /// (useful with port 0).
    public func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ServiceLifecycle.Service {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: "promdeck"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? address.port) },
            logger: logger)
    }

    /// Serves on its own until the task is cancelled (tests, embedding in another command);
    /// silent unless given a logger, as cancelling makes the server log its channels' errors.
    public func run(logger: Logger? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var quiet = Logger(label: "promdeck.api")
        quiet.logLevel = .critical
        try await application(logger: logger ?? quiet, onRunning: onRunning).run()
    }

    /// Go's http.Request.ParseForm reads at most 10 MB of a form body.
    static let maxFormBytes = 10 << 20

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let endpoints = self.endpoints
        for method in [HTTPRequest.Method.get, .post] {
            router.on("/api/v1/query", method: method) { request, _ in
                Self.response(await endpoints.query(try await Self.form(request)))
            }
            router.on("/api/v1/query_range", method: method) { request, _ in
                Self.response(await endpoints.queryRange(try await Self.form(request)))
            }
            router.on("/api/v1/series", method: method) { request, _ in
                Self.response(await endpoints.series(try await Self.form(request)))
            }
            router.on("/api/v1/labels", method: method) { request, _ in
                Self.response(await endpoints.labelNames(try await Self.form(request)))
            }
            router.on("/api/v1/query_exemplars", method: method) { request, _ in
                Self.response(await endpoints.queryExemplars(try await Self.form(request)))
            }
        }
        router.get("/api/v1/label/:name/values") { request, context in
            let raw = context.parameters.get("name") ?? ""
            let name = (try? FormValues.unescape(Substring(raw.replacingOccurrences(of: "+", with: "%2B"))).get()) ?? raw
            return Self.response(await endpoints.labelValues(name, try await Self.form(request)))
        }
        router.get("/api/v1/alerts") { _, _ in Self.response(await endpoints.alerts()) }
        router.get("/api/v1/rules") { _, _ in Self.response(.success("{\"status\":\"success\",\"data\":{\"groups\":[]}}")) }
        router.get("/api/v1/metadata") { _, _ in Self.response(.success("{\"status\":\"success\",\"data\":{}}")) }
        router.get("/api/v1/status/buildinfo") { _, _ in Self.response(endpoints.buildInfo()) }
        router.get("/-/ready") { _, _ in "promdeck simulate is Ready.\n" }
        router.get("/-/healthy") { _, _ in "promdeck simulate is Healthy.\n" }
        return router
    }

    /// The URL query, plus the body of a form-encoded POST.
    private static func form(_ request: Request) async throws -> FormValues {
        var body: String?
        if request.method == .post, let type = request.headers[.contentType],
           type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "application/x-www-form-urlencoded" {
            var request = request
            let buffer = try await request.collectBody(upTo: maxFormBytes)
            body = String(buffer: buffer)
        }
        return FormValues(query: request.uri.query, body: body)
    }

    private static func response(_ reply: APIReply) -> Response {
        if reply.status == 204 { return Response(status: .noContent) }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: reply.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
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
