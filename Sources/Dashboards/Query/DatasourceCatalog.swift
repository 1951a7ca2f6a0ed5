/// One configured datasource as dashboards refer to it: by Grafana uid, or by name.
public struct DatasourceIdentity: Hashable, Sendable {
    public var name: String
    /// Grafana's datasource uid (`uid:` in the config), when given.
    public var uid: String?
    /// Grafana's plugin type (`prometheus`, `victoriametrics-metrics-datasource`), when given.
    public var type: String?

    public init(name: String, uid: String? = nil, type: String? = nil) {
        self.name = name
        self.uid = uid
        self.type = type
    }

    /// "name (uid u)" for messages.
    var label: String { uid.map { $0 == name ? name : "\(name) (uid \($0))" } ?? name }
}

/// A panel or target datasource reference that names nothing promdeck can send to.
public struct DatasourceRefError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Full text, for the inspect view and `snapshot --format json`.
    public var message: String
    /// A few words for the panel corner.
    public var summary: String

    public var description: String { message }
}

/// The datasources a dashboard's references resolve against: the one resolver that the
/// query plan, `snapshot`, the viewer and `lint` share.
///
/// A reference resolves by uid, then by name, then (none given, `default`) to the default
/// datasource, as Grafana's DatasourceSrv.getInstanceSettings does
/// (public/app/features/plugins/datasource_srv.ts). With one datasource or none (`--url`,
/// the demo) everything goes to it: a dashboard exported from Grafana pins the uid of the
/// server it came from, which then means "this server". With several, an unknown uid is an
/// error on that panel and never sent elsewhere.
public struct DatasourceCatalog: Hashable, Sendable {
    public static let mixed = "-- Mixed --"
    public static let grafana = "-- Grafana --"
    public static let dashboard = "-- Dashboard --"

    public var entries: [DatasourceIdentity]
    /// The name of the datasource in use when a reference names none.
    public var defaultName: String?

    public init(entries: [DatasourceIdentity] = [], defaultName: String? = nil) {
        self.entries = entries
        self.defaultName = defaultName ?? entries.first?.name
    }

    /// Whether references select among several servers.
    public var routes: Bool { entries.count > 1 }

    /// The datasource for one target: its own reference when the panel is `-- Mixed --` or
    /// the target names one, else the panel's. nil means the default datasource.
    /// `interpolator` supplies `${ds}` (a repeated copy's value included).
    public func resolve(panel: DatasourceRef?, target: DatasourceRef?, interpolator: TemplateInterpolator) -> Result<String?, DatasourceRefError> {
        let panelUID = panel?.uid.map(interpolator.interpolateFirstValue)
        // A mixed panel sends each target to its own datasource; any other panel sends all
        // of them to the panel's (Grafana's PanelQueryRunner), and a panel without one to
        // its targets' (as DashboardMigrator's schema 36 fills it in).
        if panelUID == Self.mixed || panelUID == nil, target?.uid != nil {
            return resolve(target, interpolator: interpolator)
        }
        return resolve(panel, interpolator: interpolator)
    }

    /// One reference on its own.
    public func resolve(_ ref: DatasourceRef?, interpolator: TemplateInterpolator) -> Result<String?, DatasourceRefError> {
        guard let raw = ref?.uid else { return .success(nil) }
        let uid = interpolator.interpolateFirstValue(raw)
        switch uid {
        case "", "default", Self.mixed:
            return .success(nil)
        case Self.grafana, Self.dashboard:
            return .failure(DatasourceRefError(message: "\(uid) datasource: promdeck queries only Prometheus-compatible servers", summary: "\(uid) not queried"))
        default:
            break
        }
        guard routes else { return .success(nil) }
        if let found = entries.first(where: { $0.uid == uid }) ?? entries.first(where: { $0.name == uid }) {
            return .success(found.name)
        }
        let unresolved = uid.contains("$") ? " (variable \(raw) has no value)" : ""
        let configured = entries.map(\.label).joined(separator: ", ")
        return .failure(DatasourceRefError(
            message: "datasource uid '\(uid)' not configured\(unresolved); configured: \(configured)",
            summary: "datasource uid '\(uid)' not configured"))
    }

    /// Of `names`, those whose plugin type is `type` (a datasource variable's `query`); a
    /// datasource without `type:` counts as `prometheus`, and names not in the catalog stay.
    public func names(ofType type: String, among names: [String]) -> [String] {
        let wanted = type.isEmpty ? "prometheus" : type
        return names.filter { name in
            guard let entry = entries.first(where: { $0.name == name }) else { return true }
            return (entry.type ?? "prometheus") == wanted
        }
    }

    /// A uid that names no configured datasource (for lint with `--config`); nil when it
    /// resolves or is a variable.
    public func unknownUID(_ ref: DatasourceRef?) -> String? {
        guard let uid = ref?.uid, !uid.contains("$"), ![Self.mixed, Self.grafana, Self.dashboard, "default", ""].contains(uid) else { return nil }
        return entries.contains(where: { $0.uid == uid || $0.name == uid }) ? nil : uid
    }
}
