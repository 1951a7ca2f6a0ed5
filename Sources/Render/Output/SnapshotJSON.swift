import Foundation
import PromModel
import Dashboards

/// `snapshot --format json`: every panel's computed values, so tests and scripts check
/// numbers rather than pixels.
public struct DashboardSnapshot: Encodable, Hashable, Sendable {
    public struct Value: Codable, Hashable, Sendable {
        public var name: String
        /// The reduced number (nil when there is none or it is not finite).
        public var value: Double?
        /// As displayed, with unit ("$1.23K").
        public var text: String
        public var color: String?
    }
    public struct Point: Codable, Hashable, Sendable {
        /// Unix milliseconds.
        public var t: Int64
        /// nil for NaN or ±Inf.
        public var v: Double?
    }
    /// A native-histogram point: the histogram in Prometheus's API shape (count, sum and
    /// `[rule, lower, upper, count]` buckets, as strings; PromModel's NativeHistogramJSON).
    public struct HistogramPoint: Encodable, Hashable, Sendable {
        /// Unix milliseconds.
        public var t: Int64
        public var histogram: NativeHistogram
    }
    public struct SeriesData: Encodable, Hashable, Sendable {
        public var name: String
        public var refId: String
        public var labels: [String: String]
        public var points: [Point]
        /// Only for a series holding native histograms (left out otherwise).
        public var histograms: [HistogramPoint]?
    }
    public struct Table: Codable, Hashable, Sendable {
        public var columns: [String]
        public var rows: [[String]]
    }
    public struct PanelEntry: Encodable, Hashable, Sendable {
        public var id: Int
        public var title: String
        public var type: String
        /// "ok", "no data", "loading", "stale 2m", "error: timeout".
        public var status: String
        public var warnings: [String]
        public var values: [Value]
        public var series: [SeriesData]
        public var table: Table?
        public var slices: [Value]?
    }

    /// A template variable as the frame used it; `error` names why it could not be resolved.
    public struct VariableEntry: Codable, Hashable, Sendable {
        public var name: String
        public var value: [String]
        public var error: String?
    }

    public var dashboard: String
    public var uid: String
    /// Evaluation time, Unix milliseconds.
    public var time: Int64
    public var variables: [VariableEntry]
    public var panels: [PanelEntry]

    public init(dashboard: Dashboard, models: [Int: PanelViewModel], time: Timestamp, variableErrors: [String: String] = [:]) {
        self.dashboard = dashboard.title
        uid = dashboard.uid
        self.time = time
        variables = dashboard.variables.map { VariableEntry(name: $0.name, value: $0.current, error: variableErrors[$0.name]) }
        let ids = dashboard.panels.flatMap { [$0.id] + $0.panels.map(\.id) }
        panels = ids.compactMap { id in models[id].map(DashboardSnapshot.entry) }
    }

    static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }

    static func entry(_ model: PanelViewModel) -> PanelEntry {
        var values: [Value] = []
        var table: Table?
        var slices: [Value]?
        let reduced: [ReducedValue]
        switch model.content {
        case .stat(let stat): reduced = stat.values
        case .gauge(let gauge): reduced = gauge.values
        case .barGauge(let bar): reduced = bar.values
        default: reduced = []
        }
        values = reduced.map { Value(name: $0.name, value: finite($0.display.numeric), text: $0.display.text, color: $0.display.color?.name) }
        switch model.content {
        case .timeSeries(let series):
            values = series.lines.map { line in
                let last = Reducer.reduce(line.points, id: "lastNotNull")
                return Value(name: line.name, value: finite(last), text: last.map { series.processor.format($0) } ?? "", color: line.color.name)
            }
        case .table(let model):
            table = Table(columns: model.columns.map(\.name), rows: model.rows.map { $0.map(\.text) })
        case .pie(let pie):
            slices = pie.slices.map { Value(name: $0.name, value: finite($0.percent * 100), text: $0.text, color: $0.color.name) }
        default: values += listedValues(model.content)
        }
        let series = model.series.map { frame in
            SeriesData(name: frame.name, refId: frame.refId, labels: frame.labels.dictionary,
                       points: frame.samples.map { Point(t: $0.timestamp, v: finite($0.value)) },
                       histograms: frame.histograms.isEmpty ? nil : frame.histograms.map { HistogramPoint(t: $0.timestamp, histogram: $0.histogram) })
        }
        return PanelEntry(id: model.id, title: model.title, type: model.type, status: model.status.label,
                          warnings: model.warnings, values: values, series: series, table: table, slices: slices)
    }

    /// The newer panel kinds as values: a state timeline's current state per row, a
    /// histogram's count per bucket, a bar chart's bars, a text panel's content, an alert
    /// list's alerts (state and since), a dashboard list's dashboards (the current one so
    /// marked).
    static func listedValues(_ content: PanelContent) -> [Value] {
        switch content {
        case .stateTimeline(let timeline):
            return timeline.rows.map { row in
                let now = row.segments.last
                return Value(name: row.name, value: nil, text: now?.text ?? "", color: now?.color?.name)
            }
        case .histogram(let histogram):
            return histogram.buckets.map { bucket in
                Value(name: "\(histogram.processor.format(bucket.lower))–\(histogram.processor.format(bucket.upper))",
                      value: Double(bucket.count), text: String(bucket.count), color: nil)
            }
        case .barChart(let chart):
            return chart.groups.flatMap { group in
                group.bars.map { bar in
                    let name = group.bars.count == 1 || group.label.isEmpty ? (group.label.isEmpty ? bar.name : group.label) : "\(group.label) \(bar.name)"
                    return Value(name: name, value: finite(bar.value), text: bar.text, color: bar.color.name)
                }
            }
        case .text(let text):
            return [Value(name: "content", value: nil, text: text, color: nil)]
        case .alertList(let list):
            return list.items.map { Value(name: $0.name, value: nil, text: [$0.state, $0.since].filter { !$0.isEmpty }.joined(separator: " "), color: nil) }
        case .dashList(let list):
            return list.items.map { Value(name: $0.title, value: nil, text: $0.current ? "current" : $0.uid, color: nil) }
        default:
            return []
        }
    }

    /// Pretty JSON with sorted keys, stable across runs.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
