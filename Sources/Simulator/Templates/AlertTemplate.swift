import PromModel

/// Expands an alerting rule's annotation or label template as Prometheus's rule manager
/// does (rules/alerting.go): the text runs after `{{$labels := .Labels}}`,
/// `{{$externalLabels := .ExternalLabels}}`, `{{$externalURL := .ExternalURL}}` and
/// `{{$value := .Value}}`, and a template that fails to parse or run expands to
/// `<error expanding template: …>` instead of failing the rule.
public enum AlertTemplate {
    /// `labels` are the series' labels as the rule's expression returned them (`__name__`
    /// included where it kept one), not the alert's.
    public static func expand(
        _ text: String, ruleName: String = "", labels: Labels, value: Double, externalLabels: [String: String] = [:], externalURL: String = ""
    ) -> String {
        var labelMap: [String: String] = [:]
        for label in labels { labelMap[label.name] = label.value }
        let data = TemplateValue.record([
            "Labels": .map(labelMap), "ExternalLabels": .map(externalLabels), "ExternalURL": .string(externalURL), "Value": .float(value),
        ])
        let name = "__alert_" + ruleName
        let nodes: [TemplateNode]
        do throws(TemplateError) {
            nodes = try TemplateParser.parse(text)
        } catch {
            return "<error expanding template: error parsing template \(name): \(error.description)>"
        }
        do throws(TemplateError) {
            var executor = TemplateExecutor(data: data)
            executor.scopes = [[
                "$": data, "$labels": .map(labelMap), "$externalLabels": .map(externalLabels),
                "$externalURL": .string(externalURL), "$value": .float(value),
            ]]
            return try executor.run(nodes)
        } catch {
            return "<error expanding template: error executing template \(name): \(error.description)>"
        }
    }
}

/// Runs template nodes against the data, text/template's exec for this subset.
struct TemplateExecutor {
    var data: TemplateValue
    /// Variables, innermost scope last (`if`, `with` and `range` bodies open one).
    var scopes: [[String: TemplateValue]] = []

    init(data: TemplateValue) { self.data = data }

    mutating func run(_ nodes: [TemplateNode]) throws(TemplateError) -> String {
        try run(nodes, dot: data)
    }

    private mutating func run(_ nodes: [TemplateNode], dot: TemplateValue) throws(TemplateError) -> String {
        var out = ""
        for node in nodes {
            switch node {
            case .text(let text): out += text
            case .action(let pipeline):
                let value = try evaluate(pipeline, dot: dot)
                // A declaration prints nothing.
                if pipeline.variables.isEmpty { out += value.printed }
            case .branch(let kind, let pipeline, let then, let otherwise):
                scopes.append([:])
                defer { scopes.removeLast() }
                switch kind {
                case .if:
                    out += try run(try evaluate(pipeline, dot: dot).isTrue ? then : otherwise, dot: dot)
                case .with:
                    let value = try evaluate(pipeline, dot: dot)
                    out += value.isTrue ? try run(then, dot: value) : try run(otherwise, dot: dot)
                case .range:
                    out += try range(pipeline, then: then, otherwise: otherwise, dot: dot)
                }
            }
        }
        return out
    }

    /// `range` over a map visits its keys in order, as Go does for maps of basic keys.
    private mutating func range(_ pipeline: TemplatePipeline, then: [TemplateNode], otherwise: [TemplateNode], dot: TemplateValue) throws(TemplateError) -> String {
        var bare = pipeline
        bare.variables = []
        let value = try evaluate(bare, dot: dot)
        let items: [(TemplateValue, TemplateValue)]
        switch value {
        case .map(let map): items = map.keys.sorted().map { (.string($0), .string(map[$0]!)) }
        case .int(let count) where count > 0: items = (0..<count).map { (.int($0), .int($0)) }
        case .int, .nil: items = []
        default: throw TemplateError("range can't iterate over \(value.printed)")
        }
        guard !items.isEmpty else { return try run(otherwise, dot: dot) }
        var out = ""
        for (key, element) in items {
            // One variable is the element; two are the key and the element.
            if pipeline.variables.count == 1 { scopes[scopes.count - 1][pipeline.variables[0]] = element }
            if pipeline.variables.count == 2 {
                scopes[scopes.count - 1][pipeline.variables[0]] = key
                scopes[scopes.count - 1][pipeline.variables[1]] = element
            }
            out += try run(then, dot: element)
        }
        return out
    }

    private mutating func evaluate(_ pipeline: TemplatePipeline, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        var value: TemplateValue?
        for command in pipeline.commands {
            value = try evaluate(command, piped: value, dot: dot)
        }
        guard let value else { throw TemplateError("empty pipeline") }
        if let name = pipeline.variables.first {
            if pipeline.declares {
                scopes[scopes.count - 1][name] = value
            } else {
                guard let scope = scopes.lastIndex(where: { $0[name] != nil }) else { throw TemplateError("undefined variable: \(name)") }
                scopes[scope][name] = value
            }
        }
        return value
    }

    private mutating func evaluate(_ command: [TemplateOperand], piped: TemplateValue?, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        guard case .function(let name) = command[0] else {
            guard command.count == 1, piped == nil else { throw TemplateError("can't give argument to non-function \(command[0])") }
            return try operand(command[0], dot: dot)
        }
        // and/or stop at the first value that decides them (Go 1.18's short circuit).
        if name == "and" || name == "or" {
            var result: TemplateValue = .nil
            for argument in command.dropFirst() {
                result = try operand(argument, dot: dot)
                if result.isTrue == (name == "or") { return result }
            }
            return piped ?? result
        }
        var arguments: [TemplateValue] = []
        for argument in command.dropFirst() { arguments.append(try operand(argument, dot: dot)) }
        if let piped { arguments.append(piped) }
        return try TemplateFunctions.call(name, arguments)
    }

    private mutating func operand(_ operand: TemplateOperand, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch operand {
        case .dot(let path): return try fields(path, of: dot)
        case .variable(let name, let path):
            guard let value = scopes.last(where: { $0[name] != nil })?[name] else { throw TemplateError("undefined variable \"\(name)\"") }
            return try fields(path, of: value)
        case .nested(let pipeline, let path): return try fields(path, of: evaluate(pipeline, dot: dot))
        case .function(let name): return try TemplateFunctions.call(name, [])
        case .string(let text): return .string(text)
        case .int(let value): return .int(value)
        case .float(let value): return .float(value)
        case .bool(let value): return .bool(value)
        case .nil: throw TemplateError("nil is not a command")
        }
    }

    /// `.A.B`: a struct's field, or a map's key .
    private func fields(_ path: [String], of value: TemplateValue) throws(TemplateError) -> TemplateValue {
        var current = value
        for name in path {
            switch current {
            case .record(let fields):
                guard let field = fields[name] else { throw TemplateError("can't evaluate field \(name)") }
                current = field
            // Prometheus runs templates with missingkey=zero: a missing label is "".
            case .map(let map): current = .string(map[name] ?? "")
            case .nil: throw TemplateError("nil pointer evaluating \(name)")
            default: throw TemplateError("can't evaluate field \(name) in type \(current.typeName)")
            }
        }
        return current
    }
}
