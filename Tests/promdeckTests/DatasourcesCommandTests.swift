import Bundled
import Foundation
import Testing
import TestSupport

/// `promdeck datasources` end to end: the built binary, a config file, a real Prometheus and
/// a port nobody listens on.
@Suite(.tags(.prometheus)) struct DatasourcesCommandTests {
    var promdeck: String { QueryCommandTests.executable }

    @Test func listsAndChecksEachDatasource() async throws {
        let server = try await PrometheusServer()
        defer { server.stop() }
        let work = try TemporaryDirectory("datasources-command")
        defer { work.remove() }
        _ = try work.write("pw", "hunter2-secret\n")
        let deadPort = try freePort()
        let config = try work.write("config.yaml", """
            default: local
            datasources:
              - name: local
                url: \(server.baseURL)
                basic_auth: {username: ops, password_file: pw}
              - name: dead
                url: http://127.0.0.1:\(deadPort)
                timeout: 2s
            """)
        let output = try runCommand(promdeck, ["datasources", "--config", config], timeout: .seconds(30))
        #expect(output.status == 1, "one datasource is down: \(output.stdout)\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("NAME") == true)
        #expect(lines.last == "promdeck \(Bundled.version), config \(config)")
        let local = try #require(lines.first { $0.hasPrefix("local (default)") })
        #expect(local.contains("OK") && local.contains("2.") && local.contains("basic (ops)") && local.contains(" ms"), "\(local)")
        let dead = try #require(lines.first { $0.hasPrefix("dead") })
        #expect(dead.contains("FAIL") && dead.contains("connection refused"), "\(dead)")
        #expect(!output.stdout.contains("hunter2") && !output.stderr.contains("hunter2"))
    }

    @Test func configErrorsNameFileAndLine() throws {
        let work = try TemporaryDirectory("datasources-command")
        defer { work.remove() }
        let config = try work.write("config.yaml", "datasources:\n  - name: a\n    url: http://admin:hunter2@localhost:9090\n")
        let output = try runCommand(promdeck, ["datasources", "--config", config], timeout: .seconds(30))
        #expect(output.status != 0)
        #expect(output.stderr.contains("config.yaml:3:"), "\(output.stderr)")
        #expect(output.stderr.contains("basic_auth.password_file"))
        #expect(!output.stderr.contains("hunter2") && !output.stdout.contains("hunter2"))
    }
}
