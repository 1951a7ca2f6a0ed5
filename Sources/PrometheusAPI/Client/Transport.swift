import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import PromModel

/// A response whose body was read completely (and within the size cap).
struct RawResponse: Sendable {
    var status: Int
    var reason: String
    var body: ByteBuffer
}

/// Sends API requests for one datasource: auth and headers, GET or (for long queries) POST,
/// the timeout, same-host-only credentials on redirects, and the body size cap.
struct Transport: Sendable {
    /// Beyond this, a GET's URL is too long for many proxies; Grafana switches to POST too.
    static let maxGetURLLength = 8 * 1024
    static let maxRedirects = 5

    let settings: DatasourceSettings
    let httpClient: HTTPClient
    let tlsConfiguration: Result<TLSConfiguration?, QueryError>
    let environment: [String: String]
    let logger: Logger

    /// Host and port for messages; never the credentials. Parsed once: every request reads it.
    let host: String

    init(settings: DatasourceSettings, httpClient: HTTPClient, environment: [String: String], logger: Logger) {
        self.settings = settings
        self.httpClient = httpClient
        self.environment = environment
        self.logger = logger
        host = URLComponents(string: settings.url).flatMap { components in
            components.host.map { host in components.port.map { "\(host):\($0)" } ?? host }
        } ?? settings.name
        tlsConfiguration = Result { () throws(QueryError) in try Transport.makeTLSConfiguration(settings) }
    }

    /// A request that changes something (Alertmanager's silences): a JSON POST or a DELETE,
    /// with the same auth, headers, TLS, timeout and redirects as the reads.
    enum Write: Sendable {
        case postJSON(String)
        case delete
    }

    /// Calls `path` (such as `/api/v1/query`) with form parameters, within the timeout.
    func send(_ path: String, _ parameters: [(String, String)], write: Write? = nil) async throws(QueryError) -> RawResponse {
        do {
            return try await perform(path, parameters, write: write)
        } catch {
            throw Task.isCancelled ? ErrorMapping.canceled : ErrorMapping.transport(error, host: host, timeout: settings.timeout)
        }
    }

    /// A request as sent: `HTTPClient.Request` itself cannot be changed for a redirect.
    struct Outgoing {
        var url: String
        var method: HTTPMethod
        var headers: HTTPHeaders
        var body: ByteBuffer?
    }

    private func perform(_ path: String, _ parameters: [(String, String)], write: Write?) async throws -> RawResponse {
        let tls = try tlsConfiguration.get()
        let form = FormEncoding.encode(parameters)
        let url = connectionURL() + path
        var request = Outgoing(url: url, method: .GET, headers: try baseHeaders(), body: nil)
        if let write {
            switch write {
            case .postJSON(let json):
                request.method = .POST
                request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
                request.body = ByteBuffer(string: json)
            case .delete:
                request.method = .DELETE
            }
        } else if form.isEmpty {
            request.method = .GET
        } else if url.utf8.count + 1 + form.utf8.count <= Transport.maxGetURLLength {
            request.url = url + "?" + form
        } else {
            request.method = .POST
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = ByteBuffer(string: form)
        }
        logger.debug("request", metadata: ["datasource": "\(settings.name)", "method": "\(request.method)", "path": "\(path)"])
        // One deadline for the whole exchange, redirects included: AsyncHTTPClient fails the
        // request when it passes, whether it is waiting for the head or still reading the body.
        let deadline = NIODeadline.now() + TimeAmount(settings.timeout)
        for _ in 0...Transport.maxRedirects {
            let response = try await execute(request, tls: tls, deadline: deadline)
            guard BodyCollector.isRedirect(response.status), let location = response.headers.first(name: "Location") else {
                return RawResponse(status: response.status, reason: response.reason, body: response.body)
            }
            request = try redirected(request, status: response.status, location: location)
        }
        throw QueryError(.http, "\(host) redirected more than \(Transport.maxRedirects) times", summary: "redirect loop")
    }

