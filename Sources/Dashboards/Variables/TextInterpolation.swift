extension Dashboard {
    /// Panel and row titles and descriptions with the variables' values in, as Grafana shows
    /// them (`Uptime ($job)` → `Uptime (node)`; the `text` format, so All reads "All"). A
    /// repeated copy sees its own value. Text without a `$` or `[[` is left alone, so a
    /// dashboard without references costs a scan per title.
    public func interpolatingTexts(variables: [Variable]? = nil) -> Dashboard {
        let interpolator = TemplateInterpolator(variables: variables ?? self.variables)
        func apply(_ panel: Panel) -> Panel {
            var copy = panel
            let scoped = interpolator.scoped(panel.scopedVariables)
            if VariableReference.mayOccur(in: panel.title) { copy.title = scoped.interpolateText(panel.title) }
            if VariableReference.mayOccur(in: panel.description) { copy.description = scoped.interpolateText(panel.description) }
            if !panel.panels.isEmpty { copy.panels = panel.panels.map(apply) }
            return copy
        }
        var copy = self
        copy.panels = panels.map(apply)
        return copy
    }
}

extension Dashboard {
    /// Whether any panel or row title or description may reference a variable.
    public var hasTextReferences: Bool {
        func references(_ panel: Panel) -> Bool {
            VariableReference.mayOccur(in: panel.title) || VariableReference.mayOccur(in: panel.description) || panel.panels.contains(where: references)
        }
        return panels.contains(where: references)
    }
}
