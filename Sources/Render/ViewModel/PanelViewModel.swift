import PromModel
import Dashboards

/// A named series of one panel after naming and colouring.
public struct SeriesFrame: Hashable, Sendable {
    public var name: String
    public var refId: String
    public var labels: Labels
    public var samples: [Sample]
    /// Native-histogram points from a server; only heatmap and histogram panels draw them.
    public var histograms: [HistogramSample]
    public var colorName: String
    /// The field config after `fieldConfig.overrides`; nil means the panel's defaults.
    public var config: FieldDefaults?

    public init(name: String, refId: String, labels: Labels, samples: [Sample], histograms: [HistogramSample] = [], colorName: String,
                config: FieldDefaults? = nil) {
        self.name = name
        self.refId = refId
        self.labels = labels
        self.samples = samples
        self.histograms = histograms
        self.colorName = colorName
        self.config = config
    }

    /// This series' field config: its overrides applied, else the panel's defaults.
    func fieldConfig(_ panel: Panel) -> FieldDefaults { config ?? panel.fieldConfig.defaults }
}

/// One reduced value of a stat, gauge or bar gauge.
public struct ReducedValue: Hashable, Sendable {
    public var name: String
    public var display: DisplayValue
    /// The series' values for a sparkline (nil = gap).
    public var sparkline: [Double?]

    public init(name: String, display: DisplayValue, sparkline: [Double?] = []) {
        self.name = name
        self.display = display
        self.sparkline = sparkline
    }
}

public struct StatModel: Hashable, Sendable {
    public var values: [ReducedValue]
    /// "value" (coloured text), "background", "background_solid" or "none".
    public var colorMode: String
    public var showSparkline: Bool
    /// "auto", "value", "value_and_name", "name", "none".
    public var textMode: String
    public var orientation: String
}

public struct GaugeModel: Hashable, Sendable {
    public var values: [ReducedValue]
    public var min: Double
    public var max: Double
    /// Threshold boundaries within min…max with their colours and levels.
    public var markers: [ThresholdMarker]
    public var showMarkers: Bool
    /// The base threshold step's colour (below the first marker), for the arc's bands.
    public var baseColor: ValueColor? = nil
}

public struct ThresholdMarker: Hashable, Sendable {
    public var value: Double
    public var color: ValueColor
}

public struct BarGaugeModel: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable { case basic, gradient, lcd }
    public var values: [ReducedValue]
    public var min: Double
    public var max: Double
    public var markers: [ThresholdMarker]
    public var mode: Mode
    public var vertical: Bool
}

public struct TimeSeriesLine: Hashable, Sendable {
    public var name: String
    public var color: ValueColor
    /// (timestamp ms, value); NaN or missing steps are gaps.
    public var points: [Sample]
    /// The series' own samples, which the legend reduces: not stacked, and kept when the
    /// series is hidden from the graph.
    public var legendSamples: [Sample]
    /// The legend's calc ids, in order, and the processor (the series' unit and decimals)
    /// that formats their values.
    public var legendCalcs: [String]
    public var legendProcessor: DisplayProcessor
    /// False when an override sets `custom.hideFrom.legend`.
    public var inLegend: Bool = true
    /// Position among the panel's series: picks its monochrome marker, whatever is filtered.
    public var index: Int = 0

    /// Legend values, by legend calc id, formatted ("-" for none). Computed when read: a
    /// legend shows a few of a thousand series, and the widget reads only the ones it draws.
    public var legendValues: [(id: String, text: String)] {
        legendCalcs.map { id in (id, legendValue(id)) }
    }

    /// One legend value, formatted ("-" for none).
    public func legendValue(_ id: String) -> String {
        Reducer.reduce(legendSamples, id: id).map { legendProcessor.format($0) } ?? "-"
    }

