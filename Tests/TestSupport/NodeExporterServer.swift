import Foundation

/// A real prometheus-node-exporter (Debian) on 127.0.0.1 and a free port, stopped by PID.
public final class NodeExporterServer: @unchecked Sendable {
    public let port: Int
    public let directory: TemporaryDirectory
    public let process: ChildProcess
    public var address: String { "127.0.0.1:\(port)" }

    public init() async throws {
        directory = try TemporaryDirectory("node-exporter")
        port = try freePort()
        let executable = ChildProcess.which("prometheus-node-exporter") ?? "node_exporter"
        process = try ChildProcess(executable, ["--web.listen-address=127.0.0.1:\(port)"], directory: directory.path)
        let ready = await waitUntil(timeout: .seconds(30)) { [port] in
            await httpGet("http://127.0.0.1:\(port)/metrics")?.status == 200
        }
        guard ready else {
            process.stop()
            throw TestSupportError("node exporter did not answer: \(process.stderr.suffix(2000))")
        }
    }

    public func stop() {
        process.stop()
        directory.remove()
    }

    deinit { stop() }
}
