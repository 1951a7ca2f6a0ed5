import PromModel
import Foundation

/// Everything needed to talk to one Prometheus-compatible server: the resolved form of a
/// `datasources:` entry in the config file, or of `--url`.
///
/// `description` lists name, URL, auth kind, header names and TLS files, never a secret.
public struct DatasourceSettings: Hashable, Sendable, CustomStringConvertible {
    public enum Auth: Hashable, Sendable {
        case none
        case basic(username: String, password: Secret)
        /// An `Authorization: <type> <credentials>` header (Bearer by default).
        case authorization(type: String, credentials: Secret)

        /// `none`, `basic (admin)`, `Bearer`: what listings show.
        public var kind: String {
            switch self {
            case .none: "none"
            case .basic(let username, _): "basic (\(username))"
            case .authorization(let type, _): type
            }
        }
    }

    public struct TLS: Hashable, Sendable {
        public var caFile: String?
        public var certFile: String?
        public var keyFile: String?
        /// Name to verify the server's certificate against (and send as SNI) instead of the URL's host.
        public var serverName: String?
        public var insecureSkipVerify: Bool

        public init(caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil, serverName: String? = nil, insecureSkipVerify: Bool = false) {
            self.caFile = caFile
            self.certFile = certFile
            self.keyFile = keyFile
            self.serverName = serverName
            self.insecureSkipVerify = insecureSkipVerify
        }

        public var isDefault: Bool { self == TLS() }
    }

    public static let defaultTimeout: Duration = .seconds(30)
    public static let defaultMaxResponseBytes = 64 << 20

    public var name: String
    /// The API's base URL (`https://host:9090` or `https://host/prometheus`), without credentials.
    public var url: String
    public var auth: Auth
    /// Extra request headers in file order (e.g. `X-Scope-OrgID` for Mimir/Cortex/Thanos tenants).
    public var headers: [HTTPHeaderField]
    public var tls: TLS
    /// Per-request timeout, 30 s by default as in Grafana's data proxy.
    public var timeout: Duration
    /// The server's scrape interval, for `$__rate_interval`.
    public var scrapeInterval: Duration?
    /// Bodies larger than this fail with `.tooLarge` and are not read further.
    public var maxResponseBytes: Int
    /// Where it was defined (`config.yaml:12`), nil for `--url`.
    public var source: String?
    /// `flavor: victoriametrics` marks a MetricsQL server (lint then checks MetricsQL).
    public var flavor: Flavor = .prometheus
    /// `incremental_querying`: a refresh asks only the new tail of a range query plus
    /// `incremental_overlap` (Grafana's incrementalQuerying and incrementalQueryOverlapWindow).
    public var incrementalQuerying = true
    public var incrementalOverlap: Duration = .seconds(600)
    /// `promql_version: 2`: the server speaks Prometheus 2.42's PromQL (lint parses its
    /// dashboards' queries so); nil means 3, unless `--promql-version` says otherwise.
    public var promQLVersion: Int?
    public static let promQLVersions: ClosedRange<Int> = 2...3

    public enum Flavor: String, Hashable, Sendable, CaseIterable {
        case prometheus, victoriametrics
    }

    /// Grafana's datasource uid, which dashboards' panels and targets name (`uid:`).
    public var uid: String?
    /// Grafana's plugin type (`type:`, `prometheus` when absent), for datasource variables' `query`.
    public var type: String?
    /// Thanos Querier's query parameters, when set.
    public var thanos = Thanos()

    /// `dedup` and `partial_response` of Thanos' query API (pkg/api/query/v1.go); unset ones are not sent.
    public struct Thanos: Hashable, Sendable {
        public var dedup: Bool?
        public var partialResponse: Bool?

        public init(dedup: Bool? = nil, partialResponse: Bool? = nil) {
            self.dedup = dedup
            self.partialResponse = partialResponse
        }

        /// The form parameters to add to a query.
        public var parameters: [(String, String)] {
            var parameters: [(String, String)] = []
            if let dedup { parameters.append(("dedup", String(dedup))) }
            if let partialResponse { parameters.append(("partial_response", String(partialResponse))) }
            return parameters
        }
    }

    public init(
        name: String, url: String, auth: Auth = .none, headers: [HTTPHeaderField] = [], tls: TLS = TLS(),
        timeout: Duration = DatasourceSettings.defaultTimeout, scrapeInterval: Duration? = nil,
        maxResponseBytes: Int = DatasourceSettings.defaultMaxResponseBytes, source: String? = nil
    ) {
        self.name = name
        self.url = url
        self.auth = auth
        self.headers = headers
        self.tls = tls
        self.timeout = timeout
        self.scrapeInterval = scrapeInterval
        self.maxResponseBytes = maxResponseBytes
        self.source = source
    }

    /// A datasource for `--url` alone: no auth, default TLS and timeout.
    public static func adHoc(url: String) throws(ConfigError) -> DatasourceSettings {
        DatasourceSettings(name: "url", url: try DatasourceURL.validate(url, key: "--url"))
    }

    public var description: String {
        var parts = ["\(name) \(url)", "auth: \(auth.kind)"]
        if !headers.isEmpty { parts.append("headers: \(headers.map(\.name).joined(separator: ", "))") }
        if !tls.isDefault {
            var tlsParts: [String] = []
            if let caFile = tls.caFile { tlsParts.append("ca \(caFile)") }
            if let certFile = tls.certFile { tlsParts.append("cert \(certFile)") }
            if let serverName = tls.serverName { tlsParts.append("server name \(serverName)") }
            if tls.insecureSkipVerify { tlsParts.append("NOT VERIFIED") }
            parts.append("tls: \(tlsParts.joined(separator: ", "))")
        }
        parts.append("timeout: \(PrometheusDuration.format(timeout))")
        return parts.joined(separator: ", ")
    }

    /// Reads every secret once, so a missing file or variable is reported before the first request.
    public func checkSecrets(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) {
        switch auth {
        case .none: break
        case .basic(_, let password): _ = try password.reveal(environment: environment)
        case .authorization(_, let credentials): _ = try credentials.reveal(environment: environment)
        }
    }
}

/// One `http_headers` entry.
public struct HTTPHeaderField: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Checks datasource URLs: http(s), a host, and no embedded credentials.
enum DatasourceURL {
    static func validate(_ text: String, key: String, location: (path: String?, line: Int?, column: Int?) = (nil, nil, nil)) throws(ConfigError) -> String {
        func fail(_ message: String) -> ConfigError {
            ConfigError(message, path: location.path, line: location.line, column: location.column)
        }
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)) else {
            throw fail("\(key): not a valid URL")
        }
        if components.user != nil || components.password != nil {
            // Never echo the URL: it holds the password.
            throw fail("\(key): the URL contains credentials (user:password@), which would end up in shell history and process lists; "
                + "remove them and set basic_auth.username with basic_auth.password_file (or password_env) in the config file")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw fail("\(key): the URL must start with http:// or https:// (got \(components.scheme.map { "\($0)://" } ?? "no scheme"))")
        }
        guard let host = components.host, !host.isEmpty else { throw fail("\(key): the URL has no host") }
        guard components.query == nil, components.fragment == nil else {
            throw fail("\(key): the URL must not have a query (?...) or fragment (#...); use http_headers for tenant IDs")
        }
        var normalized = components
        normalized.scheme = scheme
        var path = normalized.path
        while path.hasSuffix("/") { path.removeLast() }
        normalized.path = path
        return normalized.string ?? text
    }
}
