/// A panel: its place on the 24-column grid, its queries and how to show them.
public struct Panel: Hashable, Sendable {
    public var id: Int
    /// Grafana's panel type: stat, gauge, bargauge, timeseries, table, heatmap, piechart,
    /// text, row, or anything else (kept, drawn as unsupported).
    public var type: String
    public var title: String
    public var description: String
    public var gridPos: GridPos
    public var datasource: DatasourceRef?
    public var targets: [Target]
    public var fieldConfig: FieldConfig
    public var options: PanelOptions
    /// Upper bound on points per series (Grafana's `maxDataPoints`); nil means the pane width.
    public var maxDataPoints: Int?
    /// Minimum query interval (`interval`, e.g. "30s" or "$__rate_interval").
    public var interval: String?
    /// For rows: collapsed rows hold their panels here; open rows have them at top level.
    public var collapsed: Bool
    public var panels: [Panel]
    /// Template variable this panel (or row) repeats for, if any.
    public var repeatVariable: String?
    /// How repeated copies are laid out (`repeatDirection`, "h" unless "v").
    public var repeatDirection: RepeatDirection
    /// Horizontal repeats: most copies per grid row (`maxPerRow`); nil means Grafana's 4.
    public var maxPerRow: Int?
    /// Variables fixed to one value for this panel: a repeated copy's own value (Grafana's
    /// `scopedVars`), used instead of the dashboard-wide selection when interpolating.
    public var scopedVariables: [String: String]
    /// For a repeated copy: the id of the panel it was copied from (the first copy keeps it).
    public var repeatSourceID: Int?
    public var raw: JSONValue

    public init(
        id: Int, type: String, title: String = "", description: String = "",
        gridPos: GridPos = GridPos(), datasource: DatasourceRef? = nil, targets: [Target] = [],
        fieldConfig: FieldConfig = FieldConfig(), options: PanelOptions = PanelOptions(),
        maxDataPoints: Int? = nil, interval: String? = nil, collapsed: Bool = false,
        panels: [Panel] = [], repeatVariable: String? = nil, raw: JSONValue = .null,
        repeatDirection: RepeatDirection = .horizontal, maxPerRow: Int? = nil,
        scopedVariables: [String: String] = [:], repeatSourceID: Int? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.description = description
        self.gridPos = gridPos
        self.datasource = datasource
        self.targets = targets
        self.fieldConfig = fieldConfig
        self.options = options
        self.maxDataPoints = maxDataPoints
        self.interval = interval
        self.collapsed = collapsed
        self.panels = panels
        self.repeatVariable = repeatVariable
        self.raw = raw
        self.repeatDirection = repeatDirection
        self.maxPerRow = maxPerRow
        self.scopedVariables = scopedVariables
        self.repeatSourceID = repeatSourceID
    }
}

/// Grafana's `repeatDirection`: copies side by side ("h") or stacked ("v").
public enum RepeatDirection: String, Hashable, Sendable {
    case horizontal = "h"
    case vertical = "v"
}

/// Position on Grafana's grid: 24 columns wide, `h` in grid units (30 px each in Grafana).
public struct GridPos: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var w: Int
    public var h: Int

    public init(x: Int = 0, y: Int = 0, w: Int = 12, h: Int = 8) {
        self.x = x
        self.y = y
        self.w = w
        self.h = h
    }

    /// Rows past which a position is hostile, not a layout: arithmetic on it (repeats, bottoms)
    /// stays far from overflow.
    public static let maximumRows = 1_000_000

    /// On the grid: x and w within the 24 columns, y and h within `maximumRows`.
    public var clamped: GridPos {
        GridPos(x: min(max(x, 0), 24), y: min(max(y, 0), GridPos.maximumRows),
                w: min(max(w, 0), 24), h: min(max(h, 0), GridPos.maximumRows))
    }
}

/// `{"type": "prometheus", "uid": "${datasource}"}`.
public struct DatasourceRef: Hashable, Sendable {
    public var type: String?
    public var uid: String?

    public init(type: String? = nil, uid: String? = nil) {
        self.type = type
        self.uid = uid
    }
}

/// One query of a panel.
public struct Target: Hashable, Sendable {
    public var refId: String
    public var expr: String
    /// `{{label}}` template for series names; "__auto" or empty means Grafana's default.
    public var legendFormat: String
    public var instant: Bool
    public var range: Bool
    /// "time_series", "table" or "heatmap".
    public var format: String
    public var interval: String?
    public var hide: Bool
    public var datasource: DatasourceRef?

    public init(
        refId: String = "A", expr: String, legendFormat: String = "", instant: Bool = false,
        range: Bool = true, format: String = "time_series", interval: String? = nil,
        hide: Bool = false, datasource: DatasourceRef? = nil
    ) {
        self.refId = refId
        self.expr = expr
        self.legendFormat = legendFormat
        self.instant = instant
        self.range = range
        self.format = format
        self.interval = interval
        self.hide = hide
        self.datasource = datasource
    }
}
