import Foundation

/// The promdeck configuration file: datasources plus a few viewer preferences.
///
/// ```yaml
/// default: prod
/// theme: dark
/// alertmanager_url: http://alertmanager:9093
/// dashboards: [~/dashboards, /srv/grafana/exported]
/// datasources:
///   - name: prod
///     url: https://prometheus.example:9090
///     basic_auth: {username: admin, password_file: /etc/promdeck/pw}
///     http_headers: {X-Scope-OrgID: team-a}
///     tls_config: {ca_file: ca.crt}
///     timeout: 30s
///     scrape_interval: 15s
///     incremental_querying: true   # refreshes ask only the new tail of range queries
///     incremental_overlap: 10m
/// ```
public struct PromdeckConfig: Hashable, Sendable {
    /// The file it was read from, nil when there is none.
    public var path: String?
    public var defaultDatasource: String?
    public var datasources: [DatasourceSettings]
    public var theme: String?
    public var alertmanagerURL: String?
    /// Directories of dashboard JSON for `view`, searched after $XDG_CONFIG_HOME/promdeck/dashboards.
    public var dashboards: [String] = []

    public init(path: String? = nil, defaultDatasource: String? = nil, datasources: [DatasourceSettings] = [], theme: String? = nil, alertmanagerURL: String? = nil) {
        self.path = path
        self.defaultDatasource = defaultDatasource
        self.datasources = datasources
        self.theme = theme
        self.alertmanagerURL = alertmanagerURL
    }

    /// `$XDG_CONFIG_HOME/promdeck/config.yaml`, else `~/.config/promdeck/config.yaml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("promdeck/config.yaml")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".config/promdeck/config.yaml")
    }

    /// Reads and validates a config file. Relative file paths inside it resolve against its directory.
    public static func load(path: String) throws(ConfigError) -> PromdeckConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "cannot read it"
            throw ConfigError("cannot read the config file: \(reason)", path: path)
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses config text; `path` names it in errors and anchors relative paths.
    public static func parse(yaml: String, path: String) throws(ConfigError) -> PromdeckConfig {
        try ConfigParser(path: path).parse(yaml)
    }

    /// The datasource named `name`, else `default`, else the only one.
    public func datasource(named name: String?) throws(ConfigError) -> DatasourceSettings {
        let available = datasources.map(\.name).joined(separator: ", ")
        if let name {
            guard let found = datasources.first(where: { $0.name == name }) else {
                throw ConfigError("no datasource named \"\(name)\"" + (available.isEmpty ? " (no datasources are configured)" : " (configured: \(available))"), path: path)
            }
            return found
        }
        if let defaultDatasource, let found = datasources.first(where: { $0.name == defaultDatasource }) { return found }
        if datasources.count == 1 { return datasources[0] }
        if datasources.isEmpty {
            throw ConfigError("no datasource: pass --url URL, or add datasources to \(path ?? PromdeckConfig.defaultPath() ?? "the config file")")
        }
        throw ConfigError("several datasources (\(available)) and no default: pass --datasource NAME or set default:", path: path)
    }
}

/// Picks the datasource for a command from `--config`, `--datasource` and `--url`.
public enum DatasourceResolver {
    /// - `url` alone: an ad-hoc datasource (no auth); the config file is not read.
    /// - `url` with `name`: the named datasource's auth, headers and TLS against `url`.
    /// - otherwise: `name`, else the config's `default`, else its only datasource.
    /// `configPath` nil means the default path, which may be absent; an explicit one must exist.
    /// Secrets are checked once here so a missing file fails before the first request.
    public static func resolve(
        configPath: String?, name: String?, url: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> DatasourceSettings {
        if let url, name == nil { return try DatasourceSettings.adHoc(url: url) }
        let config = try loadConfig(configPath: configPath, environment: environment)
        var settings = try config.datasource(named: name)
        if let url {
            settings.url = try DatasourceURL.validate(url, key: "--url")
            settings.source = nil
        }
        try settings.checkSecrets(environment: environment)
        return settings
    }

    /// The config at `configPath`, or at the default path if it exists, or an empty one.
    public static func loadConfig(configPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> PromdeckConfig {
        if let configPath { return try PromdeckConfig.load(path: configPath) }
        guard let path = PromdeckConfig.defaultPath(environment: environment), FileManager.default.fileExists(atPath: path) else {
            return PromdeckConfig()
        }
        return try PromdeckConfig.load(path: path)
    }
}
