import Foundation

/// A real Prometheus on 127.0.0.1, a free port and a temp data dir, stopped by PID.
public final class PrometheusServer: @unchecked Sendable {
    public let port: Int
    public let directory: TemporaryDirectory
    public let process: ChildProcess
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts Prometheus with `config` (YAML text) over `dataDirectory` (a fresh one if nil,
    /// e.g. blocks made by promtool), and waits until it reports ready over plain HTTP (pass
    /// `waitForReady: false` when a web config adds TLS or auth, and wait with your own client).
    /// `port` lets a config that scrapes the server itself name its port in advance.
    public init(
        config: String = "global:\n  scrape_interval: 15s\n", dataDirectory: String? = nil, extraArguments: [String] = [],
        port requestedPort: Int? = nil, waitForReady: Bool = true
    ) async throws {
        directory = try TemporaryDirectory("prometheus")
        let configPath = try directory.write("prometheus.yml", config)
        let data = dataDirectory ?? directory.file("data")
        // Two servers of parallel tests can still pick one port; a chosen (not requested) port
        // that turns out taken is chosen again.
        var attempt = 0
        while true {
            attempt += 1
            let port = try requestedPort ?? freePort()
            let process = try ChildProcess("prometheus", [
                "--config.file=\(configPath)",
                "--storage.tsdb.path=\(data)",
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:\(port)",
                "--web.enable-lifecycle",
            ] + extraArguments, directory: directory.path)
            guard waitForReady else {
                (self.port, self.process) = (port, process)
                return
            }
            let ready = await waitUntil(timeout: .seconds(60)) {
                guard process.isRunning else { return true }
                return await httpGet("http://127.0.0.1:\(port)/-/ready")?.status == 200
            }
            if ready, process.isRunning {
                (self.port, self.process) = (port, process)
                return
            }
            process.stop()
            let collided = process.stderr.contains("address already in use")
            guard collided, requestedPort == nil, attempt < 3 else {
                directory.remove()
                throw TestSupportError("Prometheus did not become ready: \(process.stderr.suffix(2000))")
            }
        }
    }

    public func stop() {
        process.stop()
        directory.remove()
    }

    deinit { stop() }
}

/// Backfills an OpenMetrics file into TSDB blocks under `directory` with promtool.
public func promtoolBackfill(openMetricsFile: String, into directory: String, timeout: Duration = .seconds(300)) throws {
    let output = try runCommand("promtool", ["tsdb", "create-blocks-from", "openmetrics", openMetricsFile, directory], timeout: timeout)
    guard output.status == 0 else {
        throw TestSupportError("promtool create-blocks-from failed (\(output.status)): \(output.stderr)\(output.stdout)")
    }
}

/// TSDB blocks holding `duration` of the simulated platform from `start` (epoch seconds or
/// RFC 3339): `promdeck simulate --openmetrics` into `directory`, backfilled by promtool.
/// Returns the blocks' folder, for `PrometheusServer(dataDirectory:)`.
public func simulationBlocks(start: String, duration: String, seed: Int? = nil, in directory: TemporaryDirectory) async throws -> String {
    let file = directory.file("platform.om")
    let blocks = directory.file("data")
    let executable = try promdeckExecutable()
    let arguments = ["simulate", "--openmetrics", file, "--start", start, "--duration", duration] + (seed.map { ["--seed", String($0)] } ?? [])
    try await offCooperativePool {
        let written = try runCommand(executable, arguments, timeout: .seconds(120))
        guard written.status == 0 else { throw TestSupportError("promdeck \(arguments.joined(separator: " ")) failed (\(written.status)): \(written.stderr)") }
        try FileManager.default.createDirectory(atPath: blocks, withIntermediateDirectories: true)
        try promtoolBackfill(openMetricsFile: file, into: blocks)
    }
    return blocks
}

extension PrometheusServer {
    /// A Prometheus with native histograms on, scraping one target (the tests' hand-encoded
    /// protobuf histogram) every second as job `native`.
    public static func scrapingNativeHistograms(targetPort: Int) async throws -> PrometheusServer {
        try await PrometheusServer(config: """
            global: {scrape_interval: 1s}
            scrape_configs:
              - job_name: native
                static_configs: [{targets: ["127.0.0.1:\(targetPort)"]}]
            """, extraArguments: ["--enable-feature=native-histograms"])
    }
}