    /// One request, read whole by a `BodyCollector`; Swift task cancellation cancels it.
    private func execute(_ outgoing: Outgoing, tls: TLSConfiguration?, deadline: NIODeadline) async throws -> BodyCollector.Collected {
        let request = try HTTPClient.Request(
            url: outgoing.url, method: outgoing.method, headers: outgoing.headers, body: outgoing.body.map { .byteBuffer($0) },
            tlsConfiguration: tls)
        let collector = BodyCollector(limit: settings.maxResponseBytes, host: host)
        let task = httpClient.execute(request: request, delegate: collector, deadline: deadline, logger: logger)
        do {
            return try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
        } catch is BodyCollector.RedirectBodyAbandoned {
            guard let head = collector.head else { throw HTTPClientError.remoteConnectionClosed }
            return BodyCollector.Collected(status: Int(head.status.code), reason: head.status.reasonPhrase, headers: head.headers, body: ByteBuffer())
        } catch {
            // The head arrived but the body did not: the server or a proxy cut the response short.
            let mapped = ErrorMapping.transport(error, host: host, timeout: settings.timeout)
            guard collector.head != nil, mapped.kind == .connection, !Task.isCancelled else { throw error }
            throw QueryError(.badResponse, "truncated response from \(host): the connection ended after \(collector.bodyBytes) body bytes (\(error))", summary: "truncated response")
        }
    }

    /// The next request of a redirect. Credentials and configured headers go only to the
    /// same scheme, host and port; 303 (and 301/302 after a POST) become a GET, as browsers do.
    private func redirected(_ previous: Outgoing, status: Int, location: String) throws -> Outgoing {
        guard let base = URL(string: previous.url), let target = URL(string: location, relativeTo: base)?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw QueryError(.http, "\(host) redirected to an invalid location", summary: "bad redirect")
        }
        var next = previous
        next.url = target.absoluteString
        if status == 303 || ((status == 301 || status == 302) && previous.method == .POST) {
            next.method = .GET
            next.body = nil
            next.headers.remove(name: "Content-Type")
        }
        if !Transport.sameOrigin(base, target) {
            next.headers.remove(name: "Authorization")
            for header in settings.headers { next.headers.remove(name: header.name) }
            logger.debug("cross-host redirect: credentials dropped", metadata: ["datasource": "\(settings.name)"])
        }
        return next
    }

    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func port(_ url: URL) -> Int { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80) }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && port(a) == port(b)
    }

    /// The base URL, with the host replaced by tls_config.server_name when set: the shared
    /// HTTPClient's DNS override (see `PrometheusClient.makeHTTPClient(for:)`) connects it to the
    /// real host while TLS sends and verifies the configured name.
    private func connectionURL() -> String {
        guard let serverName = settings.tls.serverName, var components = URLComponents(string: settings.url),
              components.scheme == "https" else { return settings.url }
        components.host = serverName
        return components.string ?? settings.url
    }

    private func baseHeaders() throws(ConfigError) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "Accept-Encoding", value: "gzip")
        headers.add(name: "User-Agent", value: "promdeck")
        for header in settings.headers { headers.add(name: header.name, value: header.value) }
        switch settings.auth {
        case .none:
            break
        case .basic(let username, let password):
            let token = Data("\(username):\(try password.reveal(environment: environment))".utf8).base64EncodedString()
            headers.add(name: "Authorization", value: "Basic \(token)")
        case .authorization(let type, let credentials):
            headers.add(name: "Authorization", value: "\(type) \(try credentials.reveal(environment: environment))")
        }
        return headers
    }

    static func makeTLSConfiguration(_ settings: DatasourceSettings) throws(QueryError) -> TLSConfiguration? {
        let tls = settings.tls
        guard settings.url.lowercased().hasPrefix("https:") || !tls.isDefault else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        func load<T>(_ key: String, _ path: String, _ body: () throws -> T) throws(QueryError) -> T {
            do {
                return try body()
            } catch {
                throw QueryError(.configuration, "datasource \(settings.name): tls_config.\(key) \(path): cannot load it (\(error))", summary: "TLS config")
            }
        }
        if let caFile = tls.caFile {
            configuration.trustRoots = .certificates(try load("ca_file", caFile) { try NIOSSLCertificate.fromPEMFile(caFile) })
        }
        if let certFile = tls.certFile, let keyFile = tls.keyFile {
            configuration.certificateChain = try load("cert_file", certFile) { try NIOSSLCertificate.fromPEMFile(certFile).map { .certificate($0) } }
            configuration.privateKey = .privateKey(try load("key_file", keyFile) { try NIOSSLPrivateKey(file: keyFile, format: .pem) })
        }
        if tls.insecureSkipVerify { configuration.certificateVerification = .none }
        return configuration
    }
}
