import PromModel
import Dashboards

/// A table panel with transformations: the query results become data frames, the
/// transformations run, and the first frame is the table (Grafana's table shows one frame
/// at a time, the first by default). Columns follow the frame's fields; overrides match
/// them by display name, raw name, refId and type; `custom.hidden` columns are left out.
enum FrameTable {
    static func build(panel: Panel, frames series: [SeriesFrame], data: PanelData, timeZoneOffset: Int) -> TableModel {
        let frames = Transformations.apply(panel, to: DataFrame.frames(panel: panel, series: series))
        guard let frame = frames.first(where: { !$0.fields.isEmpty }) else {
            return TableModel(columns: [], rows: [], sortColumn: nil, descending: false)
        }
        var columns: [TableModel.Column] = []
        var cells: [[TableModel.Cell]] = []
        for field in frame.fields {
            let samples = field.values.compactMap(\.number).map { Sample(data.time, $0) }
            let type = field.kind == .number ? "number" : field.kind == .time ? "time" : "string"
            let config = FieldOverrides.config(for: OverrideField(displayName: field.shownName, name: field.name, refId: frame.refId,
                                                                  type: type, samples: samples), in: panel.fieldConfig)
            if config.custom["hidden"]?.bool == true { continue }
            let name = config.displayName.map { FieldOverrides.rename($0, labels: field.labels, original: field.shownName) } ?? field.shownName
            columns.append(TableModel.Column(name: Sanitizer.visible(name), numeric: field.kind != .string))
            let numbers = field.values.compactMap(\.number).filter(\.isFinite)
            let processor = DisplayProcessor(config: config, min: config.min ?? Swift.min(0, numbers.min() ?? 0), max: config.max ?? (numbers.max() ?? 1))
            let colored = TableBuilder.cellsAreColored(config)
            cells.append((0..<frame.length).map { row in
                let value = row < field.values.count ? field.values[row] : .null
                switch (field.kind, value) {
                case (_, .null):
                    return TableModel.Cell(text: "", number: nil, color: nil)
                case (.time, let v):
                    let ms = Int64(v.number ?? 0)
                    return TableModel.Cell(text: TimeLabels.dateTime(ms, offset: timeZoneOffset), number: Double(ms), color: nil)
                case (.number, let v):
                    let display = processor.display(v.number)
                    return TableModel.Cell(text: Sanitizer.visible(display.text), number: v.number, color: colored ? display.color : nil)
                case (.string, let v):
                    let text = Sanitizer.visible(v.text)
                    let mapped = config.mappings.isEmpty ? nil : ValueMapper.match(nil, text: text, mappings: config.mappings)
                    return TableModel.Cell(text: mapped?.text.map(Sanitizer.visible) ?? text, number: TableBuilder.number(text),
                                           color: mapped?.color.map { ValueColor(name: $0) })
                }
            })
        }
        let rows = (0..<frame.length).map { row in cells.map { $0[row] } }
        var model = TableModel(columns: columns, rows: rows, sortColumn: nil, descending: false)
        if let sortBy = panel.options.raw["sortBy"]?.array?.first, let name = sortBy["displayName"]?.string,
           let index = columns.firstIndex(where: { $0.name == name }) {
            model.sortColumn = index
            model.descending = sortBy["desc"]?.bool ?? false
            model.rows = TableBuilder.sorted(rows, by: index, descending: model.descending)
        }
        return model
    }
}
