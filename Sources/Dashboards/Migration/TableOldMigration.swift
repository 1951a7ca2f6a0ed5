import Foundation

/// Angular `table-old` → `table`, as Grafana's tablePanelChangedHandler in
/// public/app/plugins/panel/table/migrations.ts: the `/.*/` style becomes the field
/// defaults, every other style an override by name (or regex), and `transform` a
/// transformation.
enum TableOldMigration {
    static let transforms = [
        "timeseries_to_rows": "seriesToRows", "timeseries_to_columns": "seriesToColumns",
        "timeseries_aggregations": "reduce", "table": "merge",
    ]
    static let columns = ["avg": "mean", "min": "min", "max": "max", "total": "sum", "current": "lastNotNull", "count": "count"]
    static let colorModes = ["cell": "color-background", "row": "color-background", "value": "color-text"]

    static func migrate(_ old: JSONValue) -> JSONValue {
        let styles = old["styles"]?.array ?? []
        var transformations = old["transformations"]?.array ?? []
        if let transform = old["transform"]?.string, let id = transforms[transform] {
            var options: [(String, JSONValue?)] = [("reducers", .array([]))]
            if transform == "timeseries_aggregations" {
                options = [
                    ("reducers", .array((old["columns"]?.array ?? []).compactMap { $0["value"]?.string.flatMap { columns[$0] }.map(JSONValue.string) })),
                    ("includeTimeField", .bool(false)),
                ]
            }
            transformations.append(.object([("id", .string(id)), ("options", .object(options))]))
        }
        let defaults = styles.first { $0["pattern"]?.string == "/.*/" }.map(defaultsConfig) ?? .object([("custom", .object([]))])
        let overrides = styles.filter { $0["pattern"]?.string != "/.*/" }.map(override)
        return old.removing(["styles", "transform", "columns", "fontSize", "scroll", "sort", "pageSize", "showHeader"])
            .setting("type", .string("table"))
            .setting("transformations", .array(transformations))
            .setting("fieldConfig", .object([("defaults", defaults), ("overrides", .array(overrides))]))
    }

    static func defaultsConfig(_ style: JSONValue) -> JSONValue {
        var custom = JSONValue.object([])
        if let align = style["align"]?.string, align != "auto" { custom = custom.setting("align", .string(align)) }
        if let mode = style["colorMode"]?.string, let type = colorModes[mode] {
            custom = custom.setting("cellOptions", .object([("type", .string(type))]))
        }
        return .object([
            ("unit", style["unit"].flatMap { $0.isNull ? nil : $0 }),
            ("decimals", style["decimals"].flatMap { $0.isNull ? nil : $0 }),
            ("displayName", style["alias"].flatMap { $0.isTruthy ? $0 : nil }),
            ("custom", custom),
            ("thresholds", thresholds(style)),
        ])
    }

    /// migrateTableStyleToOverride.
    static func override(_ style: JSONValue) -> JSONValue {
        let pattern = style["pattern"]?.string ?? ""
        let isRegex = pattern.count >= 2 && pattern.hasPrefix("/") && pattern.hasSuffix("/")
        var properties: [(String, JSONValue)] = []
        if let alias = style["alias"], alias.isTruthy { properties.append(("displayName", alias)) }
        if let unit = style["unit"], unit.isTruthy { properties.append(("unit", unit)) }
        if let decimals = style["decimals"], decimals.isTruthy { properties.append(("decimals", decimals)) }
        if style["type"]?.string == "date" { properties.append(("unit", .string("time: " + (style["dateFormat"]?.string ?? "YYYY-MM-DD HH:mm:ss")))) }
        // Newer Grafana hides "hidden" columns with custom.hidden (the old table drew nothing for them).
        if style["type"]?.string == "hidden" { properties.append(("custom.hidden", .bool(true))) }
        if style["link"]?.isTruthy == true {
            properties.append(("links", .array([.object([
                ("title", style["linkTooltip"] ?? .string("")), ("url", style["linkUrl"] ?? .string("")),
                ("targetBlank", style["linkTargetBlank"] ?? .bool(false)),
            ])])))
        }
        if let mode = style["colorMode"]?.string, !mode.isEmpty {
            properties.append(("custom.cellOptions", .object([("type", colorModes[mode].map(JSONValue.string) ?? .null)])))
        }
        if let align = style["align"]?.string { properties.append(("custom.align", align == "auto" ? .null : .string(align))) }
        if let thresholds = thresholds(style) { properties.append(("thresholds", thresholds)) }
        return GraphMigration.override(matcher: isRegex ? "byRegexp" : "byName", pattern, properties)
    }

    /// generateThresholds: a base step then one per threshold, coloured in order.
    static func thresholds(_ style: JSONValue) -> JSONValue? {
        guard let levels = style["thresholds"]?.array, !levels.isEmpty else { return nil }
        let colors = style["colors"]?.array ?? []
        let values: [JSONValue] = [.null] + levels.map { level in
            // parseInt: the leading integer of a string, else NaN (null).
            if let n = level.number { return .number(n) }
            let digits = (level.string ?? "").trimmingCharacters(in: .whitespaces).prefix { $0.isNumber || $0 == "-" }
            return Int(digits).map { .number(Double($0)) } ?? .null
        }
        let steps = values.enumerated().map { index, value in
            JSONValue.object([("color", index < colors.count ? colors[index] : .null), ("value", value)])
        }
        return .object([("mode", .string("absolute")), ("steps", .array(steps))])
    }
}
