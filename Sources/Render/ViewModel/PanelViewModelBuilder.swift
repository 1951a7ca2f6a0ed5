import PromModel
import Dashboards

/// Builds a panel's view model from the panel definition and its query results.
public struct PanelViewModelBuilder: Sendable {
    public var theme: Theme
    /// Alerts and dashboards for the alert and dashboard list panels.
    public var context: PanelContext

    public init(theme: Theme = Theme(), context: PanelContext = PanelContext()) {
        self.theme = theme
        self.context = context
    }

    public func build(panel: Panel, data: PanelData?) -> PanelViewModel {
        let title = Sanitizer.visible(panel.title)
        switch panel.type {
        case "row":
            return PanelViewModel(id: panel.id, type: panel.type, title: title, status: .ok,
                                  content: .row(collapsed: panel.collapsed, panelCount: panel.panels.count))
        case "text":
            return PanelViewModel(id: panel.id, type: panel.type, title: title, status: .ok, content: .text(panel.options.mode == "html" ? Markdown.fromHTML(panel.options.content ?? "") : panel.options.content ?? ""))
        case "alertlist":
            guard let alerts = context.alerts else {
                return PanelViewModel(id: panel.id, type: panel.type, title: title, status: .loading, content: .empty)
            }
            return PanelViewModel(id: panel.id, type: panel.type, title: title, status: .ok,
                                  content: .alertList(AlertListBuilder.build(panel: panel, alerts: alerts, now: context.alertsTime)))
        case "dashlist":
            return PanelViewModel(id: panel.id, type: panel.type, title: title, status: .ok,
                                  content: .dashList(DashListBuilder.build(panel: panel, dashboards: context.dashboards)))
        case "stat", "singlestat", "gauge", "bargauge", "timeseries", "graph", "table", "table-old", "heatmap", "piechart",
             "state-timeline", "status-history", "histogram", "barchart":
            break
        default:
            return PanelViewModel(id: panel.id, type: panel.type, title: title, status: .ok, content: .unsupported(panel.type))
        }
        guard let data else {
            return PanelViewModel(id: panel.id, type: panel.type, title: title, status: .loading, content: .empty)
        }
        let frames = seriesFrames(panel: panel, data: data)
        let failures = data.results.compactMap { result -> (String, QueryError)? in
            if case .failure(let error) = result.outcome { return (result.refId, error) }
            return nil
        }
        var warnings = failures.map { "\($0.0): \(Sanitizer.visible($0.1.summary))" }
        // Grafana hands native histograms to panels as heatmap cells (pkg/promlib/converter/prom.go):
        // heatmap and histogram panels draw them, the others have no float to show.
        let drawsHistograms = panel.type == "heatmap" || panel.type == "histogram"
        if !drawsHistograms {
            let refIds = Set(frames.filter { !$0.histograms.isEmpty }.map(\.refId)).sorted()
            warnings += refIds.map { "\($0): native histograms are drawn by heatmap and histogram panels; wrap the query in histogram_quantile, histogram_count or histogram_sum" }
        }
        let hasData = frames.contains { !$0.samples.isEmpty || (drawsHistograms && !$0.histograms.isEmpty) }
        var status: PanelStatus = .ok
        if !failures.isEmpty && failures.count == data.results.count {
            status = .error(Sanitizer.visible(failures[0].1.summary))
        } else if let age = data.staleAge {
            status = .stale(age: age)
        } else if !hasData {
            status = data.isLoading && data.results.isEmpty ? .loading : .noData
        }
        if case .error = status {
            return PanelViewModel(id: panel.id, type: panel.type, title: title, status: status, warnings: warnings, content: .empty, series: [])
        }
        let content = hasData ? self.content(panel: panel, frames: frames, data: data) : .empty
        var model = PanelViewModel(id: panel.id, type: panel.type, title: title, status: status, warnings: warnings, content: content, series: frames)
        if case .stale = status { model.staleReason = data.staleReason.map(Sanitizer.visible) }
        return model
    }

    /// Every successful target's series, named by legendFormat and coloured by the palette,
    /// with the overrides that match it applied (a displayName renames it).
    public func seriesFrames(panel: Panel, data: PanelData) -> [SeriesFrame] {
        var frames: [SeriesFrame] = []
        for result in data.results {
            guard case .success(let response) = result.outcome else { continue }
            let target = panel.targets.first { $0.refId == result.refId }
            for series in response.result.series {
                let name = LegendFormat.name(
                    format: result.legendFormat ?? target?.legendFormat ?? "", labels: series.labels,
                    expr: result.expr ?? target?.expr ?? result.refId)
                let field = OverrideField(displayName: name, name: "Value", refId: result.refId, type: "number", samples: series.samples)
                let config = FieldOverrides.config(for: field, in: panel.fieldConfig)
                let shown = config.displayName.map { FieldOverrides.rename($0, labels: series.labels, original: name) } ?? name
                frames.append(SeriesFrame(
                    name: Sanitizer.visible(shown), refId: result.refId, labels: series.labels,
                    samples: series.samples, histograms: series.histograms, colorName: theme.seriesColorName(frames.count), config: config))
            }
        }
        return frames
    }

    func content(panel: Panel, frames: [SeriesFrame], data: PanelData) -> PanelContent {
        switch panel.type {
        case "stat", "singlestat": .stat(StatBuilder.stat(panel: panel, frames: frames))
        case "gauge": .gauge(StatBuilder.gauge(panel: panel, frames: frames))
        case "bargauge": .barGauge(StatBuilder.barGauge(panel: panel, frames: frames))
        case "timeseries", "graph": .timeSeries(TimeSeriesBuilder.build(panel: panel, frames: frames, data: data))
        case "table", "table-old":
            Transformations.applies(to: panel)
                ? .table(FrameTable.build(panel: panel, frames: frames, data: data, timeZoneOffset: theme.options.timeZoneOffset))
                : .table(TableBuilder.build(panel: panel, frames: frames, data: data))
        case "heatmap": .heatmap(NativeHistogramViews.heatmap(panel: panel, frames: frames) ?? HeatmapBuilder.build(frames: frames))
        case "piechart": .pie(PieBuilder.build(panel: panel, frames: frames))
        case "state-timeline", "status-history": .stateTimeline(StateTimelineBuilder.build(panel: panel, frames: frames, data: data, theme: theme))
        case "histogram": .histogram(NativeHistogramViews.histogram(panel: panel, frames: frames) ?? HistogramBuilder.build(panel: panel, frames: frames))
        case "barchart": .barChart(BarChartBuilder.build(panel: panel, frames: frames, data: data, theme: theme))
        default: .unsupported(panel.type)
        }
    }
}
