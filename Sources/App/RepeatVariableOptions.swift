import Dashboards
import PromModel

/// Options for the query variables that repeats iterate over, loaded once for a headless
/// frame (`promdeck snapshot`): Grafana dashboards usually save no options for a query
/// variable, so "All" would otherwise repeat over nothing.
public enum RepeatVariableOptions {
    /// `dashboard.variables`, with the options of every query variable named by a panel or
    /// row `repeat` (and saved without options) loaded from `datasource` over `start...end`,
    /// its query interpolated with the other variables' saved values and filtered by its regex.
    /// A variable whose query fails keeps no options (the panel is then drawn once).
    public static func resolve(
        _ dashboard: Dashboard, datasource: any Datasource, start: Timestamp, end: Timestamp
    ) async -> [Variable] {
        let repeated = Set((dashboard.panels + dashboard.allPanels).compactMap(\.repeatVariable))
        var variables = dashboard.variables
        for index in variables.indices {
            let variable = variables[index]
            guard repeated.contains(variable.name), variable.kind == .query, variable.options.isEmpty else { continue }
            let interpolator = TemplateInterpolator(variables: variables, builtIns: [
                "__from": String(start), "__to": String(end), "__dashboard": dashboard.title,
            ])
            let text = interpolator.interpolate(variable.query)
            let request = VariableOptionsRequest(
                dashboardUID: dashboard.uid, name: variable.name, label: "", selectors: [], start: start, end: end,
                text: text, query: VariableQuery(text))
            if case .success(let values) = await VariableOptionsLoader.load(request, from: datasource) {
                variables[index].options = VariableFilter.apply(regex: variable.regex, to: values)
            }
        }
        return variables
    }
}
