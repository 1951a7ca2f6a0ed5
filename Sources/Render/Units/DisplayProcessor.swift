import Dashboards

/// One value ready to show: the number, its text in the field's unit, and its colour.
public struct DisplayValue: Hashable, Sendable {
    /// The number, or nil for "no value".
    public var numeric: Double?
    public var formatted: FormattedValue
    public var color: ValueColor?
    /// Position between the field's min and max, 0…1 (for gauges and bars).
    public var percent: Double

    public init(numeric: Double?, formatted: FormattedValue, color: ValueColor?, percent: Double) {
        self.numeric = numeric
        self.formatted = formatted
        self.color = color
        self.percent = percent
    }

    public var text: String { formatted.description }
}

/// Grafana's display processor for one field: mappings, then unit and decimals, then colour
/// by thresholds (or the fixed/series colour), plus the percentage within min…max.
public struct DisplayProcessor: Hashable, Sendable {
    public var config: FieldDefaults
    public var min: Double
    public var max: Double
    /// The series colour for palette colour modes.
    public var seriesColor: String

    public init(config: FieldDefaults, min: Double, max: Double, seriesColor: String = "green") {
        self.config = config
        self.min = min
        self.max = max
        self.seriesColor = seriesColor
    }

    public var thresholds: Thresholds { config.thresholds ?? defaultThresholds }

    /// Thresholds colour the value unless the colour mode says fixed or palette.
    var usesThresholds: Bool {
        switch config.colorMode {
        case nil, "thresholds": true
        default: false
        }
    }

    public func display(_ value: Double?) -> DisplayValue {
        let percent: Double = {
            guard let value, value.isFinite, max > min else { return 0 }
            return Swift.min(1, Swift.max(0, (value - min) / (max - min)))
        }()
        let mapped = ValueMapper.match(value, mappings: config.mappings)
        var color = baseColor(for: value)
        if let mappedColor = mapped?.color { color = ValueColor(name: mappedColor, level: color?.level ?? 0) }
        if let text = mapped?.text {
            return DisplayValue(numeric: value, formatted: FormattedValue(text: text), color: color, percent: percent)
        }
        guard let value else {
            return DisplayValue(numeric: nil, formatted: FormattedValue(text: config.noValue ?? "No data"), color: nil, percent: 0)
        }
        let formatted = ValueFormat.format(value, unit: config.unit, decimals: config.decimals)
        return DisplayValue(numeric: value, formatted: formatted, color: color, percent: percent)
    }

    func baseColor(for value: Double?) -> ValueColor? {
        switch config.colorMode {
        case "fixed", "shades":
            return ValueColor(name: config.fixedColor ?? seriesColor)
        case let mode? where mode.hasPrefix("palette") || mode.hasPrefix("continuous"):
            return ValueColor(name: seriesColor)
        default:
            guard let value, !value.isNaN, let active = thresholds.activeStep(for: value, min: min, max: max) else { return nil }
            return ValueColor(name: active.step.color, level: active.index)
        }
    }

    /// Formats an axis or legend number in this field's unit.
    public func format(_ value: Double, decimals: Int? = nil) -> String {
        ValueFormat.format(value, unit: config.unit, decimals: decimals ?? config.decimals).description
    }
}
