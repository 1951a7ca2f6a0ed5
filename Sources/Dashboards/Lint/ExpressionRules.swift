import Foundation

extension LintContext {
    /// Collects variable names, checks their definitions, and prepares the plausible values
    /// substituted into expressions before the PromQL check.
    mutating func checkVariables(_ root: JSONNode) {
        var builtIns = linter.calculator.intervals(rangeMs: 3_600_000, maxDataPoints: 100).builtInValues
        builtIns["__from"] = "1700000000000"
        builtIns["__to"] = "1700003600000"
        substitution = TemplateInterpolator(variables: [], builtIns: builtIns)
        // An exported dashboard's `__inputs` (`${DS_PROMETHEUS}`) are filled in on import.
        for input in root["__inputs"]?.items ?? [] {
            if let name = input["name"]?.string, !name.isEmpty { variableNames.insert(name) }
        }
        guard let list = root["templating"]?["list"] else { return }
        guard let entries = list.items else {
            error("\"templating.list\" must be an array, found \(list.kindDescription)", at: list.start)
            return
        }
        var decoded: [Variable] = []
        var firstUse: [String: SourcePosition] = [:]
        for entry in entries {
            guard entry.members != nil else {
                error("a variable must be an object, found \(entry.kindDescription)", at: entry.start)
                continue
            }
            guard let nameNode = entry["name"], let name = nameNode.string, !name.isEmpty else {
                error("variable has no \"name\"", at: entry.start)
                continue
            }
            if let first = firstUse[name] {
                error("duplicate variable \"\(name)\" (first defined at \(first))", at: nameNode.start)
                continue
            }
            firstUse[name] = nameNode.start
            variableNames.insert(name)
            if let variable = Variable(decoding: entry.value) {
                decoded.append(Self.plausible(variable))
                if variable.kind == .datasource { datasourceVariableTypes[name] = variable.query }
            }
        }
        for entry in entries {
            if let query = entry["query"], query.string != nil {
                checkReferences(in: query, what: "variable query")
            } else if let query = entry["query"]?["query"], query.string != nil {
                checkReferences(in: query, what: "variable query")
            }
        }
        substitution = TemplateInterpolator(variables: decoded, builtIns: substitution.builtIns)
    }

    /// A value for every variable so substituted expressions can be parsed: the saved
    /// selection, else the first option, else a placeholder that fits the kind.
    static func plausible(_ variable: Variable) -> Variable {
        var v = variable
        let hasSelection = !v.current.isEmpty && !v.current.contains(Variable.allValueMarker)
        if hasSelection || (v.current.contains(Variable.allValueMarker) && v.allValue != nil) { return v }
        if let first = v.options.first(where: { $0 != Variable.allValueMarker }) {
            v.current = [first]
            return v
        }
        let placeholder: String = switch v.kind {
        case .interval: "1m"
        case .datasource: "prometheus"
        default: "placeholder"
        }
        v.current = [placeholder]
        v.options = [placeholder]
        return v
    }

