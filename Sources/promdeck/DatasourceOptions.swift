import ArgumentParser
import PrometheusAPI

/// `--url`, `--datasource` and `--config`, shared by every command that talks to a server.
/// Secrets never come from flags: auth lives in the config file, with passwords and tokens
/// in files or environment variables.
struct DatasourceOptions: ParsableArguments {
    @Option(help: "Prometheus-compatible API base URL, e.g. http://localhost:9090 (no credentials in it).")
    var url: String?

    @Option(help: "Name of a datasource in the config file (else its default).")
    var datasource: String?

    @Option(help: "Config file (default: $XDG_CONFIG_HOME/promdeck/config.yaml or ~/.config/promdeck/config.yaml).")
    var config: String?

    /// The chosen datasource's settings.
    func settings() throws -> DatasourceSettings {
        // ConfigError prints as "file:line:col: message", without a usage banner.
        try DatasourceResolver.resolve(configPath: config, name: datasource, url: url)
    }

    /// The Alertmanager beside the datasource: `flag` (`--alertmanager`), else the config's
    /// `alertmanager_url`; nil when neither is set.
    func alertmanager(flag: String?, datasource settings: DatasourceSettings) throws -> AlertmanagerClient? {
        let target: String
        if let flag {
            target = flag
        } else if url == nil || datasource != nil, let configured = try DatasourceResolver.loadConfig(configPath: config).alertmanagerURL {
            // An ad-hoc --url does not read the config for its datasource, nor for its Alertmanager.
            target = configured
        } else {
            return nil
        }
        return AlertmanagerClient(settings: try AlertmanagerClient.settings(url: target, beside: settings))
    }

    /// The options of a dashboard's datasource variable: the one in use first, then the other
    /// configured ones (an ad-hoc --url has only itself).
    func datasourceNames(active settings: DatasourceSettings) -> [String] {
        guard url == nil || datasource != nil, let config = try? DatasourceResolver.loadConfig(configPath: config) else { return [settings.name] }
        return [settings.name] + config.datasources.map(\.name).filter { $0 != settings.name }
    }

    /// Where dashboards are looked for, with the config's `dashboards:` list; an ad-hoc
    /// `--url` does not need the config, so a broken one does not stop it.
    func dashboardSearch() throws -> DashboardSearch {
        let adHoc = url != nil && datasource == nil
        let config = adHoc ? try? DatasourceResolver.loadConfig(configPath: config) : try DatasourceResolver.loadConfig(configPath: config)
        return DashboardSearch(configured: config?.dashboards ?? [])
    }

    /// A client for the chosen datasource with its own HTTP client; call `shutdown()` on it.
    func client() throws -> PrometheusClient {
        PrometheusClient(settings: try settings())
    }
}
