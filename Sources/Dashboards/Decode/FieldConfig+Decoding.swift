extension FieldConfig {
    init(decoding value: JSONValue?) {
        guard let value else {
            self.init()
            return
        }
        let overrides = (value["overrides"]?.array ?? []).compactMap(FieldOverride.init(decoding:))
        self.init(defaults: FieldDefaults(decoding: value["defaults"]), overrides: overrides)
    }
}

extension FieldDefaults {
    init(decoding value: JSONValue?) {
        let v = value ?? .null
        self.init(
            unit: v["unit"]?.string.flatMap { $0.isEmpty ? nil : $0 },
            decimals: v["decimals"]?.lenientInt,
            min: v["min"]?.lenientNumber,
            max: v["max"]?.lenientNumber,
            thresholds: Thresholds(decoding: v["thresholds"]),
            mappings: (v["mappings"]?.array ?? []).flatMap(ValueMapping.decode),
            colorMode: v["color"]?["mode"]?.string,
            fixedColor: v["color"]?["fixedColor"]?.string,
            displayName: v["displayName"]?.string,
            noValue: v["noValue"]?.scalarText,
            custom: v["custom"] ?? .null
        )
    }
}

extension Thresholds {
    init?(decoding value: JSONValue?) {
        guard let value, let steps = value["steps"]?.array else { return nil }
        let mode = value["mode"]?.string.flatMap(Mode.init(rawValue:)) ?? .absolute
        // Grafana writes the base step's value as null ("-Infinity").
        let decoded = steps.map { ThresholdStep(color: $0["color"]?.string ?? "green", value: $0["value"]?.lenientNumber) }
        self.init(mode: mode, steps: decoded)
    }
}

extension ValueMapping {
    /// Grafana 8+ mappings, plus the legacy `{type: 1, value, text}` / `{type: 2, from, to, text}`.
    static func decode(_ value: JSONValue) -> [ValueMapping] {
        if let legacyType = value["type"]?.int {
            let result = MappingResult(text: value["text"]?.scalarText)
            switch legacyType {
            case 1:
                guard let key = value["value"]?.scalarText else { return [] }
                return [.value([key: result])]
            case 2:
                return [.range(from: value["from"]?.lenientNumber, to: value["to"]?.lenientNumber, result: result)]
            default:
                return []
            }
        }
        let options = value["options"] ?? .null
        switch value["type"]?.string {
        case "value":
            var results: [String: MappingResult] = [:]
            for member in options.objectMembers { results[member.key] = MappingResult(decoding: member.value) }
            return [.value(results)]
        case "range":
            return [.range(from: options["from"]?.lenientNumber, to: options["to"]?.lenientNumber,
                           result: MappingResult(decoding: options["result"]))]
        case "regex":
            guard let pattern = options["pattern"]?.string else { return [] }
            return [.regex(pattern: pattern, result: MappingResult(decoding: options["result"]))]
        case "special":
            guard let match = options["match"]?.string else { return [] }
            return [.special(match: match, result: MappingResult(decoding: options["result"]))]
        default:
            return []
        }
    }
}

extension MappingResult {
    init(decoding value: JSONValue?) {
        self.init(text: value?["text"]?.scalarText, color: value?["color"]?.string, index: value?["index"]?.int)
    }
}

extension FieldOverride {
    init?(decoding value: JSONValue) {
        guard let matcher = value["matcher"], let id = matcher["id"]?.string else { return nil }
        let properties = (value["properties"]?.array ?? []).compactMap { property -> (id: String, value: JSONValue)? in
            guard let id = property["id"]?.string else { return nil }
            return (id: id, value: property["value"] ?? .null)
        }
        self.init(matcherID: id, matcherOptions: matcher["options"] ?? .null, properties: properties)
    }
}

extension PanelOptions {
    init(decoding value: JSONValue?) {
        let v = value ?? .null
        let reduce = v["reduceOptions"]
        let defaults = ReduceOptions()
        self.init(
            reduceOptions: ReduceOptions(
                calcs: reduce?["calcs"]?.stringList ?? defaults.calcs,
                values: reduce?["values"]?.bool ?? defaults.values,
                limit: reduce?["limit"]?.lenientInt,
                fields: reduce?["fields"]?.string ?? defaults.fields),
            orientation: v["orientation"]?.string,
            displayMode: v["displayMode"]?.string,
            colorMode: v["colorMode"]?.string,
            graphMode: v["graphMode"]?.string,
            textMode: v["textMode"]?.string,
            showThresholdMarkers: v["showThresholdMarkers"]?.bool,
            legend: LegendOptions(decoding: v["legend"]),
            pieType: v["pieType"]?.string,
            mode: v["mode"]?.string,
            content: v["content"]?.string,
            raw: v
        )
    }
}

extension LegendOptions {
    init?(decoding value: JSONValue?) {
        guard let value, case .object = value else { return nil }
        let displayMode = value["displayMode"]?.string ?? "list"
        // Legacy graph panels wrote `show`; Grafana 8+ writes `showLegend` and "hidden".
        let show = value["showLegend"]?.bool ?? value["show"]?.bool ?? (displayMode != "hidden")
        self.init(showLegend: show && displayMode != "hidden", displayMode: displayMode,
                  placement: value["placement"]?.string ?? "bottom",
                  calcs: value["calcs"]?.stringList ?? value["values"]?.stringList ?? [])
    }
}
