/// Angular `graph` → `timeseries`, as Grafana's flotToGraphOptions in
/// public/app/plugins/panel/timeseries/migrations.ts: the left y axis becomes the field
/// defaults (unit, decimals, min, max, log scale), `aliasColors` and `seriesOverrides`
/// become overrides by name (or regex for `/…/` aliases), the draw style, fill, stacking,
/// `nullPointMode` and legend options carry over, and thresholds become steps.
enum GraphMigration {
    static func migrate(_ old: JSONValue) -> JSONValue {
        let yaxes = old["yaxes"]?.array ?? []
        var y1 = axisConfig(yaxes.first)
        // The saved field defaults stay, the y axis's unit and custom win.
        for member in old["fieldConfig"]?["defaults"]?.objectMembers ?? [] where y1[member.key] == nil {
            y1 = y1.setting(member.key, member.value)
        }
        var overrides = old["fieldConfig"]?["overrides"]?.array ?? []
        for (alias, color) in old["aliasColors"]?.objectMembers ?? [] where color.isTruthy {
            overrides.append(override(matcher: "byName", alias, [("color", fixedColor(color))]))
        }
        var hasFillBelowTo = false
        for series in old["seriesOverrides"]?.array ?? [] {
            guard let alias = series["alias"]?.string, !alias.isEmpty else { continue }
            var properties: [(String, JSONValue)] = []
            var dash: (fill: String, dash: [JSONValue])?
            for (key, v) in series.objectMembers {
                switch key {
                case "yaxis":
                    if v.number == 2 { properties += axisDifferences(y1, axisConfig(yaxes.count > 1 ? yaxes[1] : nil)) }
                case "fill": properties.append(("custom.fillOpacity", times10(v)))
                case "fillBelowTo":
                    hasFillBelowTo = true
                    properties.append(("custom.fillBelowTo", v))
                case "fillGradient":
                    if v.isTruthy {
                        properties.append(("custom.fillGradient", .string("opacity")))
                        properties.append(("custom.fillOpacity", times10(v)))
                    }
                case "points": properties.append(("custom.showPoints", .string(v.isTruthy ? "always" : "never")))
                case "bars":
                    properties.append(("custom.drawStyle", .string(v.isTruthy ? "bars" : "line")))
                    if v.isTruthy { properties.append(("custom.fillOpacity", .number(100))) }
                case "lines": properties.append(("custom.lineWidth", .number(0)))
                case "linewidth": properties.append(("custom.lineWidth", v))
                case "pointradius": properties.append(("custom.pointSize", .number(2 + (v.lenientNumber ?? 0) * 2)))
                case "dashLength", "spaceLength", "dashes":
                    var current = dash ?? (old["dashes"]?.isTruthy == true ? "dash" : "solid",
                                           [old["dashLength"] ?? .number(10), old["spaceLength"] ?? .number(10)])
                    if key == "dashLength" { current.dash[0] = v } else if key == "spaceLength" { current.dash[1] = v } else { current.fill = v.isTruthy ? "dash" : "solid" }
                    dash = current
                case "stack":
                    properties.append(("custom.stacking", .object([("mode", .string("normal")), ("group", v)])))
                case "color": properties.append(("color", fixedColor(v)))
                default: break
                }
            }
            if let dash { properties.append(("custom.lineStyle", .object([("fill", .string(dash.fill)), ("dash", .array(dash.dash))]))) }
            if !properties.isEmpty {
                overrides.append(override(matcher: alias.count > 1 && alias.hasPrefix("/") && alias.hasSuffix("/") ? "byRegexp" : "byName", alias, properties))
            }
        }
        y1 = y1.setting("custom", graphCustom(old, base: y1["custom"] ?? .object([]), hasFillBelowTo: hasFillBelowTo))
        if let mode = old["nullPointMode"], !mode.isNull { y1 = y1.setting("nullValueMode", mode) }
        if let (thresholds, style) = thresholdSteps(old["thresholds"]?.array ?? []) {
            y1 = y1.setting("thresholds", thresholds)
            y1 = y1.setting("custom", (y1["custom"] ?? .object([])).setting("thresholdsStyle", .object([("mode", .string(style))])))
        }
        let options = JSONValue.object([
            ("legend", legend(old["legend"])),
            ("tooltip", .object([("mode", .string("single"))])),
        ])
        let legacyKeys: Set<String> = [
            "yaxes", "xaxis", "aliasColors", "seriesOverrides", "bars", "lines", "points", "pointradius", "linewidth",
            "fill", "fillGradient", "dashes", "dashLength", "spaceLength", "steppedLine", "stack", "percentage",
            "nullPointMode", "legend", "thresholds", "tooltip", "yaxis", "grid", "renderer", "options", "fieldConfig",
        ]
        return old.removing(legacyKeys).setting("type", .string("timeseries"))
            .setting("options", options)
            .setting("fieldConfig", .object([("defaults", y1), ("overrides", .array(overrides))]))
    }

