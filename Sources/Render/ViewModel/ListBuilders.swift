import PromModel
import Dashboards

/// What the list panels show besides query results: the alerts of the datasource (or
/// Alertmanager) when they were fetched, and the dashboards the viewer knows.
public struct PanelContext: Hashable, Sendable {
    /// The panel types that draw from the context.
    public static let readers: Set<String> = ["alertlist", "dashlist"]
    /// nil until alerts have been fetched (the alert list shows "loading").
    public var alerts: [Alert]?
    /// When `alerts` were read, for "for 5m".
    public var alertsTime: Timestamp
    public var dashboards: [DashListModel.Item]

    public init(alerts: [Alert]? = nil, alertsTime: Timestamp = 0, dashboards: [DashListModel.Item] = []) {
        self.alerts = alerts
        self.alertsTime = alertsTime
        self.dashboards = dashboards
    }
}

/// alertlist (public/app/plugins/panel/alertlist, unified alerting's "current state"
/// view): alerts filtered by `stateFilter` and `alertName`, sorted by `sortOrder`
/// (1 A–Z, 2 Z–A, 3 importance, 4 oldest first, 5 newest first), at most `maxItems`.
enum AlertListBuilder {
    static func build(panel: Panel, alerts: [Alert], now: Timestamp) -> AlertListModel {
        let options = panel.options.raw
        let filter = options["stateFilter"]
        let wanted = ["firing", "pending", "normal", "inactive"].filter { filter?[$0]?.bool == true }
        let name = options["alertName"]?.string?.lowercased() ?? ""
        var selected = alerts.filter { alert in
            let state = alert.state == .inactive ? "normal" : alert.state.rawValue
            let stateOK = wanted.isEmpty || wanted.contains(state) || (state == "normal" && wanted.contains("inactive"))
            return stateOK && (name.isEmpty || (alert.labels["alertname"] ?? "").lowercased().contains(name))
        }
        func importance(_ alert: Alert) -> Int { alert.state == .firing ? 0 : alert.state == .pending ? 1 : 2 }
        let title = { (alert: Alert) in alert.labels["alertname"] ?? "" }
        switch options["sortOrder"]?.lenientInt ?? 1 {
        case 2: selected.sort { title($0) > title($1) }
        case 3: selected.sort { importance($0) != importance($1) ? importance($0) < importance($1) : title($0) < title($1) }
        case 4: selected.sort { ($0.activeAt ?? .max) < ($1.activeAt ?? .max) }
        case 5: selected.sort { ($0.activeAt ?? .min) > ($1.activeAt ?? .min) }
        default: selected.sort { title($0) < title($1) }
        }
        let limit = options["maxItems"]?.lenientInt.flatMap { $0 > 0 ? $0 : nil } ?? 10
        let items = selected.prefix(limit).map { alert in
            let since = alert.activeAt.map { "for " + PanelStatus.shortAge(Int(max(0, now - $0) / 1000)) } ?? ""
            let summary = alert.annotations["summary"] ?? alert.annotations["description"] ?? ""
            return AlertListModel.Item(name: Sanitizer.visible(title(alert).isEmpty ? alert.labels.description : title(alert)),
                                       state: alert.state == .inactive ? "normal" : alert.state.rawValue,
                                       since: since, summary: Sanitizer.visible(summary))
        }
        return AlertListModel(items: items)
    }
}

/// dashlist: the known dashboards, narrowed by `query` (title substring) and `tags` (all
/// of them), at most `maxItems`; promdeck keeps no stars or history, so the starred and
/// recent sections have nothing to add.
enum DashListBuilder {
    static func build(panel: Panel, dashboards: [DashListModel.Item]) -> DashListModel {
        let options = panel.options.raw
        let query = options["query"]?.string?.lowercased() ?? ""
        let tags = options["tags"]?.array?.compactMap(\.string) ?? []
        let limit = options["maxItems"]?.lenientInt.flatMap { $0 > 0 ? $0 : nil } ?? 10
        let items = dashboards.filter { item in
            (query.isEmpty || item.title.lowercased().contains(query)) && tags.allSatisfy(item.tags.contains)
        }.sorted { $0.title.lowercased() < $1.title.lowercased() }
        return DashListModel(items: Array(items.prefix(limit)))
    }
}
