import Foundation

/// Grafana's text panel: its markdown rendered (see Markdown) and cut to the pane.
public struct TextPanelWidget: Widget {
    public var content: String

    public init(content: String) { self.content = content }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        for (index, line) in Markdown.lines(content, width: area.width, theme: theme).prefix(area.height).enumerated() {
            var x = area.x
            for span in line {
                x = buffer.writeFitted(span.text, x: x, y: area.y + index, style: span.style, area: area, theme: theme)
            }
        }
    }
}

/// A dashboard row header: ▾ open or ▸ collapsed (with its panel count), then a rule.
public struct RowHeaderWidget: Widget {
    public var title: String
    public var collapsed: Bool
    public var panelCount: Int
    public var focused: Bool

    public init(title: String, collapsed: Bool, panelCount: Int, focused: Bool = false) {
        self.title = title
        self.collapsed = collapsed
        self.panelCount = panelCount
        self.focused = focused
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let glyphs = theme.glyphs
        var text = (collapsed ? glyphs.rowCollapsed : glyphs.rowOpen) + " " + (title.isEmpty ? "Row" : title)
        if collapsed { text += " (\(panelCount) panel\(panelCount == 1 ? "" : "s"))" }
        let style = focused ? theme.focusedBorder : Style(attributes: .bold)
        var x = buffer.writeFitted(text, x: area.x, y: area.y, style: style, area: area, theme: theme)
        x += 1
        while x < area.maxX {
            buffer[x, area.y] = Cell(glyphs.horizontal, style: theme.border)
            x += 1
        }
    }
}

/// A centred message: "Unsupported panel type", "No data", and the like.
public struct MessageWidget: Widget {
    public var lines: [String]
    public var style: Style

    public init(_ lines: [String], style: Style = .plain) {
        self.lines = lines
        self.style = style
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let wrapped = lines.flatMap { TextFit.wrap($0, width: area.width) }
        let top = area.y + max(0, (area.height - wrapped.count) / 2)
        for (index, line) in wrapped.enumerated() where top + index < area.maxY {
            buffer.writeCentered(line, y: top + index, style: style, area: area, theme: theme)
        }
    }
}