    /// getFieldConfigFromOldAxis: an Angular y axis as field config.
    static func axisConfig(_ axis: JSONValue?) -> JSONValue {
        guard let axis, case .object = axis else { return .object([]) }
        var custom: [(String, JSONValue?)] = [("axisPlacement", .string(axis["show"]?.isTruthy == true ? "auto" : "hidden"))]
        if let label = axis["label"], label.isTruthy { custom.append(("axisLabel", label)) }
        if let log = axis["logBase"]?.number, log == 2 || log == 10 {
            custom.append(("scaleDistribution", .object([("type", .string("log")), ("log", .number(log))])))
        }
        return .object([
            ("unit", axis["format"].flatMap { $0.isNull ? nil : $0 }),
            ("decimals", axis["decimals"]?.numberValue),
            ("min", axis["min"]?.numberValue),
            ("max", axis["max"]?.numberValue),
            ("custom", .object(custom)),
        ])
    }

    /// fillY2DynamicValues: the right axis's settings that differ from the left, as override properties.
    static func axisDifferences(_ y1: JSONValue, _ y2: JSONValue) -> [(String, JSONValue)] {
        var properties: [(String, JSONValue)] = []
        for (key, value) in y2.objectMembers where key != "custom" && y1[key] != value { properties.append((key, value)) }
        for (key, value) in (y2["custom"] ?? .null).objectMembers where y1["custom"]?[key] != value {
            properties.append(("custom." + key, value))
        }
        return properties
    }

    static func graphCustom(_ old: JSONValue, base: JSONValue, hasFillBelowTo: Bool) -> JSONValue {
        var graph = base
        let drawStyle = old["bars"]?.isTruthy == true ? "bars" : old["lines"]?.isTruthy == true ? "line" : "points"
        graph = graph.setting("drawStyle", .string(drawStyle))
        if old["points"]?.isTruthy == true {
            graph = graph.setting("showPoints", .string("always"))
            if let radius = old["pointradius"]?.number { graph = graph.setting("pointSize", .number(2 + radius * 2)) }
        } else if drawStyle != "points" {
            graph = graph.setting("showPoints", .string("never"))
        }
        graph = graph.setting("lineWidth", old["linewidth"])
        if old["dashes"]?.isTruthy == true {
            graph = graph.setting("lineStyle", .object([("fill", .string("dash")), ("dash", .array([old["dashLength"] ?? .number(10), old["spaceLength"] ?? .number(10)]))]))
        }
        if hasFillBelowTo {
            graph = graph.setting("fillOpacity", .number(35))
        } else if let fill = old["fill"]?.number {
            graph = graph.setting("fillOpacity", .number(fill * 10))
        }
        if let gradient = old["fillGradient"]?.number, gradient > 0 {
            graph = graph.setting("gradientMode", .string("opacity")).setting("fillOpacity", .number(gradient * 10))
        }
        graph = graph.setting("spanNulls", .bool(old["nullPointMode"]?.string == "null"))
        if old["steppedLine"]?.isTruthy == true { graph = graph.setting("lineInterpolation", .string("stepAfter")) }
        if drawStyle == "bars" { graph = graph.setting("fillOpacity", .number(100)) }
        if old["stack"]?.isTruthy == true {
            graph = graph.setting("stacking", .object([("mode", .string("normal")), ("group", .string("A"))]))
        }
        return graph
    }

