/// A colour a value was given by thresholds, mappings or the series palette: the Grafana
/// name plus its rank, so a monochrome terminal can still tell the levels apart.
public struct ValueColor: Hashable, Sendable, Codable {
    /// Grafana colour reference ("green", "#FF0000").
    public var name: String
    /// Threshold step index (0 = base); higher means more severe.
    public var level: Int

    public init(name: String, level: Int = 0) {
        self.name = name
        self.level = level
    }
}

/// Styles and glyphs for one output device, built from `RenderOptions`.
public struct Theme: Hashable, Sendable {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public var isMonochrome: Bool { options.capability == .monochrome }
    public var ascii: Bool { options.asciiOnly }

    /// A Grafana colour name as a terminal colour at this capability.
    public func color(_ name: String) -> Color {
        guard let (r, g, b) = GrafanaColors.rgb(name) else { return .default }
        return Color.rgb(r, g, b).downgraded(to: options.capability)
    }

    /// Foreground style for a coloured value. In monochrome, levels become attributes:
    /// base plain, first step bold, higher steps reverse video.
    public func style(for value: ValueColor?, bold: Bool = false) -> Style {
        guard let value else { return Style(attributes: bold ? .bold : []) }
        if isMonochrome {
            switch value.level {
            case ..<1: return Style(attributes: bold ? .bold : [])
            case 1: return Style(attributes: .bold)
            default: return Style(attributes: [.bold, .reverse])
            }
        }
        return Style(foreground: color(value.name), attributes: bold ? .bold : [])
    }

    /// The colour of the n-th series of a panel.
    public func seriesColorName(_ index: Int) -> String {
        let colors = options.palette.colors
        return colors[((index % colors.count) + colors.count) % colors.count]
    }

    // UI styles.
    public var border: Style { isMonochrome ? Style(attributes: .dim) : Style(foreground: color("#5A5F69").downgradedFallback(.ansi(7))) }
    public var focusedBorder: Style { isMonochrome ? Style(attributes: .bold) : Style(foreground: color("blue"), attributes: .bold) }
    public var title: Style { Style(attributes: .bold) }
    public var dimText: Style { isMonochrome ? Style(attributes: .dim) : Style(foreground: color("#8E8E8E").downgradedFallback(.ansi(7))) }
    public var errorText: Style { isMonochrome ? Style(attributes: [.bold, .reverse]) : Style(foreground: color("red"), attributes: .bold) }
    public var warningText: Style { isMonochrome ? Style(attributes: [.bold, .underline]) : Style(foreground: color("orange")) }
    public var loadingText: Style { isMonochrome ? Style(attributes: .dim) : Style(foreground: color("blue")) }
    public var header: Style { Style(attributes: [.reverse]) }
    public var footer: Style { isMonochrome ? Style(attributes: .dim) : Style(foreground: color("#8E8E8E").downgradedFallback(.ansi(7))) }

    // Chrome: the header bar, status line and dialogs. ANSI colours read on every colour
    // terminal; monochrome (NO_COLOR, --no-color) gets attributes only.
    public var headerBar: Style { isMonochrome ? Style(attributes: .reverse) : Style(foreground: .ansi(15), background: .ansi(4)) }
    public var headerTitle: Style { isMonochrome ? Style(attributes: [.reverse, .bold]) : Style(foreground: .ansi(15), background: .ansi(4), attributes: .bold) }
    /// The header's datasource-down banner: it must read as an alarm on any terminal.
    public var headerAlert: Style { isMonochrome ? Style(attributes: [.bold, .underline]) : Style(foreground: .ansi(15), background: .ansi(1), attributes: .bold) }
    public var pausedBadge: Style { isMonochrome ? Style(attributes: .bold) : Style(foreground: .ansi(0), background: .ansi(3), attributes: .bold) }
    public var statusText: Style { isMonochrome ? .plain : Style(foreground: .ansi(2)) }
    public var dialogBorder: Style { isMonochrome ? .plain : Style(foreground: .ansi(6)) }
    public var dialogTitle: Style { isMonochrome ? Style(attributes: .bold) : Style(foreground: .ansi(6), attributes: .bold) }
    public var selected: Style { isMonochrome ? Style(attributes: [.reverse, .bold]) : Style(foreground: .ansi(0), background: .ansi(6), attributes: .bold) }

    /// Text as this theme may show it: ASCII-only themes transliterate or replace the rest.
    public func displayed(_ text: String) -> String { ascii ? Sanitizer.ascii(text) : text }
}

extension Color {
    /// 8-colour terminals map greys to black; use a readable fallback instead.
    func downgradedFallback(_ fallback: Color) -> Color {
        if case .ansi(0) = self { return fallback }
        return self
    }
}
