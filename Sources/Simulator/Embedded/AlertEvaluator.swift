import PromModel
import PromQL

/// Evaluates alerting rules statelessly: a series is firing when the rule's expression has
/// returned it at every 15 s evaluation over its `for` window, pending when it returns it
/// now but not for that long. This is what Prometheus's rule manager would report for data
/// that was there all along.
public struct AlertEvaluator: Sendable {
    public static let evaluationInterval: Int64 = 15_000

    public var rules: [AlertRule]
    public var engine: Engine

    public init(rules: [AlertRule], engine: Engine) {
        self.rules = rules
        self.engine = engine
    }

    public func alerts(at now: Timestamp) -> [Alert] {
        let step = Self.evaluationInterval
        let end = now - now % step
        var alerts: [Alert] = []
        for rule in rules {
            let start = end - (rule.holdDuration + step - 1) / step * step
            guard let response = try? engine.rangeQuery(rule.expr, range: QueryRange(start: start, end: end, step: step)),
                  case .matrix(let series) = response.result else { continue }
            for found in series {
                guard let last = found.samples.last, last.timestamp == end else { continue }
                // The start of the unbroken run of evaluations that ends now.
                var activeAt = last.timestamp
                for sample in found.samples.reversed().dropFirst() where sample.timestamp == activeAt - step {
                    activeAt = sample.timestamp
                }
                var labels = found.labels.withoutName
                // Rule labels and annotations are templates over the series as the expression
                // returned it, `__name__` included (rules/alerting.go's Eval).
                func expand(_ text: String) -> String { AlertTemplate.expand(text, ruleName: rule.name, labels: found.labels, value: last.value) }
                for (name, value) in rule.labels { labels.set(name, expand(value)) }
                labels.set("alertname", rule.name)
                let firing = end - activeAt >= rule.holdDuration
                alerts.append(Alert(
                    labels: labels,
                    annotations: rule.annotations.mapValues(expand),
                    state: firing ? .firing : .pending, activeAt: activeAt, value: last.value, expr: rule.expr))
            }
        }
        return alerts.sorted { ($0.state == .firing ? 0 : 1, $0.labels) < ($1.state == .firing ? 0 : 1, $1.labels) }
    }
}
