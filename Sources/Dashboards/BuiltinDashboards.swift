/// Dashboards the viewer can show with nothing configured.
public enum BuiltinDashboards {
    /// A view of any Prometheus's own targets: what is up, and how scrapes go.
    public static let prometheusOverview = Dashboard(
        uid: "promdeck-overview", title: "Prometheus Overview", refresh: "15s",
        panels: [
            Panel(id: 1, type: "stat", title: "Targets up", gridPos: GridPos(x: 0, y: 0, w: 6, h: 5),
                  targets: [Target(expr: "sum(up)")]),
            Panel(id: 2, type: "stat", title: "Targets down", gridPos: GridPos(x: 6, y: 0, w: 6, h: 5),
                  targets: [Target(expr: "count(up == 0) or vector(0)")]),
            Panel(id: 3, type: "stat", title: "Series in head", gridPos: GridPos(x: 12, y: 0, w: 12, h: 5),
                  targets: [Target(expr: "sum(prometheus_tsdb_head_series)")]),
            Panel(id: 4, type: "timeseries", title: "Scrape duration by job", gridPos: GridPos(x: 0, y: 5, w: 12, h: 8),
                  targets: [Target(expr: "max by (job) (scrape_duration_seconds)", legendFormat: "{{job}}")],
                  fieldConfig: FieldConfig(defaults: FieldDefaults(unit: "s"))),
            Panel(id: 5, type: "timeseries", title: "Samples scraped by job", gridPos: GridPos(x: 12, y: 5, w: 12, h: 8),
                  targets: [Target(expr: "sum by (job) (scrape_samples_scraped)", legendFormat: "{{job}}")]),
            Panel(id: 6, type: "table", title: "Targets", gridPos: GridPos(x: 0, y: 13, w: 24, h: 8),
                  targets: [Target(expr: "up", instant: true, range: false, format: "table")]),
        ])
}
