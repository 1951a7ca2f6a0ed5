import PromModel

/// A dashboard's template variables resolved against a datasource, and the ones that could
/// not be, by name with the reason (shown on screen and in `snapshot --format json`).
public struct ResolvedVariables: Hashable, Sendable {
    public var variables: [Variable]
    public var errors: [String: String]
    /// The datasource's answers by interpolated variable query, before filtering: what a
    /// later step asking the same question (the headless viewer) reuses instead of asking
    /// again.
    /// Keyed by `answerKey(_:datasource:)`: the same query asked of two servers is two answers.
    public var answers: [String: [String]]

    /// A variable query's key among the answers: its text, and the server it was asked of
    /// (nil: the default).
    public static func answerKey(_ text: String, datasource: String?) -> String {
        datasource.map { "\($0)\u{1F}\(text)" } ?? text
    }

    public init(variables: [Variable], errors: [String: String] = [:], answers: [String: [String]] = [:]) {
        self.variables = variables
        self.errors = errors
        self.answers = answers
    }
}

/// Resolves every template variable of a dashboard once, the way Grafana does on load, for
/// the commands that draw one frame (`snapshot`): parents before children (`VariableChain`),
/// each query variable's query interpolated with the values chosen so far and loaded from
/// the datasource, its answer filtered and sorted (`VariableFilter`), and its value chosen
/// from the options (`VariableSelection`). The interactive viewer runs the same steps one
/// answer at a time through its reducer.
public enum VariableResolver {
    /// Datasource plugin types whose queries are PromQL and go to the Prometheus in use
    /// (VictoriaMetrics' plugin speaks MetricsQL, a superset); lint uses the same list.
    public static let promQLDatasourceTypes: Set<String> = metricsQLDatasourceTypes.union(["prometheus"])

    /// VictoriaMetrics' Grafana plugins, under the id they have now and the one before.
    public static let metricsQLDatasourceTypes: Set<String> = ["victoriametrics-metrics-datasource", "victoriametrics-datasource"]

    /// `overrides` (`--var name=value`) win over the saved selection and are not checked
    /// against the options, as a URL's `var-name=value` is not in Grafana.
    /// A query variable asks the server its own `datasource` names (`named`, resolved by
    /// `catalog` as panels' references are), and datasource variables offer `datasourceNames`.
    public static func resolve(
        _ dashboard: Dashboard, datasource: any Datasource, named: [String: any Datasource] = [:],
        catalog: DatasourceCatalog = DatasourceCatalog(), datasourceNames: [String] = [],
        start: Timestamp, end: Timestamp, overrides: [String: [String]] = [:]
    ) async -> ResolvedVariables {
        var variables = dashboard.variables.map { settle($0, override: overrides[$0.name]) }
        for index in variables.indices where variables[index].kind == .datasource && !datasourceNames.isEmpty {
            let (options, current) = datasourceOptions(variables[index], catalog: catalog, names: datasourceNames)
            variables[index].options = options
            variables[index].current = current
        }
        let servers = DatasourceSet(default: datasource, byName: named)
        let chain = VariableChain(variables)
        var errors = chain.errors
        var answers: [String: [String]] = [:]
        for name in chain.order {
            guard let index = variables.firstIndex(where: { $0.name == name }), variables[index].kind == .query else { continue }
            var variable = variables[index]
            // Options to choose from: loaded, or saved; a failed or skipped query keeps the
            // saved value rather than blanking it.
            var known = !variable.options.isEmpty
            if let type = variable.datasource?.type, !type.isEmpty, !type.contains("$"), !Self.promQLDatasourceTypes.contains(type) {
                // A Loki or VictoriaLogs query is not PromQL: keep what was saved, say so.
                errors[name] = "its datasource is \(type), which promdeck does not query"
            } else if variable.refresh != 0 || variable.options.isEmpty {
                let interpolator = TemplateInterpolator(
                    variables: variables, builtIns: VariableSelection.builtIns(dashboard: dashboard, start: start, end: end))
                let text = interpolator.interpolate(variable.query)
                let result: Result<[String], QueryError>
                let server: String?
                switch catalog.resolve(variable.datasource, interpolator: interpolator) {
                case .failure(let error):
                    errors[name] = error.message
                    variables[index] = variable
                    continue
                case .success(let resolved):
                    server = resolved
                    do throws(QueryError) {
                        result = await VariableOptionsLoader.load(VariableQuery(text), start: start, end: end, from: try servers.datasource(resolved))
                    } catch {
                        result = .failure(error)
                    }
                }
                switch result {
                case .success(let values):
                    answers[ResolvedVariables.answerKey(text, datasource: server)] = values
                    variable.options = VariableFilter.options(from: values, for: variable)
                    known = true
                    if variable.options.isEmpty { errors[name] = "no options from \(text)" }
                case .failure(let error):
                    errors[name] = "\(text): \(error.summary)"
                }
            }
            // A `--var` value was set by `settle` and stands.
            if overrides[name] == nil, known {
                variable.current = VariableSelection.onLoad(current: variable.current, options: variable.options, variable: variable)
            }
            variables[index] = variable
        }
        return ResolvedVariables(variables: variables, errors: errors, answers: answers)
    }

    /// A datasource variable's options, as Grafana lists the datasources of its plugin type
    /// (`query`) through its `regex`: here the configured ones; and its value, the saved one
    /// while every saved name is offered (or All), else the first.
    public static func datasourceOptions(_ variable: Variable, catalog: DatasourceCatalog, names: [String]) -> (options: [String], current: [String]) {
        let options = VariableFilter.apply(regex: variable.regex, to: catalog.names(ofType: variable.query, among: names))
        let current = variable.current
        if !current.contains(Variable.allValueMarker), current.isEmpty || !current.allSatisfy(options.contains) {
            return (options, Array(options.prefix(1)))
        }
        return (options, current)
    }

    /// A variable that needs no datasource, with its value chosen: custom, interval and
    /// constant from their own options, textbox from its default text, and any variable
    /// `--var` sets.
    public static func settle(_ variable: Variable, override: [String]?) -> Variable {
        var settled = variable
        if let override {
            settled.current = variable.selection(override)
            return settled
        }
        switch variable.kind {
        case .custom, .interval, .constant:
            if !variable.options.isEmpty {
                settled.current = VariableSelection.onLoad(current: variable.current, options: variable.options, variable: variable)
            }
        case .textbox:
            if variable.current.isEmpty || variable.current == [""] { settled.current = [variable.query] }
        case .datasource:
            // promdeck draws against the one datasource in use; the name stays as saved.
            if variable.current.isEmpty { settled.current = [variable.query] }
        case .query, .adhoc:
            break
        }
        return settled
    }
}

extension Variable {
    /// Values given on the command line as a selection: "All" (or "$__all") selects All
    /// where the variable offers it.
    public func selection(_ values: [String]) -> [String] {
        values.map { ($0 == "All" || $0 == Variable.allValueMarker) && includeAll ? Variable.allValueMarker : $0 }
    }
}
