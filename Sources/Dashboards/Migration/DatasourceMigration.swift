/// Datasource references in old dashboards.
enum DatasourceMigration {
    /// Schema 33: a datasource given by name becomes `{"uid": name}` (Grafana looks the name
    /// up; promdeck resolves uids and names alike); null and "default" mean the default.
    static func namesToReferences(_ panel: JSONValue) -> JSONValue {
        var migrated = panel
        if let value = panel["datasource"] { migrated = migrated.setting("datasource", reference(value)) }
        if let targets = panel["targets"]?.array {
            migrated = migrated.setting("targets", .array(targets.map { target in
                guard let value = target["datasource"] else { return target }
                // A target's default datasource stays unset, so the panel's applies.
                return target.setting("datasource", reference(value))
            }))
        }
        return migrated
    }

    static func reference(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .string(let name): name.isEmpty || name == "default" ? nil : .object([("uid", .string(name))])
        case .null: nil
        default: value
        }
    }

    /// An exported dashboard names its datasources by `__inputs` placeholders
    /// (`${DS_PROMETHEUS}`), which Grafana's import replaces with the chosen datasource.
    /// promdeck's choice is the datasource it is connected to, so every datasource field
    /// holding a placeholder becomes a reference to the input's plugin type without a uid.
    static func resolveInputs(_ dashboard: JSONValue) -> JSONValue {
        var plugins: [String: String] = [:]
        for input in dashboard["__inputs"]?.array ?? [] where input["type"]?.string == "datasource" {
            if let name = input["name"]?.string { plugins[name] = input["pluginId"]?.string ?? "prometheus" }
        }
        guard !plugins.isEmpty else { return dashboard }
        return replacingPlaceholders(dashboard, plugins)
    }

    /// The input name in `${NAME}` or `$NAME`, when it is one of `plugins`.
    static func placeholder(_ text: String, _ plugins: [String: String]) -> String? {
        var name = Substring(text)
        guard name.hasPrefix("$") else { return nil }
        name = name.dropFirst()
        if name.hasPrefix("{") && name.hasSuffix("}") { name = name.dropFirst().dropLast() }
        return plugins[String(name)] == nil ? nil : String(name)
    }

    private static func replacingPlaceholders(_ value: JSONValue, _ plugins: [String: String]) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { replacingPlaceholders($0, plugins) })
        case .object(let members):
            return .object(members.map { member in
                guard member.key == "datasource" else { return (key: member.key, value: replacingPlaceholders(member.value, plugins)) }
                if let text = member.value.string, let name = placeholder(text, plugins) {
                    return (key: member.key, value: .object([("type", .string(plugins[name] ?? "prometheus"))]))
                }
                if let uid = member.value["uid"]?.string, let name = placeholder(uid, plugins) {
                    let type = member.value["type"]?.string.flatMap { placeholder($0, plugins) == nil ? $0 : nil } ?? plugins[name] ?? "prometheus"
                    return (key: member.key, value: member.value.removing(["uid"]).setting("type", .string(type)))
                }
                return (key: member.key, value: replacingPlaceholders(member.value, plugins))
            })
        default:
            return value
        }
    }
}
