import Dashboards
import PromModel
import Render

/// Everything a panel renderer needs to draw one panel.
public struct PanelViewInput: Sendable {
    public var panel: Panel
    public var state: PanelState
    public var status: PanelDataStatus
    public var start: Timestamp
    public var end: Timestamp
    public var now: Timestamp
    public var focused: Bool
    public var zoomed: Bool
}

/// Draws one whole panel (frame, title, status badge, contents) into `area`.
///
/// Seam: the render module's widgets (stat, gauge, time series, table, …) plug in here;
/// `TextPanelRenderer` is the built-in plain-text one.
public protocol PanelRendering: Sendable {
    func render(_ input: PanelViewInput, into buffer: inout Buffer, area: Rect)
}

/// A plain panel: a box, the title, the status in the corner, and per series its name, a
/// sparkline (graphs) and its last value.
public struct TextPanelRenderer: PanelRendering {
    public init() {}

    public func render(_ input: PanelViewInput, into buffer: inout Buffer, area: Rect) {
        let border = input.focused ? Style(foreground: .ansi(6), attributes: .bold) : Style(foreground: .ansi(8))
        Draw.fill(area, into: &buffer)
        Draw.box(area, style: border, into: &buffer)
        let title = input.panel.title.isEmpty ? "Panel \(input.panel.id)" : input.panel.title
        let titleWidth = Draw.text(
            " \(Draw.truncate(title, to: max(1, area.width - 4))) ", x: area.x + 1, y: area.y,
            style: Style(attributes: .bold), maxWidth: area.width - 2, into: &buffer)
        if let badge = input.status.badge {
            let style: Style = switch input.status {
            case .error: Style(foreground: .ansi(1), attributes: .bold)
            case .stale: Style(foreground: .ansi(3))
            default: Style(foreground: .ansi(8))
            }
            let room = area.width - 4 - titleWidth
            if room > 4 {
                let text = Draw.truncate(badge, to: room)
                Draw.text(" \(text) ", x: area.maxX - 3 - Draw.width(text), y: area.y, style: style, into: &buffer)
            }
        }
        let inner = area.inset(by: 1)
        guard !inner.isEmpty else { return }
        switch input.status {
        case .loading, .noData, .error:
            let message: String = switch input.status {
            case .loading: "Loading…"
            case .error(let reason): reason
            default: input.panel.fieldConfig.defaults.noValue ?? "No data"
            }
            let text = Draw.truncate(message, to: inner.width)
            Draw.text(text, x: inner.x + (inner.width - Draw.width(text)) / 2, y: inner.y + inner.height / 2,
                      style: Style(foreground: input.status == .loading ? .ansi(8) : .ansi(1)), into: &buffer)
        case .ok, .stale:
            drawSeries(input, into: &buffer, area: inner)
        }
    }

    private func drawSeries(_ input: PanelViewInput, into buffer: inout Buffer, area: Rect) {
        let unit = input.panel.fieldConfig.defaults.unit
        let decimals = input.panel.fieldConfig.defaults.decimals
        var rows: [(name: String, samples: [Sample])] = []
        for target in input.panel.targets where !target.hide {
            for series in input.state.results[target.refId]?.series ?? [] {
                rows.append((LegendName.name(series.labels, format: target.legendFormat, expr: target.expr), series.samples))
            }
        }
        let graph = input.panel.type == "timeseries" || input.panel.type == "graph"
        if rows.count == 1, !graph, area.height >= 1 {
            let value = ValueFormat.format(rows[0].samples.last?.value, unit: unit, decimals: decimals)
            Draw.text(value, x: area.x + max(0, (area.width - Draw.width(value)) / 2), y: area.y + (area.height - 1) / 2,
                      style: Style(attributes: .bold), maxWidth: area.width, into: &buffer)
            return
        }
        let valueWidth = min(12, max(6, area.width / 4))
        let nameWidth = graph ? min(24, max(4, area.width / 3)) : max(4, area.width - valueWidth - 1)
        let sparkWidth = graph ? max(0, area.width - nameWidth - valueWidth - 2) : 0
        for (index, row) in rows.prefix(area.height).enumerated() {
            let y = area.y + index
            Draw.text(Draw.truncate(row.name, to: nameWidth), x: area.x, y: y, style: Style(foreground: Palette.series(index)), into: &buffer)
            if sparkWidth > 0 {
                Draw.text(Sparkline.render(row.samples, width: sparkWidth), x: area.x + nameWidth + 1, y: y,
                          style: Style(foreground: Palette.series(index)), into: &buffer)
            }
            let value = ValueFormat.format(row.samples.last?.value, unit: unit, decimals: decimals)
            Draw.text(value, x: area.maxX - min(valueWidth, Draw.width(value)), y: y, style: Style(attributes: .bold),
                      maxWidth: valueWidth, into: &buffer)
        }
        if rows.count > area.height, area.height > 0 {
            let more = "+\(rows.count - area.height + 1) more"
            Draw.fill(Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), into: &buffer)
            Draw.text(more, x: area.x, y: area.maxY - 1, style: Style(foreground: .ansi(8)), into: &buffer)
        }
    }
}

enum Palette {
    static let colors: [Color] = [.ansi(2), .ansi(3), .ansi(4), .ansi(5), .ansi(6), .ansi(1), .ansi(10), .ansi(11)]
    static func series(_ index: Int) -> Color { colors[index % colors.count] }
}

/// Block-character sparkline of the samples, resampled to `width` columns.
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func render(_ samples: [Sample], width: Int) -> String {
        let values = samples.map(\.value).filter(\.isFinite)
        guard width > 0, !values.isEmpty, let low = values.min(), let high = values.max() else { return "" }
        let columns = min(width, values.count)
        var out = ""
        for column in 0..<columns {
            let from = column * values.count / columns, to = max(from + 1, (column + 1) * values.count / columns)
            let average = values[from..<to].reduce(0, +) / Double(to - from)
            let level = high > low ? Int((average - low) / (high - low) * 7).clamped(0, 7) : 3
            out.append(levels[level])
        }
        return out
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, self)) }
}