    /// Equal inputs give equal legend values, so those are compared instead of the texts.
    public static func == (lhs: TimeSeriesLine, rhs: TimeSeriesLine) -> Bool {
        lhs.name == rhs.name && lhs.color == rhs.color && lhs.inLegend == rhs.inLegend && lhs.index == rhs.index && lhs.points.count == rhs.points.count
            && zip(lhs.points, rhs.points).allSatisfy { $0.isIdentical(to: $1) }
            && lhs.legendCalcs == rhs.legendCalcs && lhs.legendProcessor == rhs.legendProcessor
            && lhs.legendSamples.count == rhs.legendSamples.count && zip(lhs.legendSamples, rhs.legendSamples).allSatisfy { $0.isIdentical(to: $1) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(points.count)
    }
}

public struct TimeSeriesModel: Hashable, Sendable {
    public var lines: [TimeSeriesLine]
    public var start: Timestamp
    public var end: Timestamp
    /// Fixed axis bounds from the field config, honoured over the data's range.
    public var fixedMin: Double?
    public var fixedMax: Double?
    public var processor: DisplayProcessor
    public var showLegend: Bool
    public var legendCalcs: [String]
    /// Grafana's legend `displayMode: table`: a header row and aligned value columns.
    public var legendAsTable: Bool = false
    /// Step between points (ms): gaps longer than about two steps break the line.
    public var step: Int64
    /// `custom.scaleDistribution` `{type: log, log: 2|10}`: a logarithmic y axis of this
    /// base (values ≤ 0 are not drawn on it, as in Grafana); nil is linear.
    public var logBase: Double? = nil
    /// Set in a zoomed panel: the legend becomes a list with a selection, series can be
    /// hidden and a cursor shows values.
    public var explorer: SeriesExplorer?
}

public struct TableModel: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        public var name: String
        public var numeric: Bool
    }
    public struct Cell: Hashable, Sendable {
        public var text: String
        public var number: Double?
        public var color: ValueColor?
    }
    public var columns: [Column]
    public var rows: [[Cell]]
    public var sortColumn: Int?
    public var descending: Bool
    /// Set in a zoomed table: row and column cursors, the user's sort and `/` filter (already
    /// applied to `rows`), drawn by the widget.
    public var explorer: TableExplorer? = nil

    public init(columns: [Column], rows: [[Cell]], sortColumn: Int? = nil, descending: Bool = false, explorer: TableExplorer? = nil) {
        self.columns = columns
        self.rows = rows
        self.sortColumn = sortColumn
        self.descending = descending
        self.explorer = explorer
    }
}

public struct HeatmapModel: Hashable, Sendable {
    /// Bucket upper bounds as labels ("0.1", "+Inf") from the lowest bucket up.
    public var buckets: [String]
    public var times: [Timestamp]
    /// counts[time][bucket], de-cumulated.
    public var counts: [[Double]]
    public var maxCount: Double
}

public struct PieSlice: Hashable, Sendable {
    public var name: String
    public var value: Double
    public var percent: Double
    public var color: ValueColor
    public var text: String
}

public struct PieModel: Hashable, Sendable {
    public var slices: [PieSlice]
    public var donut: Bool
}

/// What a panel shows, by kind.
public enum PanelContent: Hashable, Sendable {
    case stat(StatModel)
    case gauge(GaugeModel)
    case barGauge(BarGaugeModel)
    case timeSeries(TimeSeriesModel)
    case table(TableModel)
    case heatmap(HeatmapModel)
    case pie(PieModel)
    case text(String)
    case stateTimeline(StateTimelineModel)
    case histogram(HistogramModel)
    case barChart(BarChartModel)
    case alertList(AlertListModel)
    case dashList(DashListModel)
    case row(collapsed: Bool, panelCount: Int)
    case unsupported(String)
    /// Nothing to draw (no data, loading, or every query failed).
    case empty
}

/// A panel ready to draw: title, status and content.
public struct PanelViewModel: Hashable, Sendable {
    public var id: Int
    public var type: String
    public var title: String
    public var status: PanelStatus
    /// Errors of individual targets when others succeeded ("B: timeout").
    public var warnings: [String]
    public var content: PanelContent
    /// The named series behind the content (for `--format json`).
    public var series: [SeriesFrame]
    /// The short reason a stale panel's refresh failed ("connection refused").
    public var staleReason: String?

    public init(id: Int, type: String, title: String, status: PanelStatus, warnings: [String] = [], content: PanelContent, series: [SeriesFrame] = []) {
        self.id = id
        self.type = type
        self.title = title
        self.status = status
        self.warnings = warnings
        self.content = content
        self.series = series
    }
}