    mutating func checkTarget(_ target: JSONNode, panel: JSONNode) {
        guard target.members != nil else {
            error("a target must be an object, found \(target.kindDescription)", at: target.start)
            return
        }
        let refID = target["refId"]?.string ?? "?"
        checkDatasource(target["datasource"])
        if let type = Self.datasourceType(target["datasource"]) ?? Self.datasourceType(panel["datasource"]),
           !VariableResolver.promQLDatasourceTypes.contains(type) {
            note("target \(refID) of panel \(describe(panel)) uses a \"\(type)\" datasource: not PromQL, not drawn by promdeck", at: target.start)
            return
        }
        if let interval = target["interval"], interval.string != nil {
            checkReferences(in: interval, what: "target interval")
        }
        guard let exprNode = target["expr"] else {
            error("target \(refID) of panel \(describe(panel)) has no \"expr\"", at: target.start)
            return
        }
        guard let expr = exprNode.string else {
            error("\"expr\" must be a string, found \(exprNode.kindDescription)", at: exprNode.start)
            return
        }
        if expr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error("target \(refID) of panel \(describe(panel)) has an empty \"expr\"", at: exprNode.start)
            return
        }
        guard checkReferences(in: exprNode, what: "expr") else { return }
        let (substituted, map) = substitution.interpolateMapped(expr)
        func position(_ failureOffset: Int) -> SourcePosition {
            let offset = map.sourceOffset(forOutputOffset: failureOffset)
            return document.position(inString: exprNode, utf8Offset: offset) ?? exprNode.start
        }
        if let analyzer = linter.expressionAnalyzer {
            let language = queryLanguage(target["datasource"]) ?? queryLanguage(panel["datasource"]) ?? .promQL
            let name = language == .metricsQL ? "MetricsQL" : "PromQL"
            for finding in analyzer(substituted, language) {
                if finding.isError {
                    error("invalid \(name): \(finding.message)", at: position(finding.offset))
                } else {
                    warning(finding.message, at: position(finding.offset))
                }
            }
            return
        }
        guard let checker = linter.expressionChecker, let failure = checker(substituted) else { return }
        error("invalid PromQL: \(failure.message)", at: position(failure.offset))
    }

    /// MetricsQL for a VictoriaMetrics datasource: by Grafana plugin type, or by a name or
    /// uid the config marks `flavor: victoriametrics`, or through a datasource variable
    /// (`$ds`) that can select one; nil when the node does not say.
    func queryLanguage(_ node: JSONNode?) -> QueryLanguage? {
        guard let node, !node.isNull else { return nil }
        if let name = node.string { return language(ofReference: name) }
        if let type = node["type"]?.string, VariableResolver.metricsQLDatasourceTypes.contains(type) { return .metricsQL }
        for key in ["uid", "name"] {
            if let value = node[key]?.string, let language = language(ofReference: value) { return language }
        }
        return node["type"]?.string == nil ? nil : .promQL
    }

    /// A datasource name or uid: a config one marked VictoriaMetrics (or `promql_version: 2`), or a datasource
    /// variable. A variable listing VictoriaMetrics plugins is MetricsQL; one listing
    /// Prometheus datasources (Grafana's VictoriaMetrics dashboards use type "prometheus",
    /// as VictoriaMetrics serves Prometheus's API) may select any configured datasource, so
    /// it is MetricsQL when the config has one: MetricsQL accepts PromQL, so that check
    /// never hides an error a Prometheus would also report.
    func language(ofReference text: String) -> QueryLanguage? {
        if linter.metricsQLDatasources.contains(text) { return .metricsQL }
        if linter.promQL2Datasources.contains(text) { return .promQL2 }
        for reference in VariableReference.scan(text) {
            guard let type = datasourceVariableTypes[reference.name] else { continue }
            if VariableResolver.metricsQLDatasourceTypes.contains(type) { return .metricsQL }
            if VariableResolver.promQLDatasourceTypes.contains(type) || type.isEmpty, !linter.metricsQLDatasources.isEmpty {
                return .metricsQL
            }
        }
        return nil
    }

    /// The plugin type a datasource reference names, nil when it does not say (a name, a
    /// variable, or no reference): those are taken to be the Prometheus in use.
    static func datasourceType(_ node: JSONNode?) -> String? {
        guard let type = node?["type"]?.string, !type.isEmpty, !type.contains("$") else { return nil }
        return type
    }

    /// Reports references to variables that are neither defined nor built in; true when
    /// there are none.
    @discardableResult
    mutating func checkReferences(in node: JSONNode, what: String) -> Bool {
        guard let text = node.string else { return true }
        var clean = true
        // `$1`, `${1}`: a regex group in label_replace's replacement, not a variable.
        for reference in VariableReference.scan(text) where !reference.name.allSatisfy(\.isNumber) {
            let position = document.position(inString: node, utf8Offset: reference.range.lowerBound) ?? node.start
            if !reference.isBuiltIn && !variableNames.contains(reference.name) {
                clean = false
                error("undefined variable \"$\(reference.name)\" in \(what)", at: position)
            } else if let format = reference.format, !VariableFormat.knownFormats.contains(format) {
                warning("unknown variable format \"\(format)\" (Grafana falls back to glob)", at: position)
            }
        }
        return clean
    }
}
