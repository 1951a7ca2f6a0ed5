import Dashboards
import PromModel
import PrometheusAPI

/// Every configured server for one command: the chosen one (`--datasource`, `--url`, the
/// config's default) and the others a dashboard's panels may name by uid or name, sharing
/// one HTTP client (its pool keeps per-host connections), and the catalog those references
/// resolve against.
struct Servers {
    var chosen: PrometheusClient
    /// The other configured datasources by name (the chosen one included, by its name).
    var named: [String: any Datasource]
    var catalog: DatasourceCatalog
    /// Datasource variables' options: the one in use first.
    var names: [String]
    /// Each server's URL by name, for the header's health of the ones panels query.
    var urls: [String: String]
    private let group: ClientGroup

    /// An ad-hoc `--url` without `--datasource` is the only server: the config is not read.
    init(options: DatasourceOptions) throws {
        let settings = try options.settings()
        let adHoc = options.url != nil && options.datasource == nil
        let configured = adHoc ? [] : (try? DatasourceResolver.loadConfig(configPath: options.config).datasources) ?? []
        let others = configured.filter { $0.name != settings.name }
        group = ClientGroup([settings] + others)
        chosen = group.clients[0]
        var named: [String: any Datasource] = [:]
        for client in group.clients { named[client.settings.name] = client }
        self.named = named
        // The chosen one keeps its uid and type when --url only moved it.
        let identities = ([settings] + others).map { DatasourceIdentity(name: $0.name, uid: $0.uid, type: $0.type) }
        catalog = DatasourceCatalog(entries: identities, defaultName: settings.name)
        names = identities.map(\.name)
        urls = Dictionary(([settings] + others).map { ($0.name, $0.url) }, uniquingKeysWith: { first, _ in first })
    }

    /// The HTTP client's event loop, where the viewer waits for its answers.
    var executor: any LoopExecutor { group.executor }

    func shutdown() async {
        await group.shutdown()
    }
}
