/// A Grafana dashboard: the subset promdeck reads, plus the raw JSON so nothing is lost.
public struct Dashboard: Hashable, Sendable {
    public var uid: String
    public var title: String
    public var tags: [String]
    public var time: TimeRange
    /// Auto-refresh interval as Grafana writes it ("5s", "1m"), or nil when off.
    public var refresh: String?
    public var schemaVersion: Int
    /// Top-level panels in file order; rows carry their own panels when collapsed.
    public var panels: [Panel]
    public var variables: [Variable]
    /// The whole document as read.
    public var raw: JSONValue

    public init(
        uid: String, title: String, tags: [String] = [], time: TimeRange = TimeRange(),
        refresh: String? = nil, schemaVersion: Int = 39, panels: [Panel] = [],
        variables: [Variable] = [], raw: JSONValue = .null
    ) {
        self.uid = uid
        self.title = title
        self.tags = tags
        self.time = time
        self.refresh = refresh
        self.schemaVersion = schemaVersion
        self.panels = panels
        self.variables = variables
        self.raw = raw
    }

    /// Every non-row panel, including those inside rows (collapsed or not), in layout order.
    public var allPanels: [Panel] {
        panels.flatMap { panel in panel.type == "row" ? panel.panels : [panel] }
    }

    /// The panel with `id`, at the top level or inside a row (row headers excluded), found
    /// without building `allPanels`.
    public func panel(id: Int) -> Panel? {
        for panel in panels {
            if panel.type == "row" {
                if let inner = panel.panels.first(where: { $0.id == id }) { return inner }
            } else if panel.id == id {
                return panel
            }
        }
        return nil
    }
}

/// Grafana's `time`: relative (`now-1h`) or absolute expressions.
public struct TimeRange: Hashable, Sendable {
    public var from: String
    public var to: String

    public init(from: String = "now-1h", to: String = "now") {
        self.from = from
        self.to = to
    }
}
