import Foundation
import TestSupport
@testable import Simulator

/// `promdeck simulate` started by a test on free ports (a free --port-offset), stopped by PID.
final class SimulatorProcess: @unchecked Sendable {
    let offset: Int
    let process: ChildProcess

    static var executable: String { (try? promdeckExecutable()) ?? repositoryRoot() + "/.build/debug/promdeck" }

    init(seed: UInt64, speed: Double) async throws {
        guard FileManager.default.isExecutableFile(atPath: SimulatorProcess.executable) else {
            throw TestSupportError("\(SimulatorProcess.executable) is missing: run `swift build` first")
        }
        offset = try freePortOffset(for: Service.all.map(\.port))
        process = try ChildProcess(SimulatorProcess.executable, [
            "simulate", "--port-offset", "\(offset)", "--seed", "\(seed)", "--speed", "\(speed)",
        ])
        let ports = Service.all.map { $0.port + offset }
        let up = await waitUntil(timeout: .seconds(30)) {
            for port in ports where await httpGet("http://127.0.0.1:\(port)/metrics")?.status != 200 { return false }
            return true
        }
        guard up else {
            process.stop()
            throw TestSupportError("promdeck simulate did not serve /metrics: \(process.stderr.suffix(2000))")
        }
    }

    func port(_ service: Service) -> Int { service.port + offset }

    /// deploy/prometheus.yml pointed at this simulator, with `interval` for scrapes and rule
    /// evaluation, `rules` as its rule file and `alertmanager` as its Alertmanager.
    func prometheusConfig(interval: String, rules: String, alertmanager: String) throws -> String {
        var config = try String(contentsOfFile: repositoryRoot() + "/deploy/prometheus.yml", encoding: .utf8)
        for service in Service.all {
            config = config.replacingOccurrences(of: "127.0.0.1:\(service.port)\"", with: "127.0.0.1:\(port(service))\"")
        }
        return config
            .replacingOccurrences(of: "scrape_interval: 15s", with: "scrape_interval: \(interval)")
            .replacingOccurrences(of: "evaluation_interval: 15s", with: "evaluation_interval: \(interval)")
            .replacingOccurrences(of: "- alerts.yml", with: "- \(rules)")
            .replacingOccurrences(of: "127.0.0.1:9093", with: alertmanager)
    }

    func stop() { process.stop() }

    deinit { stop() }
}

/// An instant query against a Prometheus; the result list of its JSON answer.
func query(_ prometheus: PrometheusServer, _ expression: String, at time: Double? = nil) async -> [[String: Any]] {
    var components = URLComponents(string: "\(prometheus.baseURL)/api/v1/query")
    components?.queryItems = [URLQueryItem(name: "query", value: expression)] + (time.map { [URLQueryItem(name: "time", value: "\($0)")] } ?? [])
    guard let url = components?.url?.absoluteString, let response = await httpGet(url), response.status == 200,
          let json = try? JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any],
          let data = json["data"] as? [String: Any], let result = data["result"] as? [[String: Any]] else { return [] }
    return result
}

/// The value of an instant-vector element.
func sampleValue(_ element: [String: Any]) -> Double? {
    guard let pair = element["value"] as? [Any], pair.count == 2, let text = pair[1] as? String else { return nil }
    return Double(text)
}

/// The seed's panel queries (shared/seeds: the four dashboards' PromQL).
let seedQueries = [
    "rate(http_requests_total[5m])",
    "histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))",
    "rate(http_requests_total{status=~\"5..\"}[5m])",
    "sum(trades_executed_total)",
    "sum(positions_open) by (symbol)",
    "portfolio_value_usd",
    "rate(eventbus_messages_published_total[5m])",
    "eventbus_queue_lag",
    "histogram_quantile(0.95, rate(eventbus_message_processing_duration_seconds_bucket[5m]))",
    "histogram_quantile(0.95, rate(redis_operation_duration_seconds_bucket[5m]))",
    "increase(emergency_stop_triggered_total[1h])",
]
