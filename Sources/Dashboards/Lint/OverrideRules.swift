import Foundation

/// `fieldConfig.overrides`: each needs a matcher promdeck knows, with options of the right
/// shape, and properties whose values it can use.
extension LintContext {
    mutating func checkOverrides(_ panel: JSONNode) {
        guard let member = panel["fieldConfig"]?.member("overrides") else { return }
        guard let overrides = member.value.items else {
            if !member.value.isNull {
                error("\"overrides\" must be an array, found \(member.value.kindDescription)", at: member.value.start)
            }
            return
        }
        for override in overrides {
            guard override.members != nil else {
                error("an override must be an object, found \(override.kindDescription)", at: override.start)
                continue
            }
            checkMatcher(override)
            checkProperties(override)
        }
    }

    mutating func checkMatcher(_ override: JSONNode) {
        guard let matcher = override["matcher"] else {
            error("override has no \"matcher\"", at: override.start)
            return
        }
        guard matcher.members != nil else {
            error("\"matcher\" must be an object, found \(matcher.kindDescription)", at: matcher.start)
            return
        }
        guard let idNode = matcher["id"], let id = idNode.string else {
            error("\"matcher\" needs an \"id\" string", at: matcher["id"]?.start ?? matcher.start)
            return
        }
        let options = matcher["options"]
        if case .failure(let problem) = FieldMatcher.decode(id: id, options: options?.value ?? .null) {
            switch problem {
            case .unknownID: error(problem.description, at: idNode.start)
            case .badOptions: error(problem.description, at: options?.start ?? matcher.start)
            }
            return
        }
        if id == "byRegexp" || id == "byRegexpOrNames", let node = id == "byRegexp" ? options : options?["pattern"],
           let pattern = node.string, !pattern.isEmpty, !RegexSyntax.isValid(javaScript: pattern) {
            error("matcher \"\(id)\": invalid regular expression \"\(pattern)\"", at: node.start)
        }
    }

    mutating func checkProperties(_ override: JSONNode) {
        guard let member = override.member("properties") else { return }
        guard let properties = member.value.items else {
            error("\"properties\" must be an array, found \(member.value.kindDescription)", at: member.value.start)
            return
        }
        for property in properties {
            guard property.members != nil else {
                error("an override property must be an object, found \(property.kindDescription)", at: property.start)
                continue
            }
            guard let id = property["id"]?.string else {
                error("override property needs an \"id\" string", at: property["id"]?.start ?? property.start)
                continue
            }
            // null removes the property, as in Grafana.
            guard let value = property["value"], !value.isNull else { continue }
            if id == "color", value.string != nil {
                // Grafana imports it and ignores it (a color is {"mode": …}): not an error.
                warning("override property \"color\" is a string; Grafana ignores it (it expects {\"mode\": \"fixed\", \"fixedColor\": …})", at: value.start)
            } else if let expected = Self.expectedKind(of: id), !expected.accepts(value) {
                error("override property \"\(id)\" must be \(expected.description), found \(value.kindDescription)", at: value.start)
            }
        }
    }

    /// The JSON kind a standard property's value takes; nil for ids not checked here (unit
    /// has its own rule; custom.* and others vary by panel type).
    static func expectedKind(of id: String) -> ExpectedKind? {
        switch id {
        case "decimals", "min", "max": .number
        case "displayName": .string
        case "noValue": .scalar
        case "thresholds", "color": .object
        case "mappings": .array
        default: nil
        }
    }

    enum ExpectedKind: CustomStringConvertible {
        case number, string, scalar, object, array

        func accepts(_ node: JSONNode) -> Bool {
            switch self {
            // Older dashboards write numbers as strings ("80").
            case .number: node.number != nil || node.string.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } != nil
            case .string: node.string != nil
            case .scalar: node.string != nil || node.number != nil
            case .object: node.members != nil
            case .array: node.items != nil
            }
        }

        var description: String {
            switch self {
            case .number: "a number"
            case .string: "a string"
            case .scalar: "a string or number"
            case .object: "an object"
            case .array: "an array"
            }
        }
    }
}

/// Checks a Grafana regex option (`/pattern/flags` or a bare pattern) compiles.
enum RegexSyntax {
    static func isValid(javaScript text: String) -> Bool {
        var pattern = text
        if text.hasPrefix("/"), let close = text.lastIndex(of: "/"), close > text.startIndex {
            pattern = String(text[text.index(after: text.startIndex)..<close])
        }
        return (try? NSRegularExpression(pattern: pattern)) != nil
    }
}
