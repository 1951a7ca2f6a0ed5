/// `fieldConfig`: defaults for every field plus per-field overrides.
public struct FieldConfig: Hashable, Sendable {
    public var defaults: FieldDefaults
    public var overrides: [FieldOverride]

    public init(defaults: FieldDefaults = FieldDefaults(), overrides: [FieldOverride] = []) {
        self.defaults = defaults
        self.overrides = overrides
    }
}

public struct FieldDefaults: Hashable, Sendable {
    /// Grafana unit id ("short", "percent", "s", "reqps", "currencyUSD", ...).
    public var unit: String?
    public var decimals: Int?
    public var min: Double?
    public var max: Double?
    public var thresholds: Thresholds?
    public var mappings: [ValueMapping]
    /// `color.mode` ("thresholds", "palette-classic", "fixed", ...) and `color.fixedColor`.
    public var colorMode: String?
    public var fixedColor: String?
    public var displayName: String?
    /// Text shown when there is no value.
    public var noValue: String?
    /// `custom`: per-panel-type settings (drawStyle, fillOpacity, lineWidth, ...).
    public var custom: JSONValue

    public init(
        unit: String? = nil, decimals: Int? = nil, min: Double? = nil, max: Double? = nil,
        thresholds: Thresholds? = nil, mappings: [ValueMapping] = [], colorMode: String? = nil,
        fixedColor: String? = nil, displayName: String? = nil, noValue: String? = nil,
        custom: JSONValue = .null
    ) {
        self.unit = unit
        self.decimals = decimals
        self.min = min
        self.max = max
        self.thresholds = thresholds
        self.mappings = mappings
        self.colorMode = colorMode
        self.fixedColor = fixedColor
        self.displayName = displayName
        self.noValue = noValue
        self.custom = custom
    }
}

public struct Thresholds: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable { case absolute, percentage }

    public var mode: Mode
    /// Ascending steps; the first has no value (it is the base, "-Infinity").
    public var steps: [ThresholdStep]

    public init(mode: Mode = .absolute, steps: [ThresholdStep]) {
        self.mode = mode
        self.steps = steps
    }
}

public struct ThresholdStep: Hashable, Sendable {
    /// Grafana colour name ("green", "semi-dark-orange") or "#rrggbb".
    public var color: String
    /// nil for the base step.
    public var value: Double?

    public init(color: String, value: Double?) {
        self.color = color
        self.value = value
    }
}

/// Grafana 8+ value mappings.
public enum ValueMapping: Hashable, Sendable {
    /// Exact values ("1" → UP).
    case value([String: MappingResult])
    /// Inclusive numeric range; nil bounds are open.
    case range(from: Double?, to: Double?, result: MappingResult)
    /// A regular expression over the text value.
    case regex(pattern: String, result: MappingResult)
    /// "null", "nan", "null+nan", "true", "false" or "empty".
    case special(match: String, result: MappingResult)
}

public struct MappingResult: Hashable, Sendable {
    public var text: String?
    public var color: String?
    public var index: Int?

    public init(text: String? = nil, color: String? = nil, index: Int? = nil) {
        self.text = text
        self.color = color
        self.index = index
    }
}

/// `{"matcher": {"id": "byName", "options": "p99"}, "properties": [{"id": "unit", "value": "ms"}]}`.
public struct FieldOverride: Hashable, Sendable {
    public var matcherID: String
    public var matcherOptions: JSONValue
    public var properties: [(id: String, value: JSONValue)]

    public init(matcherID: String, matcherOptions: JSONValue, properties: [(id: String, value: JSONValue)]) {
        self.matcherID = matcherID
        self.matcherOptions = matcherOptions
        self.properties = properties
    }

    public static func == (lhs: FieldOverride, rhs: FieldOverride) -> Bool {
        lhs.matcherID == rhs.matcherID && lhs.matcherOptions == rhs.matcherOptions
            && lhs.properties.count == rhs.properties.count
            && zip(lhs.properties, rhs.properties).allSatisfy { $0.id == $1.id && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(matcherID)
        hasher.combine(matcherOptions)
        for property in properties {
            hasher.combine(property.id)
            hasher.combine(property.value)
        }
    }
}
