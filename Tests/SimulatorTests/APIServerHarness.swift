import Foundation
import PromModel
import PromQL
import Simulator
import SimulatorServers
import TestSupport

/// `PrometheusAPIServer` running in this process on a port the kernel picks, over the demo
/// platform frozen at `now` (so direct datasource calls and HTTP answers see the same data).
final class RunningAPIServer: Sendable {
    static let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000 + 7_000  // 2026-01-01T14:00:07Z
    static let version = "9.8.7-test"

    let port: Int
    let datasource: LiveDemoDatasource
    private let task: Task<Void, any Error>

    var baseURL: String { "http://127.0.0.1:\(port)" }

    init(seed: UInt64 = 7, promQLVersion: PromQLVersion = .v3) async throws {
        let now = RunningAPIServer.now
        let datasource = LiveDemoDatasource(platform: DemoPlatform(seed: seed, now: now, promQLVersion: promQLVersion), clock: { now })
        self.datasource = datasource
        let server = PrometheusAPIServer(
            datasource: datasource, address: ListenAddress(host: "127.0.0.1", port: 0), version: RunningAPIServer.version,
            promQLVersion: promQLVersion, now: { now })
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        task = Task {
            defer { continuation.finish() }
            try await server.run { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            let failure = await task.result
            throw TestSupportError("the API server did not start: \(failure)")
        }
        self.port = port
    }

    /// GET `path` with `parameters` form-encoded in the URL.
    func get(_ path: String, _ parameters: [(String, String)] = []) async throws -> HTTPAnswer {
        try await httpRequest(baseURL + path + (parameters.isEmpty ? "" : "?" + formEncode(parameters)))
    }

    /// POST `parameters` as a form body.
    func post(_ path: String, _ parameters: [(String, String)]) async throws -> HTTPAnswer {
        try await httpRequest(baseURL + path, form: formEncode(parameters))
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// Seconds as the API takes them.
func seconds(_ timestamp: Timestamp) -> String { PrometheusJSON.formatTimestamp(timestamp) }

/// The parsed JSON of an API answer.
func json(_ answer: HTTPAnswer) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any] else {
        throw TestSupportError("not a JSON object: \(answer.body.prefix(300))")
    }
    return object
}
