import PromModel
import Dashboards

enum TableBuilder {
    /// One row per series (label set), label columns then one value column per target;
    /// range results contribute their last value.
    static func build(panel: Panel, frames: [SeriesFrame], data: PanelData) -> TableModel {
        let config = panel.fieldConfig.defaults
        let refIds = orderedUnique(frames.map(\.refId))
        let labelNames = orderedLabelNames(frames)
        var rowOrder: [Labels] = []
        var values: [Labels: [String: Double]] = [:]
        for frame in frames {
            let key = frame.labels
            if values[key] == nil { rowOrder.append(key); values[key] = [:] }
            if let value = Reducer.reduce(frame.samples, id: "lastNotNull") { values[key]?[frame.refId] = value }
        }
        let valueColumns = refIds.count > 1 ? refIds.map { "Value #\($0)" } : ["Value"]
        let (min, max) = StatBuilder.bounds(panel: panel, frames: frames)
        let processor = DisplayProcessor(config: config, min: min, max: max)
        let colored = cellsAreColored(config)
        var rows: [[TableModel.Cell]] = rowOrder.map { labels in
            var row = labelNames.map { name -> TableModel.Cell in
                let text = Sanitizer.visible(labels[name] ?? "")
                return TableModel.Cell(text: text, number: Double(text), color: nil)
            }
            for refId in refIds {
                let value = values[labels]?[refId]
                let display = processor.display(value)
                row.append(TableModel.Cell(text: value == nil ? "" : display.text, number: value, color: colored ? display.color : nil))
            }
            return row
        }
        let columns = labelNames.map { TableModel.Column(name: $0, numeric: false) }
            + valueColumns.map { TableModel.Column(name: $0, numeric: true) }
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

    static func orderedLabelNames(_ frames: [SeriesFrame]) -> [String] {
        let names = Set(frames.flatMap { $0.labels.map(\.name) })
        var ordered = names.filter { $0 != Labels.metricName }.sorted()
        if names.contains(Labels.metricName) { ordered.insert(Labels.metricName, at: 0) }
        return ordered
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
