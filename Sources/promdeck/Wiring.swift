import App
import ArgumentParser
import Dashboards
import Foundation
import PromModel
import Render
import Simulator

/// Where the commands get their parts: dashboards from disk, the demo's platform, and the
/// viewer's planner, layout and renderer from the dashboards and render modules.
enum Wiring {
    /// `--dashboards DIR`, else the first `dashboards` folder found from the working
    /// directory or from the executable upwards (so `swift run` finds the repository's);
    /// with none, `view` falls back to a built-in overview of any Prometheus.
    static func viewDashboards(directory: String?) throws -> LoadedDashboards {
        guard let path = directory ?? (try? DashboardDirectory.locate()) else {
            return LoadedDashboards(dashboards: [.init(dashboard: BuiltinDashboards.prometheusOverview)], skipped: [])
        }
        return try loadDashboards(directory: path)
    }

    /// The dashboards that loaded (with their file names, so `--dashboard` finds a file name
    /// as `snapshot` does), and a line per file that did not: warned about on stderr here,
    /// before the screen starts, and shown again in the viewer.
    struct LoadedDashboards {
        var dashboards: [DashboardLookup.Candidate]
        var skipped: [String]
    }

    static func loadDashboards(directory: String?) throws -> LoadedDashboards {
        let path = try directory ?? DashboardDirectory.locate()
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
        guard !catalog.files.isEmpty else { throw ValidationError("no dashboards in \(path)") }
        return LoadedDashboards(
            dashboards: catalog.files.map { DashboardLookup.Candidate(fileName: $0.name, path: $0.path, dashboard: $0.dashboard) },
            skipped: skipped)
    }

    /// The four seed dashboards, Service Health Overview first.
    static func demoDashboards(directory: String?) throws -> LoadedDashboards {
        var loaded = try loadDashboards(directory: directory)
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
    static func liveDemoDatasource(seed: UInt64) -> DeferredDatasource<LiveDemoDatasource> {
        let rules = demoAlertRules()
        return DeferredDatasource {
            LiveDemoDatasource(platform: DemoPlatform(seed: seed, now: Viewer.wallClock()), clock: Viewer.wallClock, alertRules: rules)
        }
    }

    /// deploy/alerts.yml, for the demo's alerts view; none when it cannot be found or read.
    static func demoAlertRules() -> [AlertRule] {
        guard let path = try? DashboardDirectory.locate("deploy/alerts.yml", directory: false),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        do {
            return try AlertRule.load(yaml: text)
        } catch {
            FileHandle.standardError.write(Data("warning: \(path): \(error)\n".utf8))
            return []
        }
    }

    /// The simulation frozen at `time` (for `query` and `snapshot`, which must be repeatable).
    static func frozenDemoDatasource(seed: UInt64, at time: Timestamp) -> LiveDemoDatasource {
        LiveDemoDatasource(platform: DemoPlatform(seed: seed, now: time), clock: { time })
    }

    static func reducer() -> ViewerReducer {
        ViewerReducer()
    }

    static func renderer(options: RenderOptions) -> Viewer.FrameRendering {
        let frames = FrameRenderer(options: options)
        return { state, size, now in frames.render(state, size: size, now: now) }
    }
}

/// Finds the repository's files (dashboards/, deploy/alerts.yml) when none is given: from the
/// working directory, then from the executable upwards (so `swift run` finds them).
enum DashboardDirectory {
    static func locate(
        _ relative: String = "dashboards", directory wantDirectory: Bool = true,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? ""
    ) throws -> String {
        var candidates = [URL(fileURLWithPath: workingDirectory).appendingPathComponent(relative)]
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            candidates.append(url.appendingPathComponent(relative))
            url.deleteLastPathComponent()
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue == wantDirectory {
                return candidate.path
            }
        }
        throw ValidationError("no \(relative) here or beside the executable; pass --dashboards DIR")
    }
}
