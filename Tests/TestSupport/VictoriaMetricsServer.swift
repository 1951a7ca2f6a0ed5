import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real single-node VictoriaMetrics (`victoria-metrics` from Debian) on 127.0.0.1, a free
/// port and a temp storage dir, stopped by PID.
public final class VictoriaMetricsServer: @unchecked Sendable {
    public let port: Int
    public let directory: TemporaryDirectory
    public let process: ChildProcess
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init(extraArguments: [String] = []) async throws {
        directory = try TemporaryDirectory("victoria-metrics")
        port = try freePort()
        process = try ChildProcess("victoria-metrics", [
            "-storageDataPath=\(directory.file("data"))",
            "-httpListenAddr=127.0.0.1:\(port)",
            "-retentionPeriod=100y",
            "-search.disableCache",
            "-loggerLevel=ERROR",
        ] + extraArguments, directory: directory.path)
        let ready = await waitUntil(timeout: .seconds(60)) { [port] in
            await httpGet("http://127.0.0.1:\(port)/health")?.status == 200
        }
        guard ready else {
            process.stop()
            throw TestSupportError("VictoriaMetrics did not become ready: \(process.stderr.suffix(2000))")
        }
    }

    /// Imports Prometheus text exposition lines (`name{labels} value timestamp_ms`) and makes
    /// them searchable at once.
    public func importPrometheus(_ text: String) async throws {
        let status = await httpPost("\(baseURL)/api/v1/import/prometheus", body: Data(text.utf8))
        guard status == 204 || status == 200 else { throw TestSupportError("VictoriaMetrics import answered \(status.map(String.init) ?? "nothing")") }
        guard await httpGet("\(baseURL)/internal/force_flush")?.status == 200 else {
            throw TestSupportError("VictoriaMetrics force_flush failed")
        }
    }

    public func stop() {
        process.stop()
        directory.remove()
    }

    deinit { stop() }
}

/// A plain HTTP POST on loopback; the status, or nil when the connection fails.
public func httpPost(_ url: String, body: Data, contentType: String = "text/plain", timeout: TimeInterval = 10) async -> Int? {
    guard let url = URL(string: url) else { return nil }
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.httpBody = body
    request.timeoutInterval = timeout
    request.setValue(contentType, forHTTPHeaderField: "Content-Type")
    guard let (_, response) = try? await URLSession.shared.data(for: request), let http = response as? HTTPURLResponse else { return nil }
    return http.statusCode
}
