/// `options` of a panel. The common fields are typed; everything else stays in `raw`.
public struct PanelOptions: Hashable, Sendable {
    public var reduceOptions: ReduceOptions
    /// "auto", "horizontal" or "vertical".
    public var orientation: String?
    /// Bar gauge: "basic", "gradient" or "lcd". Table cells too.
    public var displayMode: String?
    /// Stat: "value", "background", "background_solid" or "none".
    public var colorMode: String?
    /// Stat: "area" (sparkline) or "none".
    public var graphMode: String?
    /// Stat: "auto", "value", "value_and_name", "name", "none".
    public var textMode: String?
    public var showThresholdMarkers: Bool?
    public var legend: LegendOptions?
    /// Pie chart: "pie" or "donut".
    public var pieType: String?
    /// Text panel: "markdown" or "html", and its content.
    public var mode: String?
    public var content: String?
    public var raw: JSONValue

    public init(
        reduceOptions: ReduceOptions = ReduceOptions(), orientation: String? = nil,
        displayMode: String? = nil, colorMode: String? = nil, graphMode: String? = nil,
        textMode: String? = nil, showThresholdMarkers: Bool? = nil, legend: LegendOptions? = nil,
        pieType: String? = nil, mode: String? = nil, content: String? = nil, raw: JSONValue = .null
    ) {
        self.reduceOptions = reduceOptions
        self.orientation = orientation
        self.displayMode = displayMode
        self.colorMode = colorMode
        self.graphMode = graphMode
        self.textMode = textMode
        self.showThresholdMarkers = showThresholdMarkers
        self.legend = legend
        self.pieType = pieType
        self.mode = mode
        self.content = content
        self.raw = raw
    }
}

public struct ReduceOptions: Hashable, Sendable {
    /// Reducers by Grafana id: lastNotNull, last, mean, max, min, sum, count, range, delta, ...
    public var calcs: [String]
    /// true: show every value instead of reducing each series to one.
    public var values: Bool
    public var limit: Int?
    /// Field name filter ("" or "/regex/").
    public var fields: String

    public init(calcs: [String] = ["lastNotNull"], values: Bool = false, limit: Int? = nil, fields: String = "") {
        self.calcs = calcs
        self.values = values
        self.limit = limit
        self.fields = fields
    }
}

public struct LegendOptions: Hashable, Sendable {
    public var showLegend: Bool
    /// "list", "table" or "hidden".
    public var displayMode: String
    /// "bottom" or "right".
    public var placement: String
    /// Values shown next to each series (e.g. ["lastNotNull", "max"]).
    public var calcs: [String]

    public init(showLegend: Bool = true, displayMode: String = "list", placement: String = "bottom", calcs: [String] = []) {
        self.showLegend = showLegend
        self.displayMode = displayMode
        self.placement = placement
        self.calcs = calcs
    }
}
