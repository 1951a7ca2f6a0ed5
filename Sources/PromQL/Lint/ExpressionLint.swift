/// What `promdeck lint` says about one expression beyond "it parses": syntax that a
/// Prometheus 3.14 server only accepts behind a feature flag (docs/feature_flags.md), and
/// functions 3.x removed. MetricsQL (VictoriaMetrics) gets a lenient check instead.
public enum ExpressionLint {
    public struct Finding: Hashable, Sendable {
        public var message: String
        /// UTF-8 byte offset in the expression.
        public var offset: Int
        public var isError: Bool
    }

    public enum Language: Sendable {
        /// 3.14's PromQL; `promQL2` is 2.42's (parse errors only: 2.42 has no feature flags).
        case promQL, promQL2, metricsQL
    }

    public static func check(_ expr: String, language: Language = .promQL) -> [Finding] {
        switch language {
        case .promQL: return checkPromQL(expr)
        case .promQL2:
            do {
                _ = try parsePromQL(expr, version: .v2)
                return []
            } catch {
                return [Finding(message: error.message, offset: error.positionRange.start, isError: true)]
            }
        case .metricsQL: return MetricsQLCheck.check(expr).map { [$0] } ?? []
        }
    }

    static func checkPromQL(_ input: String) -> [Finding] {
        let expr: Expr
        do {
            expr = try parsePromQL(input)
        } catch {
            if error.message == "unknown function with name \"holt_winters\"" {
                return [Finding(
                    message: "holt_winters was removed in Prometheus 3.x; it is now double_exponential_smoothing "
                        + "(which needs --enable-feature=\(Flag.experimentalFunctions))",
                    offset: error.positionRange.start, isError: true)]
            }
            return [Finding(message: error.message, offset: error.positionRange.start, isError: true)]
        }
        var findings: [Finding] = []
        visit(expr) { node in
            if let (what, flag) = flagged(node) {
                findings.append(Finding(
                    message: "\(what) needs --enable-feature=\(flag) on a Prometheus 3.x server",
                    offset: node.positionRange.start, isError: false))
            }
        }
        return findings
    }

    enum Flag {
        static let experimentalFunctions = "promql-experimental-functions"
        static let extendedRangeSelectors = "promql-extended-range-selectors"
        static let fillModifiers = "promql-binop-fill-modifiers"
    }

    /// The feature a node needs, if any: (what, flag).
    static func flagged(_ node: Expr) -> (String, String)? {
        switch node {
        case .call(let c) where c.function.experimental:
            return ("\(c.function.name)() is experimental and", Flag.experimentalFunctions)
        case .aggregate(let a) where a.op.isV3:
            return ("\(a.op.rawValue)() is experimental and", Flag.experimentalFunctions)
        case .vectorSelector(let vs) where vs.anchored || vs.smoothed:
            return ("the \(vs.anchored ? "anchored" : "smoothed") modifier", Flag.extendedRangeSelectors)
        case .matrixSelector(let ms) where ms.vectorSelector.anchored || ms.vectorSelector.smoothed:
            return ("the \(ms.vectorSelector.anchored ? "anchored" : "smoothed") modifier", Flag.extendedRangeSelectors)
        case .binary(let b) where b.matching?.fillLeft != nil || b.matching?.fillRight != nil:
            return ("a fill() modifier", Flag.fillModifiers)
        default:
            return nil
        }
    }

    /// Pre-order walk; the parser bounds the depth.
    static func visit(_ expr: Expr, _ body: (Expr) -> Void) {
        body(expr)
        if case .matrixSelector = expr { return }
        for child in expr.children { visit(child, body) }
    }
}
