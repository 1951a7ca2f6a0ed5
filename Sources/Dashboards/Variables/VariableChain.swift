/// Which template variables' queries reference which others, in the order Grafana
/// evaluates them: a variable is queried after the variables it references. Variables on a
/// reference cycle (or depending on one) get an error instead of an order.
public struct VariableChain: Hashable, Sendable {
    /// Dashboard variables each query variable's query (then its datasource uid) references, in first-use order.
    public private(set) var dependencies: [String: [String]] = [:]
    /// Every resolvable variable, parents before children.
    public private(set) var order: [String] = []
    /// Why a variable cannot be resolved, by name.
    public private(set) var errors: [String: String] = [:]

    public init(_ variables: [Variable]) {
        let names = Set(variables.map(\.name))
        for variable in variables where variable.kind == .query {
            var seen: [String] = []
            // Its datasource (`${ds}`) is a parent too: another server means other options.
            let references = VariableReference.scan(variable.query) + VariableReference.scan(variable.datasource?.uid ?? "")
            for reference in references where names.contains(reference.name) && !seen.contains(reference.name) {
                seen.append(reference.name)
            }
            dependencies[variable.name] = seen
        }
        // Kahn's algorithm over the dashboard's own order, so ties keep the order as written.
        var placed: Set<String> = []
        var remaining = variables.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var progressed = true
        while progressed {
            progressed = false
            for name in remaining where (dependencies[name] ?? []).allSatisfy(placed.contains) {
                order.append(name)
                placed.insert(name)
                progressed = true
            }
            remaining.removeAll(where: placed.contains)
        }
        for name in remaining { errors[name] = describeCycle(from: name, unresolved: Set(remaining)) }
    }

    /// Variables whose queries reference `name` directly, in evaluation order.
    public func dependents(of name: String) -> [String] {
        order.filter { dependencies[$0]?.contains(name) ?? false }
    }

    /// Follows unresolved references from `start` until one repeats: that loop is the cycle.
    private func describeCycle(from start: String, unresolved: Set<String>) -> String {
        var path = [start]
        var current = start
        while let next = dependencies[current]?.first(where: unresolved.contains) {
            if let loopStart = path.firstIndex(of: next) {
                let cycle = path[loopStart...].map { "$" + $0 } + ["$" + next]
                let text = cycle.joined(separator: " → ")
                return loopStart == 0 ? "variable cycle: \(text)" : "depends on the variable cycle \(text)"
            }
            path.append(next)
            current = next
        }
        return "unresolvable variable reference"
    }
}
