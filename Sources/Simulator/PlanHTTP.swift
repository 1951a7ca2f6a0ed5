import Foundation
import PromModel

/// One route a service serves: requests per second at average traffic and median latency.
struct Route {
    let method: String
    let endpoint: String
    let rate: Double
    let median: Double

    static func routes(of service: Service) -> [Route] {
        switch service {
        case .aiEngine:
            [Route(method: "GET", endpoint: "/api/v1/signals", rate: 4, median: 0.008),
             Route(method: "POST", endpoint: "/api/v1/signals", rate: 1.5, median: 0.015),
             Route(method: "POST", endpoint: "/api/v1/predict", rate: 6, median: 0.045)]
        case .execution:
            [Route(method: "POST", endpoint: "/api/v1/orders", rate: 3, median: 0.02),
             Route(method: "GET", endpoint: "/api/v1/orders", rate: 1, median: 0.006),
             Route(method: "GET", endpoint: "/api/v1/trades", rate: 2, median: 0.008)]
        case .riskSafety:
            [Route(method: "POST", endpoint: "/api/v1/risk/check", rate: 5, median: 0.004),
             Route(method: "GET", endpoint: "/api/v1/policies", rate: 0.5, median: 0.003),
             Route(method: "POST", endpoint: "/api/v1/policies", rate: 0.1, median: 0.01)]
        case .portfolio:
            [Route(method: "GET", endpoint: "/api/v1/portfolio", rate: 2, median: 0.012),
             Route(method: "GET", endpoint: "/api/v1/positions", rate: 3, median: 0.007)]
        default:
            [Route(method: "GET", endpoint: "/api/v1/status", rate: 1, median: 0.005)]
        }
    }

    /// Shares of each status: creates answer 201, reads 200; clients err more on writes.
    var statusShares: [(String, Double)] {
        let errors: [(String, Double)] = method == "POST"
            ? [("400", 0.012), ("500", 0.002), ("503", 0.001)]
            : [("400", 0.004), ("404", 0.005), ("500", 0.002), ("503", 0.001)]
        let success = method == "POST" && endpoint != "/api/v1/predict" && endpoint != "/api/v1/risk/check" ? "201" : "200"
        return [(success, 1 - errors.reduce(0) { $0 + $1.1 })] + errors
    }
}

extension PlanBuilder {
    static let probeRate = 0.2

    mutating func addHTTP() {
        let service = self.service
        for route in Route.routes(of: service) {
            let labels = [Label("method", route.method), Label("endpoint", route.endpoint)]
            for (status, share) in route.statusShares {
                counter("http_requests_total", labels + [Label("status", status)],
                        tag: StreamTag(service: service, kind: .http(endpoint: route.endpoint, status: status)),
                        rate: route.rate * share)
            }
            histogram("http_request_duration_seconds", labels, buckets: Vocabulary.latencyBuckets,
                      domain: .http, detail: route.endpoint, rate: route.rate, median: route.median, spikeMedian: 1.2)
        }
        // Probes: constant traffic, 503 only while the service is reported down.
        let health = [Label("method", "GET"), Label("endpoint", "/health")]
        counter("http_requests_total", health + [Label("status", "200")],
                tag: StreamTag(service: service, kind: .http(endpoint: "/health", status: "200"), followsMarket: false),
                rate: Self.probeRate)
        counter("http_requests_total", health + [Label("status", "503")],
                tag: StreamTag(service: service, kind: .http(endpoint: "/health", status: "503"), baseline: 0,
                               followsMarket: false),
                rate: Self.probeRate)
        histogram("http_request_duration_seconds", health, buckets: Vocabulary.latencyBuckets, domain: .http,
                  detail: "/health", rate: Self.probeRate, median: 0.0008, spikeMedian: 0.0008, followsMarket: false)

        // Little's law: requests in flight = arrival rate × mean latency, plus a hashed coin
        // flip for the fractional part so the gauge moves between 0, 1, 2...
        for route in Route.routes(of: service) + [Route(method: "GET", endpoint: "/health", rate: Self.probeRate, median: 0.0008)] {
            let labels = [Label("method", route.method), Label("endpoint", route.endpoint)]
            let tags = LatencyComponent.allCases.map {
                StreamTag(service: service, kind: .latency(.http, $0, detail: route.endpoint),
                          baseline: $0 == .spike ? 0 : 1, followsMarket: route.endpoint != "/health")
            }
            series("http_requests_in_progress", labels) { context, key in
                let busy = route.rate * 1.16 * (0.9 * context.level(tags[0]) * route.median
                    + 0.1 * context.level(tags[1]) * route.median * 4 + context.level(tags[2]) * 1.2)
                let tick = Int64((context.t / Context.jitterStep).rounded(.down))
                return (busy * 8 + context.noise.unit(key, tick)).rounded(.down)
            }
        }

        series("process_start_time_seconds", []) { context, _ in context.processStart(service) }
    }
}
