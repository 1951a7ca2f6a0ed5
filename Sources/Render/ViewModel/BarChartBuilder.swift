import PromModel
import Dashboards

/// barchart (public/app/plugins/panel/barchart): the data as frames (after the panel's
/// transformations; several frames are joined on time first, as the panel does), then the
/// x field (`xField`, else the first string field, else the time field) labels the groups
/// and every number field is a bar in each.
enum BarChartBuilder {
    static func build(panel: Panel, frames series: [SeriesFrame], data: PanelData, theme: Theme) -> BarChartModel {
        var frames = Transformations.apply(panel, to: DataFrame.frames(panel: panel, series: series))
        if frames.count > 1 { frames = FrameTransforms.joinByField(frames, .object([])) }
        let orientation = panel.options.orientation ?? "auto"
        let horizontal: Bool? = orientation == "auto" ? nil : orientation == "horizontal"
        guard let frame = frames.first else { return BarChartModel(groups: [], horizontal: horizontal, maxValue: 1) }
        let xName = panel.options.raw["xField"]?.string
        let x = frame.fields.first { $0.shownName == xName || $0.name == xName }
            ?? frame.fields.first { $0.kind == .string } ?? frame.fields.first { $0.kind == .time }
        let valueFields = frame.fields.filter { $0.kind == .number && $0 != x }
        var maxValue = 0.0
        let groups = (0..<frame.length).map { row -> BarChartModel.Group in
            let label: String
            if let x, row < x.values.count {
                label = x.kind == .time ? TimeLabels.hourMinute(Int64(x.values[row].number ?? 0), offset: theme.options.timeZoneOffset) : x.values[row].text
            } else {
                label = String(row + 1)
            }
            let bars = valueFields.enumerated().map { index, field -> BarChartModel.Bar in
                let value = row < field.values.count ? field.values[row].number : nil
                let config = FieldOverrides.config(for: OverrideField(displayName: field.shownName, name: field.name, refId: frame.refId, type: "number", samples: []),
                                                   in: panel.fieldConfig)
                let colorName = theme.seriesColorName(index)
                let display = DisplayProcessor(config: config, min: 0, max: 1, seriesColor: colorName).display(value)
                if let value, value.isFinite { maxValue = max(maxValue, abs(value)) }
                // Bars take the series colour unless the field colours by thresholds explicitly.
                let color = config.colorMode == "thresholds" ? (display.color ?? ValueColor(name: colorName)) : ValueColor(name: colorName)
                return BarChartModel.Bar(name: Sanitizer.visible(field.shownName), value: value, text: Sanitizer.visible(display.text), color: color)
            }
            return BarChartModel.Group(label: Sanitizer.visible(label), bars: bars)
        }
        return BarChartModel(groups: groups, horizontal: horizontal, maxValue: maxValue > 0 ? maxValue : 1)
    }
}
