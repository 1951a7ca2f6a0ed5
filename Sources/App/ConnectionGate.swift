/// At most `limit` requests at once to each server, so a dashboard of forty panels does not
/// open forty connections to one Prometheus, while other servers' queries go ahead.
actor ConnectionGate {
    /// As Grafana's data proxy keeps per-host concurrency modest; 4 keeps a refresh of a
    /// large dashboard pipelined without piling onto one server.
    static let defaultLimit = 4

    private let limit: Int
    private var running: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(limit: Int = ConnectionGate.defaultLimit) {
        self.limit = max(1, limit)
    }

    /// Runs `body` once a slot for `server` is free.
    func acquire(_ server: String) async {
        if running[server, default: 0] < limit {
            running[server, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[server, default: []].append($0) }
    }

    /// Hands the slot to the next waiter of `server`, or frees it.
    func release(_ server: String) {
        if var queue = waiting[server], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[server] = queue
            next.resume()
        } else {
            running[server, default: 1] -= 1
        }
    }
}
