/// Types and help texts of docs/metrics.md's catalogue (the tests check this against the
/// document itself).
enum Catalogue {
    struct Info {
        let type: MetricType
        let help: String
    }

    static func info(_ name: String) -> Info {
        entries[name] ?? Info(type: .gauge, help: name)
    }

    static let entries: [String: Info] = [
        "http_requests_total": Info(type: .counter, help: "Total HTTP requests by method, endpoint and status."),
        "http_request_duration_seconds": Info(type: .histogram, help: "HTTP request latency."),
        "http_requests_in_progress": Info(type: .gauge, help: "HTTP requests being served now."),
        "process_start_time_seconds": Info(
            type: .gauge, help: "Start time of the process; changes when a service restarts."),
        "eventbus_messages_published_total": Info(
            type: .counter, help: "Messages published to the EventBus by event type."),
        "eventbus_messages_consumed_total": Info(
            type: .counter, help: "Messages consumed from the EventBus by event type."),
        "eventbus_message_processing_duration_seconds": Info(
            type: .histogram, help: "Time to process one consumed message."),
        "eventbus_queue_lag": Info(type: .gauge, help: "Messages waiting to be consumed."),
        "trades_executed_total": Info(type: .counter, help: "Trades by symbol, side and status."),
        "trade_execution_duration_seconds": Info(
            type: .histogram, help: "Time from order to exchange acknowledgement."),
        "trades_closed_total": Info(
            type: .counter, help: "Closed round-trip trades by outcome; win rate = wins / all."),
        "positions_open": Info(type: .gauge, help: "Open positions by symbol."),
        "portfolio_value_usd": Info(type: .gauge, help: "Total portfolio value."),
        "pnl_realized_usd": Info(
            type: .gauge, help: "Realized profit and loss since the session start (can fall)."),
        "pnl_unrealized_usd": Info(type: .gauge, help: "Unrealized profit and loss of open positions."),
        "signals_generated_total": Info(type: .counter, help: "Signals by type and model."),
        "risk_checks_total": Info(type: .counter, help: "Risk checks by type and result."),
        "emergency_stop_triggered_total": Info(type: .counter, help: "Emergency stop (ESS) activations."),
        "policy_violations_total": Info(type: .counter, help: "Policy violations by severity."),
        "redis_operations_total": Info(type: .counter, help: "Redis operations by operation and status."),
        "redis_operation_duration_seconds": Info(type: .histogram, help: "Redis operation latency."),
        "redis_pool_connections": Info(type: .gauge, help: "Redis connections by state (active, idle)."),
        "redis_pool_max_connections": Info(type: .gauge, help: "Size of the Redis connection pool."),
        "database_operations_total": Info(
            type: .counter, help: "Database operations by operation and status."),
        "database_operation_duration_seconds": Info(type: .histogram, help: "Database operation latency."),
        "database_pool_connections": Info(type: .gauge, help: "Database connections by state (active, idle)."),
        "database_pool_max_connections": Info(type: .gauge, help: "Size of the database connection pool."),
        "service_health_status": Info(
            type: .gauge, help: "Health of each service as probed by monitoring-health."),
        "dependency_health_status": Info(type: .gauge, help: "Health of each external dependency."),
    ]
}
