import PromModel

extension PlanBuilder {
    /// ai-engine's signals.
    mutating func addSignals() {
        let types: [(String, Double)] = [("long", 0.4), ("short", 0.35), ("close", 0.25)]
        let models: [(String, Double)] = [("xgboost", 0.3), ("lstm", 0.25), ("ensemble", 0.45)]
        for (type, typeShare) in types {
            for (model, modelShare) in models {
                counter("signals_generated_total", [Label("signal_type", type), Label("model", model)],
                        tag: StreamTag(service: service, kind: .signal), rate: 1.2 * typeShare * modelShare)
            }
        }
    }

    /// execution's trades: 0.8 per second at average traffic.
    mutating func addTrades() {
        let statuses: [(String, Double)] = [("filled", 0.86), ("partially_filled", 0.07), ("rejected", 0.05), ("cancelled", 0.02)]
        for (symbol, weight) in zip(Vocabulary.symbols, Vocabulary.symbolWeights) {
            for side in Vocabulary.sides {
                for (status, share) in statuses {
                    counter("trades_executed_total", [Label("symbol", symbol), Label("side", side), Label("status", status)],
                            tag: StreamTag(service: service, kind: .trade(status: status)), rate: 0.8 * weight * 0.5 * share)
                }
            }
        }
        for (symbol, weight) in zip(Vocabulary.symbols, Vocabulary.symbolWeights) {
            histogram("trade_execution_duration_seconds", [Label("symbol", symbol)], buckets: Vocabulary.processingBuckets,
                      domain: .tradeExecution, detail: symbol, rate: 0.8 * weight, median: 0.09, spikeMedian: 3)
        }
        for (symbol, weight) in zip(Vocabulary.symbols, Vocabulary.symbolWeights) {
            for (outcome, share) in [("win", 0.55), ("loss", 0.45)] {
                counter("trades_closed_total", [Label("symbol", symbol), Label("outcome", outcome)],
                        tag: StreamTag(service: service, kind: .closed(outcome: outcome)), rate: 0.4 * weight * share)
            }
        }
    }

    /// risk-safety's checks, stops and violations.
    mutating func addRisk() {
        for check in Vocabulary.checkTypes {
            for (result, share) in [("pass", 0.97), ("fail", 0.03)] {
                counter("risk_checks_total", [Label("check_type", check), Label("result", result)],
                        tag: StreamTag(service: service, kind: .riskCheck(result: result)), rate: 1.0 * share)
            }
        }
        let service = self.service
        for reason in Vocabulary.stopReasons {
            series("emergency_stop_triggered_total", [Label("reason", reason)]) { context, _ in
                let stops = context.emergencyStops(since: context.processStart(service)).filter {
                    if case .emergencyStop(reason) = $0.kind { return true }
                    return false
                }
                return Double(stops.count)
            }
        }
        let severities: [(String, Double)] = [("low", 1), ("medium", 0.5), ("high", 0.2), ("critical", 0.05)]
        for (severity, weight) in severities {
            for policy in Vocabulary.policies {
                counter("policy_violations_total", [Label("severity", severity), Label("policy", policy)],
                        tag: StreamTag(service: service, kind: .violation(policy: policy)), rate: 0.004 * weight)
            }
        }
    }
}
