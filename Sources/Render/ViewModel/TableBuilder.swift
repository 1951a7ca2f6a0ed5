import PromModel
import Dashboards

enum TableBuilder {
    /// One row per series (label set), label columns then one value column per target;
    /// range results contribute their last value. Overrides match columns by name ("job",
    /// "Value", "Value #B"), refId and type; a displayName renames the column.
    static func build(panel: Panel, frames: [SeriesFrame], data: PanelData) -> TableModel {
        let refIds = orderedUnique(frames.map(\.refId))
        let labelNames = orderedLabelNames(frames.lazy.map(\.labels))
        var rowOrder: [Labels] = []
        var values: [Labels: [String: Double]] = [:]
        for frame in frames {
            let key = frame.labels
            if values[key] == nil { rowOrder.append(key); values[key] = [:] }
            if let value = Reducer.reduce(frame.samples, id: "lastNotNull") { values[key]?[frame.refId] = value }
        }
        let valueColumns = refIds.count > 1 ? refIds.map { "Value #\($0)" } : ["Value"]
        let (min, max) = StatBuilder.bounds(panel: panel, frames: frames)
        let labelConfigs = labelNames.map { name in
            FieldOverrides.config(for: OverrideField(displayName: name, name: name, refId: nil, type: "string", samples: []), in: panel.fieldConfig)
        }
        let valueConfigs = zip(refIds, valueColumns).map { refId, column in
            let lasts = rowOrder.compactMap { values[$0]?[refId] }.map { Sample(data.time, $0) }
            return FieldOverrides.config(for: OverrideField(displayName: column, name: column, refId: refId, type: "number", samples: lasts), in: panel.fieldConfig)
        }
        let processors = valueConfigs.map { DisplayProcessor(config: $0, min: $0.min ?? min, max: $0.max ?? max) }
        var rows: [[TableModel.Cell]] = rowOrder.map { labels in
            var row = zip(labelNames, labelConfigs).map { name, config -> TableModel.Cell in
                let text = Sanitizer.visible(labels[name] ?? "")
                let mapped = config.mappings.isEmpty ? nil : ValueMapper.match(nil, text: text, mappings: config.mappings)
                return TableModel.Cell(text: mapped?.text.map(Sanitizer.visible) ?? text, number: number(text),
                                       color: mapped?.color.map { ValueColor(name: $0) })
            }
            for (index, refId) in refIds.enumerated() {
                let value = values[labels]?[refId]
                let display = processors[index].display(value)
                let colored = cellsAreColored(valueConfigs[index])
                row.append(TableModel.Cell(text: value == nil ? "" : display.text, number: value, color: colored ? display.color : nil))
            }
            return row
        }
        func shown(_ name: String, _ config: FieldDefaults) -> String {
            config.displayName.map { Sanitizer.visible(FieldOverrides.rename($0, labels: Labels(), original: name)) } ?? name
        }
        let columns = zip(labelNames, labelConfigs).map { TableModel.Column(name: shown($0, $1), numeric: false) }
            + zip(valueColumns, valueConfigs).map { TableModel.Column(name: shown($0, $1), numeric: true) }
        var sortColumn: Int?
        var descending = false
        if let sortBy = panel.options.raw["sortBy"]?.array?.first,
           let name = sortBy["displayName"]?.string, let index = columns.firstIndex(where: { $0.name == name }) {
            sortColumn = index
            descending = sortBy["desc"]?.bool ?? false
        }
        if let sortColumn { rows = sorted(rows, by: sortColumn, descending: descending) }
        return TableModel(columns: columns, rows: rows, sortColumn: sortColumn, descending: descending)
    }

    /// Numbers compare as numbers, text as text, empty cells last.
    public static func sorted(_ rows: [[TableModel.Cell]], by column: Int, descending: Bool) -> [[TableModel.Cell]] {
        rows.enumerated().sorted { a, b in
            guard column < a.element.count, column < b.element.count else { return a.offset < b.offset }
            let left = a.element[column], right = b.element[column]
            if left.text.isEmpty != right.text.isEmpty { return right.text.isEmpty }
            let ordered: Bool
            if let l = left.number, let r = right.number, l != r {
                ordered = descending ? l > r : l < r
            } else if left.text != right.text {
                ordered = descending ? left.text > right.text : left.text < right.text
            } else {
                return a.offset < b.offset
            }
            return ordered
        }.map(\.element)
    }

    static func orderedLabelNames(_ labelSets: some Sequence<Labels>) -> [String] {
        var names = Set<String>()
        for labels in labelSets {
            for label in labels { names.insert(label.name) }
        }
        var ordered = names.filter { $0 != Labels.metricName }.sorted()
        if names.contains(Labels.metricName) { ordered.insert(Labels.metricName, at: 0) }
        return ordered
    }

    /// A label cell's number for sorting: parsed only when it can start one (most label
    /// values are names, and a failed parse of each cost as much as the rest of the cell).
    static func number(_ text: String) -> Double? {
        guard let first = text.utf8.first else { return nil }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return Double(text)
        default:
            return nil
        }
    }

    static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    static func cellsAreColored(_ config: FieldDefaults) -> Bool {
        let mode = config.custom["cellOptions"]?["type"]?.string ?? config.custom["displayMode"]?.string ?? ""
        return mode.lowercased().contains("color")
    }
}
