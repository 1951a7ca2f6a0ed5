import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real Alertmanager on 127.0.0.1, a free port and a temp dir (clustering off), stopped
/// by PID.
public final class AlertmanagerServer: @unchecked Sendable {
    public let port: Int
    public let directory: TemporaryDirectory
    public let process: ChildProcess
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts Alertmanager with `config` (YAML text), written into its temp dir with
    /// `files` (relative path → contents, e.g. receiver secrets) beside it.
    public init(config: String, files: [String: String] = [:]) async throws {
        directory = try TemporaryDirectory("alertmanager")
        port = try freePort()
        for (path, contents) in files {
            let target = directory.file(path)
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try contents.write(toFile: target, atomically: true, encoding: .utf8)
        }
        let configPath = try directory.write("alertmanager.yml", config)
        let executable = ChildProcess.which("prometheus-alertmanager") ?? "alertmanager"
        process = try ChildProcess(executable, [
            "--config.file=\(configPath)",
            "--storage.path=\(directory.file("data"))",
            "--web.listen-address=127.0.0.1:\(port)",
            "--cluster.listen-address=",
        ], directory: directory.path)
        let ready = await waitUntil(timeout: .seconds(30)) { [port] in
            await httpGet("http://127.0.0.1:\(port)/-/ready")?.status == 200
        }
        guard ready else {
            process.stop()
            throw TestSupportError("Alertmanager did not become ready: \(process.stderr.suffix(2000))")
        }
    }

    /// The alerts `/api/v2/alerts` lists now, as JSON objects.
    public func alerts() async -> [[String: Any]] {
        guard let response = await httpGet("\(baseURL)/api/v2/alerts"), response.status == 200,
              let json = try? JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [[String: Any]] else { return [] }
        return json
    }

    /// POSTs alerts (a JSON array of `{labels, annotations, startsAt}`) to `/api/v2/alerts`.
    public func postAlerts(_ json: String) async throws {
        let answer = try await post("/api/v2/alerts", json)
        guard answer.status == 200 else { throw TestSupportError("POST /api/v2/alerts: HTTP \(answer.status): \(answer.body)") }
    }

    /// Creates a silence (`{matchers, startsAt, endsAt, createdBy, comment}`); returns its id.
    @discardableResult
    public func postSilence(_ json: String) async throws -> String {
        let answer = try await post("/api/v2/silences", json)
        guard answer.status == 200, let object = try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any],
              let id = object["silenceID"] as? String else {
            throw TestSupportError("POST /api/v2/silences: HTTP \(answer.status): \(answer.body)")
        }
        return id
    }

    /// An RFC 3339 time `offset` seconds from now, for startsAt/endsAt.
    public static func time(_ offset: TimeInterval) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date().addingTimeInterval(offset))
    }

    private func post(_ path: String, _ json: String) async throws -> (status: Int, body: String) {
        guard let url = URL(string: baseURL + path) else { throw TestSupportError("bad URL \(baseURL + path)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = 10
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    public func stop() {
        process.stop()
        directory.remove()
    }

    deinit { stop() }
}

extension AlertmanagerServer {
    /// The smallest routing an Alertmanager accepts: every alert to a receiver that sends
    /// nothing, grouped after a second (so posted alerts show at once).
    public static let quietConfig = """
        route:
          receiver: none
          group_wait: 1s
        receivers:
          - name: none
        """

    public static func quiet() async throws -> AlertmanagerServer {
        try await AlertmanagerServer(config: quietConfig)
    }
}