    /// The legend: shown as a list or table, hidden, right-hand, with values from the
    /// flags that are set (`avg`, `current`, `max`, …) in file order.
    static func legend(_ old: JSONValue?) -> JSONValue {
        var displayMode = "list"
        var placement = "bottom"
        var calcs: [JSONValue] = []
        var show = true
        if let old, case .object = old {
            show = old["show"]?.isTruthy == true
            if show { displayMode = old["alignAsTable"]?.isTruthy == true ? "table" : "list" }
            if old["rightSide"]?.isTruthy == true { placement = "right" }
            if old["values"]?.isTruthy == true {
                calcs = old.objectMembers.filter { $0.value.isTruthy }.compactMap { LegacyReducers.id($0.key).map(JSONValue.string) }
            }
        }
        // Schema 37 writes a hidden legend as showLegend false with the list mode.
        return .object([
            ("showLegend", .bool(show)), ("displayMode", .string(displayMode)),
            ("placement", .string(placement)), ("calcs", .array(calcs)),
        ])
    }

    /// Angular graph thresholds (`op` gt/lt, colour modes) → threshold steps and the style.
    static func thresholdSteps(_ thresholds: [JSONValue]) -> (JSONValue, String)? {
        guard !thresholds.isEmpty else { return nil }
        let sorted = thresholds.sorted { ($0["value"]?.lenientNumber ?? 0) < ($1["value"]?.lenientNumber ?? 0) }
        var steps: [(value: JSONValue, color: String)] = []
        var area = false, line = false
        for (index, threshold) in sorted.enumerated() {
            let next = index + 1 < sorted.count ? sorted[index + 1] : nil
            let value = threshold["value"] ?? .null
            if threshold["fill"]?.isTruthy == true { area = true }
            if threshold["line"]?.isTruthy == true { line = true }
            switch threshold["op"]?.string {
            case "gt": steps.append((value, color(threshold)))
            case "lt":
                if steps.isEmpty { steps.append((.null, color(threshold))) }
                if let next, next["op"]?.string == "lt" {
                    steps.append((value, color(next)))
                } else {
                    steps.append((value, "transparent"))
                }
            default: break
            }
        }
        guard !steps.isEmpty else { return nil }
        if !steps[0].value.isNull { steps.insert((.null, "transparent"), at: 0) }
        let style = line && area ? "line+area" : area ? "area" : "line"
        let encoded = steps.map { JSONValue.object([("value", $0.value), ("color", .string($0.color))]) }
        return (.object([("mode", .string("absolute")), ("steps", .array(encoded))]), style)
    }

    static func color(_ threshold: JSONValue) -> String {
        switch threshold["colorMode"]?.string {
        case "critical": "red"
        case "warning": "orange"
        case "custom": threshold["fillColor"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? threshold["lineColor"]?.string ?? "red"
        default: "red"
        }
    }

    static func override(matcher: String, _ options: String, _ properties: [(String, JSONValue)]) -> JSONValue {
        .object([
            ("matcher", .object([("id", .string(matcher)), ("options", .string(options))])),
            ("properties", .array(properties.map { .object([("id", .string($0.0)), ("value", $0.1)]) })),
        ])
    }

    static func fixedColor(_ color: JSONValue) -> JSONValue {
        .object([("mode", .string("fixed")), ("fixedColor", color)])
    }

    static func times10(_ v: JSONValue) -> JSONValue { .number((v.lenientNumber ?? 0) * 10) }
}
