extension Panel {
    /// The variable names this panel's queries depend on: referenced in a target's expression,
    /// interval or datasource, the panel's interval or datasource, its repeat variable and
    /// the values a repeated copy (or a panel in a repeated row) was given. What the viewer
    /// waits for while those variables load, as Grafana's query runner does with its
    /// variable dependencies.
    public var queryVariableReferences: Set<String> {
        var texts = [interval ?? "", datasource?.uid ?? ""]
        for target in targets {
            texts += [target.expr, target.interval ?? "", target.datasource?.uid ?? ""]
        }
        var names = Set(texts.lazy.filter(VariableReference.mayOccur).flatMap(VariableReference.scan).map(\.name))
        if let repeatVariable { names.insert(repeatVariable) }
        names.formUnion(scopedVariables.keys)
        return names
    }
}
