/// One of the platform's five microservices, as docs/metrics.md lists them.
public struct Service: Sendable, Hashable, CustomStringConvertible {
    /// The `job` label Prometheus gives its series.
    public let name: String
    /// The port its `/metrics` listens on (before any `--port-offset`).
    public let port: Int
    public let role: String

    public var description: String { name }

    public static let aiEngine = Service(name: "ai-engine", port: 8001, role: "generates trading signals from market data")
    public static let execution = Service(name: "execution", port: 8002, role: "executes trades on the exchange")
    public static let riskSafety = Service(
        name: "risk-safety", port: 8003, role: "risk checks, policy enforcement, the emergency stop (ESS)")
    public static let portfolio = Service(
        name: "portfolio-intelligence", port: 8004, role: "positions, portfolio value, P&L")
    public static let monitoring = Service(
        name: "monitoring-health", port: 8080, role: "health of every service and dependency")

    /// All five, in the catalogue's order.
    public static let all: [Service] = [aiEngine, execution, riskSafety, portfolio, monitoring]

    /// The `instance` label of the embedded store: what Prometheus would add scraping localhost.
    public var instance: String { "localhost:\(port)" }

    /// Position in `all`, used to index per-service tables.
    var index: Int { Service.all.firstIndex(of: self) ?? 0 }
}

/// Label values and buckets of docs/metrics.md.
enum Vocabulary {
    static let symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"]
    /// Each symbol's share of trading activity.
    static let symbolWeights = [0.35, 0.25, 0.15, 0.12, 0.13]
    static let sides = ["buy", "sell"]
    static let tradeStatuses = ["filled", "partially_filled", "rejected", "cancelled"]
    static let outcomes = ["win", "loss"]
    static let signalTypes = ["long", "short", "close"]
    static let models = ["xgboost", "lstm", "ensemble"]
    static let checkTypes = ["position_limit", "exposure", "drawdown", "leverage", "liquidity"]
    static let severities = ["low", "medium", "high", "critical"]
    static let policies = ["max_position_size", "max_daily_loss", "max_leverage", "restricted_symbol"]
    static let stopReasons = ["drawdown_limit", "manual", "exchange_outage"]
    static let redisOperations = ["get", "set", "del", "publish"]
    static let databaseOperations = ["select", "insert", "update"]
    static let dependencies = ["redis", "postgres", "eventbus", "exchange-api", "market-data-feed"]

    static let latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    static let processingBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    /// EventBus types each service publishes and consumes.
    static func published(by service: Service) -> [String] {
        switch service {
        case .aiEngine: ["signal.generated"]
        case .execution: ["trade.executed"]
        case .riskSafety: ["risk.alert", "order.requested"]
        case .portfolio: ["portfolio.updated"]
        default: ["health.heartbeat"]
        }
    }

    static func consumed(by service: Service) -> [String] {
        switch service {
        case .aiEngine: ["market.tick"]
        case .execution: ["order.requested", "signal.generated"]
        case .riskSafety: ["signal.generated", "trade.executed"]
        case .portfolio: ["trade.executed"]
        default: ["risk.alert", "health.heartbeat"]
        }
    }

    /// Messages per second of each event type at average traffic.
    static func eventRate(_ type: String) -> Double {
        switch type {
        case "market.tick": 40
        case "signal.generated": 1.2
        case "order.requested": 0.9
        case "trade.executed": 0.8
        case "risk.alert": 0.05
        case "portfolio.updated": 0.5
        default: 1
        }
    }

    /// The service a dependency outage takes down, as monitoring-health sees it.
    static func component(hitBy dependency: String) -> Service {
        switch dependency {
        case "redis": .riskSafety
        case "postgres": .portfolio
        case "eventbus": .monitoring
        case "exchange-api": .execution
        default: .aiEngine
        }
    }
}
