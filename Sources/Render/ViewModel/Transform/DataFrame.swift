import PromModel
import Dashboards

/// One value of a data frame field: transformations move values between fields of
/// different types, so a cell is a number, a string or nothing.
public enum FieldValue: Hashable, Sendable {
    case null
    case number(Double)
    case string(String)

    public var number: Double? {
        switch self {
        case .number(let n): n
        case .string(let s): Double(s)
        case .null: nil
        }
    }

    /// The text Grafana compares and joins by (JavaScript's String(x) for numbers).
    public var text: String {
        switch self {
        case .number(let n): NumberText.js(n)
        case .string(let s): s
        case .null: ""
        }
    }
}

/// A column of a data frame, as Grafana's Field: a name, a type, values, the series labels
/// and the display name the query gave it (legend format), which matchers compare against.
public struct DataField: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case time, number, string }
    public var name: String
    public var kind: Kind
    public var values: [FieldValue]
    public var labels: Labels
    public var displayName: String?

    public init(name: String, kind: Kind, values: [FieldValue], labels: Labels = Labels(), displayName: String? = nil) {
        self.name = name
        self.kind = kind
        self.values = values
        self.labels = labels
        self.displayName = displayName
    }

    /// Grafana's getFieldDisplayName for the cases promdeck produces.
    public var shownName: String { displayName ?? name }
}

/// Grafana's DataFrame: fields of equal length, from one query (refId).
public struct DataFrame: Hashable, Sendable {
    public var refId: String
    public var fields: [DataField]

    public init(refId: String, fields: [DataField]) {
        self.refId = refId
        self.fields = fields
    }

    public var length: Int { fields.map(\.values.count).max() ?? 0 }

    /// The frame with its rows reordered (or filtered) by `indices`.
    func rows(_ indices: [Int]) -> DataFrame {
        var copy = self
        for f in copy.fields.indices {
            let values = copy.fields[f].values
            copy.fields[f].values = indices.map { $0 < values.count ? values[$0] : .null }
        }
        return copy
    }
}

extension DataFrame {
    /// Query results as Grafana's Prometheus datasource returns them: a time series target
    /// gives one frame per series (Time, Value with labels and the legend name); a table
    /// target (`format: table`) gives one frame per query (Time, a column per label, then
    /// the value, named "Value #A" when the panel has several queries).
    static func frames(panel: Panel, series: [SeriesFrame]) -> [DataFrame] {
        let tableRefIds = Set(panel.targets.filter { $0.format == "table" }.map(\.refId))
        let multiple = Set(series.map(\.refId)).count > 1
        var frames: [DataFrame] = []
        var tables: [String: [Int]] = [:]
        var tableOrder: [String] = []
        for (index, frame) in series.enumerated() {
            if tableRefIds.contains(frame.refId) {
                // Positions, not copies: a table query can answer with 10,000 series.
                if tables[frame.refId] == nil { tableOrder.append(frame.refId) }
                tables[frame.refId, default: []].append(index)
                continue
            }
            frames.append(DataFrame(refId: frame.refId, fields: [
                DataField(name: "Time", kind: .time, values: frame.samples.map { .number(Double($0.timestamp)) }),
                DataField(name: "Value", kind: .number, values: frame.samples.map { $0.value.isNaN ? .null : .number($0.value) },
                          labels: frame.labels, displayName: frame.name),
            ]))
        }
        for refId in tableOrder {
            let members = tables[refId] ?? []
            let labelNames = TableBuilder.orderedLabelNames(members.lazy.map { series[$0].labels })
            var time: [FieldValue] = [], value: [FieldValue] = []
            var labelValues = Array(repeating: [FieldValue](), count: labelNames.count)
            for member in members {
                let labels = series[member].labels
                for sample in series[member].samples {
                    time.append(.number(Double(sample.timestamp)))
                    value.append(sample.value.isNaN ? .null : .number(sample.value))
                    for (i, name) in labelNames.enumerated() { labelValues[i].append(labels[name].map(FieldValue.string) ?? .string("")) }
                }
            }
            var fields = [DataField(name: "Time", kind: .time, values: time)]
            fields += zip(labelNames, labelValues).map { DataField(name: $0, kind: .string, values: $1) }
            fields.append(DataField(name: multiple ? "Value #\(refId)" : "Value", kind: .number, values: value))
            frames.append(DataFrame(refId: refId, fields: fields))
        }
        return frames
    }
}
