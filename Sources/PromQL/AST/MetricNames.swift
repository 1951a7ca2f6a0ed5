extension Expr {
    /// The metric names the expression selects, in order of first appearance, without
    /// repeats: `name{…}` and `{__name__="name"}` both count (a regex on `__name__` names
    /// no single metric and does not). What the alerts view matches alert rules to panels by.
    public var metricNames: [String] {
        var names: [String] = []
        var seen = Set<String>()
        collectMetricNames(into: &names, seen: &seen)
        return names
    }

    private func collectMetricNames(into names: inout [String], seen: inout Set<String>) {
        switch self {
        case .number, .string:
            return
        case .vectorSelector(let selector):
            selector.collectMetricName(into: &names, seen: &seen)
        case .matrixSelector(let matrix):
            matrix.vectorSelector.collectMetricName(into: &names, seen: &seen)
        case .subquery(let subquery):
            subquery.expr.collectMetricNames(into: &names, seen: &seen)
        case .call(let call):
            for argument in call.args { argument.collectMetricNames(into: &names, seen: &seen) }
        case .aggregate(let aggregate):
            aggregate.param?.collectMetricNames(into: &names, seen: &seen)
            aggregate.expr.collectMetricNames(into: &names, seen: &seen)
        case .binary(let binary):
            binary.lhs.collectMetricNames(into: &names, seen: &seen)
            binary.rhs.collectMetricNames(into: &names, seen: &seen)
        case .unary(let unary):
            unary.expr.collectMetricNames(into: &names, seen: &seen)
        case .paren(let paren):
            paren.expr.collectMetricNames(into: &names, seen: &seen)
        }
    }
}

extension VectorSelector {
    fileprivate func collectMetricName(into names: inout [String], seen: inout Set<String>) {
        let name = self.name ?? matchers.first { $0.name == "__name__" && $0.kind == .equal }?.value
        guard let name, !name.isEmpty, seen.insert(name).inserted else { return }
        names.append(name)
    }
}
