import PromModel
import PromQL
import Yams

/// An alerting rule of a Prometheus rules file (deploy/alerts.yml), evaluated by the embedded
/// engine so the demo's alerts view shows what a real Prometheus would.
public struct AlertRule: Hashable, Sendable {
    public var name: String
    public var expr: String
    /// `for`, in milliseconds.
    public var holdDuration: Int64
    public var labels: [String: String]
    public var annotations: [String: String]

    public init(name: String, expr: String, holdDuration: Int64, labels: [String: String] = [:], annotations: [String: String] = [:]) {
        self.name = name
        self.expr = expr
        self.holdDuration = holdDuration
        self.labels = labels
        self.annotations = annotations
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The alerting rules of every group (recording rules are skipped).
    public static func load(yaml: String) throws(LoadError) -> [AlertRule] {
        let document: Any?
        do {
            document = try Yams.load(yaml: yaml)
        } catch {
            throw LoadError(description: "invalid YAML: \(error)")
        }
        guard let root = document as? [String: Any], let groups = root["groups"] as? [[String: Any]] else {
            throw LoadError(description: "expected a top-level `groups` list")
        }
        var rules: [AlertRule] = []
        for group in groups {
            for rule in group["rules"] as? [[String: Any]] ?? [] {
                guard let name = rule["alert"] as? String else { continue }
                guard let expr = rule["expr"] as? String else {
                    throw LoadError(description: "alert \(name): missing expr")
                }
                let hold = (rule["for"] as? String).map { text in PrometheusDuration.milliseconds(text) ?? -1 } ?? 0
                guard hold >= 0 else { throw LoadError(description: "alert \(name): bad `for` duration") }
                rules.append(AlertRule(
                    name: name, expr: expr, holdDuration: hold,
                    labels: rule["labels"] as? [String: String] ?? [:],
                    annotations: rule["annotations"] as? [String: String] ?? [:]))
            }
        }
        return rules
    }
}
