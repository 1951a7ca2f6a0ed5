/// Which option a variable shows once its options are known, as Grafana chooses on load
/// (scenes' MultiValueVariable `updateValueGivenNewOptions`; the older templating's
/// `validateVariableSelectionState` gives the same): the saved (or chosen) values while
/// they are still among the options, All while All is chosen and offered, else All where
/// `includeAll`, else the first option, else nothing.
public enum VariableSelection {
    public static func onLoad(current: [String], options: [String], variable: Variable) -> [String] {
        if current.contains(Variable.allValueMarker), variable.includeAll { return [Variable.allValueMarker] }
        let offered = Set(options)
        let still = current.filter(offered.contains)
        // A single-value variable keeps its value only when it is offered; a multi one keeps
        // the part of its selection that is.
        if !still.isEmpty, variable.multi || still.count == current.count { return variable.multi ? still : [still[0]] }
        if variable.includeAll { return [Variable.allValueMarker] }
        return options.first.map { [$0] } ?? []
    }

    /// Whether `current` stands as it is against `options` (nothing to fall back from).
    public static func isValid(_ current: [String], options: [String], variable: Variable) -> Bool {
        onLoad(current: current, options: options, variable: variable) == current
    }

    /// The built-in variables a variable query may use over `start...end` (Unix ms).
    public static func builtIns(dashboard: Dashboard, start: Int64, end: Int64) -> [String: String] {
        [
            "__from": String(start), "__to": String(end), "__dashboard": dashboard.title,
            "__range": "\(max(1, (end - start) / 1000))s", "__range_s": String((end - start) / 1000), "__range_ms": String(end - start),
        ]
    }
}
