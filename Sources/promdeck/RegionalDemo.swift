import App
import Bundled
import ArgumentParser
import Dashboards
import PromModel
import PromQL
import Render
import Simulator

/// `demo --regions N`: N simulated regions, each behind an embedded datasource of its own
/// (`region-a`, `region-b`…, samples labelled `region="a"`…), and `global` holding every
/// region, as a long-term store fed by each region's remote write would. The first region
/// is the default, so the other demo dashboards look as they do without `--regions`.
struct RegionalDemo {
    static let allowed = 1...4
    static let globalName = "global"

    struct Server {
        var name: String
        var datasource: any Datasource
    }

    let servers: [Server]

    init(regions count: Int, seed: UInt64, promQLVersion: PromQLVersion) {
        let regions = DemoRegion.regions(count, seed: seed)
        let rules = Wiring.demoAlertRules()
        func live(_ regions: [DemoRegion], rules: [AlertRule] = []) -> any Datasource {
            DeferredDatasource {
                LiveDemoDatasource(
                    platform: DemoPlatform(regions: regions, now: Viewer.wallClock(), promQLVersion: promQLVersion),
                    clock: Viewer.wallClock, alertRules: rules)
            }
        }
        // The alerts view asks the default datasource: the first region evaluates the rules.
        servers = regions.enumerated().map { index, region in
            Server(name: Self.name(region), datasource: live([region], rules: index == 0 ? rules : []))
        } + [Server(name: Self.globalName, datasource: live(regions))]
    }

    static func name(_ region: DemoRegion) -> String { "region-\(region.name)" }

    /// `--regions` before the screen starts: 1 to 4.
    static func validate(_ count: Int?) throws {
        guard let count, !allowed.contains(count) else { return }
        throw ValidationError("--regions expects \(allowed.lowerBound) to \(allowed.upperBound) regions, got \(count)")
    }

    var defaultServer: Server { servers[0] }
    var names: [String] { servers.map(\.name) }
    var named: [String: any Datasource] { Dictionary(servers.map { ($0.name, $0.datasource) }, uniquingKeysWith: { first, _ in first }) }
    /// Each server's uid is its name: the bundled Regions Overview pins `region-a`, `global`.
    var catalog: DatasourceCatalog {
        DatasourceCatalog(entries: servers.map { DatasourceIdentity(name: $0.name, uid: $0.name, type: "prometheus") }, defaultName: defaultServer.name)
    }
    var health: [DatasourceHealth] { servers.map { DatasourceHealth(name: $0.name, url: "embedded") } }

    /// The Regions Overview first, then the demo's other dashboards; `--dashboards DIR` as given.
    static func dashboards(directory: String?) throws -> Wiring.LoadedDashboards {
        if let directory { return try Wiring.loadDashboards(directory: directory) }
        var loaded = try Wiring.demoDashboards(directory: nil)
        let regional: [DashboardFile]
        do {
            regional = try Bundled.regionDashboards.map { file throws(DashboardLoadError) in
                try DashboardLoader().parse(Array(file.text.utf8), path: file.path)
            }
        } catch {
            throw ValidationError("built-in \(error.description)")
        }
        loaded.dashboards.insert(
            contentsOf: regional.map { DashboardLookup.Candidate(fileName: $0.name, path: $0.path, dashboard: $0.dashboard) }, at: 0)
        return loaded
    }
}
