import Foundation

/// Angular `singlestat` → `stat` (or `gauge` when `gauge.show`), as Grafana migrates it:
/// migrateFromAngularSinglestat and convertOldAngularValueMappings in packages/grafana-ui/
/// src/components/SingleStatShared/SingleStatBaseOptions.ts, statPanelChangedHandler in
/// public/app/plugins/panel/stat/StatMigrations.ts, gaugePanelChangedHandler in
/// public/app/plugins/panel/gauge/GaugeMigrations.ts.
enum SinglestatMigration {
    static func migrate(_ old: JSONValue) -> JSONValue {
        let isGauge = old["gauge"]?["show"]?.isTruthy == true
        var reduce: [(String, JSONValue?)] = [
            ("calcs", .array([.string(old["valueName"]?.string.flatMap(LegacyReducers.id) ?? "mean")])),
        ]
        if let column = old["tableColumn"]?.string, !column.isEmpty {
            reduce.append(("fields", .string("/^\(column)$/")))
        }
        var options: [(String, JSONValue?)] = [
            ("reduceOptions", .object(reduce)),
            ("orientation", .string("horizontal")),
        ]
        let thresholds = Self.thresholds(old)
        var unit = old["format"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        // Grafana drops prefix/postfix; promdeck keeps the text as a custom unit when the
        // format has no unit of its own, so "$" or " req" still shows.
        if unit == nil || unit == "none" || unit == "short" {
            if let prefix = old["prefix"]?.string, !prefix.isEmpty { unit = "prefix:" + prefix }
            else if let postfix = old["postfix"]?.string, !postfix.isEmpty { unit = "suffix:" + postfix.trimmingCharacters(in: .whitespaces) }
        }
        var defaults: [(String, JSONValue?)] = [
            ("unit", unit.map(JSONValue.string)),
            ("nullValueMode", old["nullPointMode"]?.isTruthy == true ? old["nullPointMode"] : nil),
            ("noValue", old["nullText"]?.isTruthy == true ? old["nullText"] : nil),
            ("decimals", old["decimals"]?.numberValue),
            ("thresholds", thresholds),
        ]
        let mappings = valueMappings(old, thresholds: thresholds)
        if !mappings.isEmpty { defaults.append(("mappings", .array(mappings))) }
        if isGauge {
            defaults.append(("min", old["gauge"]?["minValue"]?.numberValue))
            defaults.append(("max", old["gauge"]?["maxValue"]?.numberValue))
            options.append(("showThresholdMarkers", old["gauge"]?["thresholdMarkers"]))
            options.append(("showThresholdLabels", old["gauge"]?["thresholdLabels"]))
        } else {
            let sparkline = old["sparkline"]?["show"]?.isTruthy == true
            options.append(("graphMode", .string(sparkline ? "area" : "none")))
            let colorMode = old["colorBackground"]?.isTruthy == true ? "background" : old["colorValue"]?.isTruthy == true ? "value" : "none"
            options.append(("colorMode", .string(colorMode)))
            if colorMode == "none", sparkline, let line = old["sparkline"]?["lineColor"]?.string {
                defaults.append(("color", .object([("mode", .string("fixed")), ("fixedColor", .string(line))])))
            }
            if old["valueName"]?.string == "name" { options.append(("textMode", .string("name"))) }
        }
        let legacyKeys: Set<String> = [
            "valueName", "tableColumn", "format", "prefix", "postfix", "prefixFontSize", "postfixFontSize",
            "valueFontSize", "nullPointMode", "nullText", "decimals", "thresholds", "colors", "colorBackground",
            "colorValue", "colorPrefix", "colorPostfix", "valueMaps", "rangeMaps", "mappingType", "mappingTypes",
            "gauge", "sparkline", "options",
        ]
        return old.removing(legacyKeys)
            .setting("type", .string(isGauge ? "gauge" : "stat"))
            .setting("options", .object(options))
            .setting("fieldConfig", .object([("defaults", .object(defaults)), ("overrides", .array([]))]))
    }

    /// `"thresholds": "50,80"` with `colors` (one more than thresholds) → absolute steps.
    static func thresholds(_ old: JSONValue) -> JSONValue? {
        guard let text = old["thresholds"]?.string, old["thresholds"]?.isTruthy == true,
              let colors = old["colors"]?.array else { return nil }
        // JavaScript's Number(): "" is 0, anything else not numeric is NaN (kept as null).
        let levels = text.split(separator: ",", omittingEmptySubsequences: false).map { part -> Double? in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? 0 : Double(trimmed)
        }
        var steps: [JSONValue] = []
        for color in colors {
            let index = steps.count - 1
            // A colour without a level (more colours than thresholds) gets undefined: null.
            let value: JSONValue = index < 0 ? .null : (index < levels.count ? levels[index].map(JSONValue.number) ?? .null : .null)
            steps.append(.object([("value", value), ("color", color)]))
        }
        return .object([("mode", .string("absolute")), ("steps", .array(steps))])
    }

    /// valueMaps (mappingType 1) or rangeMaps (2) → Grafana 8 mappings, each coloured as
    /// Grafana does: by the threshold its text would fall in when the text is a number.
    static func valueMappings(_ old: JSONValue, thresholds: JSONValue?) -> [JSONValue] {
        let valueMaps = old["valueMaps"]?.array ?? []
        let rangeMaps = old["rangeMaps"]?.array ?? []
        var type = old["mappingType"]?.int
        if type == nil || type == 0 { type = !valueMaps.isEmpty ? 1 : !rangeMaps.isEmpty ? 2 : nil }
        switch type {
        case 1: return valueMaps.compactMap { upgrade($0, type: 1, thresholds: thresholds) }
        case 2: return rangeMaps.compactMap { upgrade($0, type: 2, thresholds: thresholds) }
        default: return []
        }
    }

    /// One legacy `{value, text}` / `{from, to, text}` mapping in the Grafana 8 form
    /// (upgradeOldAngularValueMapping; also DashboardMigrator's upgradeValueMappings).
    static func upgrade(_ old: JSONValue, type: Int, thresholds: JSONValue?) -> JSONValue? {
        let text = old["text"] ?? .null
        let color = text.scalarText.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.flatMap { activeColor($0, thresholds) }
        let result = JSONValue.object([("text", text), ("color", color.map(JSONValue.string))])
        switch type {
        case 1:
            guard let value = old["value"], !value.isNull, let key = value.scalarText else { return nil }
            if key == "null" {
                return .object([("type", .string("special")), ("options", .object([("match", .string("null")), ("result", result)]))])
            }
            return .object([("type", .string("value")), ("options", .object([(key, result)]))])
        default:
            return .object([("type", .string("range")), ("options", .object([
                ("from", old["from"]?.numberValue ?? .null), ("to", old["to"]?.numberValue ?? .null), ("result", result),
            ]))])
        }
    }

    /// getActiveThreshold: the colour of the last step whose value is at most `value`.
    static func activeColor(_ value: Double, _ thresholds: JSONValue?) -> String? {
        var color: String?
        for step in thresholds?["steps"]?.array ?? [] {
            if let level = step["value"]?.number, value < level { break }
            color = step["color"]?.string ?? color
        }
        return color
    }
}
