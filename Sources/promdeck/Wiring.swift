import App
import ArgumentParser
import Bundled
import Dashboards
import Foundation
import PromModel
import PromQL
import Render
import Simulator

/// Where the commands get their parts: dashboards from disk or built in, the demo's platform, and the
/// viewer's planner, layout and renderer from the dashboards and render modules.
enum Wiring {
    /// `--dashboards DIR`, else the first place of `search` with dashboards; with none,
    /// `view` falls back to a built-in overview of any Prometheus, and says where it looked
    /// (on stderr before the screen starts, and as the viewer's notice).
    static func viewDashboards(directory: String?, search: DashboardSearch) throws -> LoadedDashboards {
        if let directory { return try loadDashboards(directory: directory) }
        let found = try search.find()
        guard !found.files.isEmpty else {
            let notice = "no dashboards found, showing the built-in Prometheus overview (pass --dashboards DIR); looked in "
                + found.lookedIn.joined(separator: ", ")
            FileHandle.standardError.write(Data("warning: \(Sanitizer.visible(notice))\n".utf8))
            return LoadedDashboards(dashboards: [.init(dashboard: BuiltinDashboards.prometheusOverview)], skipped: found.skipped + [notice])
        }
        return LoadedDashboards(files: found.files, skipped: found.skipped)
    }

    /// The dashboards that loaded (with their file names, so `--dashboard` finds a file name
    /// as `snapshot` does), and a line per file that did not: warned about on stderr here,
    /// before the screen starts, and shown again in the viewer.
    struct LoadedDashboards {
        var dashboards: [DashboardLookup.Candidate]
        var skipped: [String]

        init(dashboards: [DashboardLookup.Candidate], skipped: [String]) {
            self.dashboards = dashboards
            self.skipped = skipped
        }

        init(files: [DashboardFile], skipped: [String]) {
            self.init(dashboards: files.map { DashboardLookup.Candidate(fileName: $0.name, path: $0.path, dashboard: $0.dashboard) },
                      skipped: skipped)
        }
    }

    /// Every dashboard of `directory` (a file or a directory); an error when there is none.
    static func loadDashboards(directory: String) throws -> LoadedDashboards {
        let (files, skipped) = try loadCatalog(directory)
        guard !files.isEmpty else { throw ValidationError("no dashboards in \(directory)") }
        return LoadedDashboards(files: files, skipped: skipped)
    }

    /// The loadable dashboards of `path`, and a line per file that failed (warned about on stderr).
    static func loadCatalog(_ path: String) throws -> (files: [DashboardFile], skipped: [String]) {
        let catalog: DashboardCatalog
        do {
            catalog = try DashboardLoader().load(path)
        } catch {
            throw ValidationError(error.description)
        }
        let skipped = catalog.failures.map { "skipped \($0)" }
        for line in skipped {
            FileHandle.standardError.write(Data("warning: \(Sanitizer.visible(line))\n".utf8))
        }
        return (catalog.files, skipped)
    }

    /// The example dashboards built into the binary (the repository's dashboards/).
    static func bundledDashboards() throws -> [DashboardFile] {
        do {
            return try Bundled.dashboards.map { file throws(DashboardLoadError) in
                try DashboardLoader().parse(Array(file.text.utf8), path: file.path)
            }
        } catch {
            throw ValidationError("built-in \(error.description)")
        }
    }

    /// The demo's dashboards, Service Health Overview first: `--dashboards DIR`, else the
    /// built-in ones, so `demo` runs from any directory.
    static func demoDashboards(directory: String?) throws -> LoadedDashboards {
        var loaded = try directory.map(loadDashboards) ?? LoadedDashboards(files: bundledDashboards(), skipped: [])
        let order = ["Service Health Overview", "Trading Performance", "EventBus Monitoring", "Infrastructure Metrics"]
        loaded.dashboards.sort { lhs, rhs in
            (order.firstIndex(of: lhs.dashboard.title) ?? order.count, lhs.dashboard.title)
                < (order.firstIndex(of: rhs.dashboard.title) ?? order.count, rhs.dashboard.title)
        }
        return loaded
    }

    /// The name the demo's datasource variable offers: the embedded store's.
    static let demoDatasourceName = "demo"

    /// The simulation with an hour of history in the embedded store, live from now on. The
    /// history fills in the background so the first frame does not wait for it.
    static func liveDemoDatasource(seed: UInt64, promQLVersion: PromQLVersion = .v3) -> DeferredDatasource<LiveDemoDatasource> {
        let rules = demoAlertRules()
        return DeferredDatasource {
            LiveDemoDatasource(
                platform: DemoPlatform(seed: seed, now: Viewer.wallClock(), promQLVersion: promQLVersion), clock: Viewer.wallClock,
                alertRules: rules)
        }
    }

    /// deploy/alerts.yml as built in, for the demo's alerts view.
    static func demoAlertRules() -> [AlertRule] {
        guard let file = Bundled.alertRules else { return [] }
        do {
            return try AlertRule.load(yaml: file.text)
        } catch {
            FileHandle.standardError.write(Data("warning: built-in \(file.path): \(error)\n".utf8))
            return []
        }
    }

    /// The simulation frozen at `time` (for `query` and `snapshot`, which must be repeatable).
    static func frozenDemoDatasource(seed: UInt64, at time: Timestamp, promQLVersion: PromQLVersion = .v3) -> LiveDemoDatasource {
        LiveDemoDatasource(platform: DemoPlatform(seed: seed, now: time, promQLVersion: promQLVersion), clock: { time })
    }

    static func reducer() -> ViewerReducer {
        ViewerReducer()
    }

    static func renderer(options: RenderOptions) -> Viewer.FrameRendering {
        let frames = FrameRenderer(options: options)
        return { state, size, now in frames.render(state, size: size, now: now) }
    }
}
