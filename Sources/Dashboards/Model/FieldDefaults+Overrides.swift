extension FieldDefaults {
    /// Standard override property ids promdeck applies; `custom.*` ids are applied too.
    public static let appliedPropertyIDs: Set<String> = [
        "unit", "decimals", "min", "max", "thresholds", "mappings", "color", "displayName", "noValue",
    ]

    /// Sets one override property the way Grafana's setDynamicConfigValue does: the value
    /// replaces the old one whole, and null (or a value of the wrong type) removes it.
    /// Properties promdeck does not draw (links, filterable, ...) change nothing.
    public mutating func apply(property id: String, value: JSONValue) {
        switch id {
        case "unit": unit = value.string.flatMap { $0.isEmpty ? nil : $0 }
        case "decimals": decimals = value.lenientInt
        case "min": min = value.lenientNumber
        case "max": max = value.lenientNumber
        case "thresholds": thresholds = Thresholds(decoding: value)
        case "mappings": mappings = (value.array ?? []).flatMap(ValueMapping.decode)
        case "color":
            colorMode = value["mode"]?.string
            fixedColor = value["fixedColor"]?.string
        case "displayName", "displayNameFromDS": displayName = value.string.flatMap { $0.isEmpty ? nil : $0 }
        case "noValue": noValue = value.scalarText
        default:
            guard id.hasPrefix("custom.") else { return }
            let path = id.dropFirst("custom.".count).split(separator: ".").map(String.init)
            custom = custom.setting(path: path[...], to: value)
        }
    }

    /// This config with the properties of every matching override applied in order: later
    /// overrides win.
    public func applying(_ overrides: [FieldOverride], where matches: (FieldOverride) -> Bool) -> FieldDefaults {
        var config = self
        for override in overrides where matches(override) {
            for property in override.properties { config.apply(property: property.id, value: property.value) }
        }
        return config
    }
}

extension JSONValue {
    /// A copy with the member at `path` replaced (null removes it), objects made on the way.
    func setting(path: ArraySlice<String>, to value: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        var members = objectMembers
        let existing = members.last { $0.key == key }?.value ?? .null
        let updated = existing.setting(path: path.dropFirst(), to: value)
        members.removeAll { $0.key == key }
        if !updated.isNull { members.append((key, updated)) }
        return .object(members)
    }
}
