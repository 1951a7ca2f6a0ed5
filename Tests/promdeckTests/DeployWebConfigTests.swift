import Foundation
import Testing
import TestSupport

/// deploy/'s production pieces: the web config (bcrypt basic auth + TLS, a certificate the
/// test makes with openssl) in front of a real Prometheus, reached by `promdeck query` with
/// the config's credentials from a file and its CA; the region configs pass promtool.
@Suite("deploy/ web config and region configs", .serialized, .tags(.prometheus, .promtool))
struct DeployWebConfigTests {
    @Test func prometheusBehindTheWebConfig() async throws {
        let tls = try TLSMaterial()
        defer { tls.remove() }
        let work = try TemporaryDirectory("deploy-web")
        defer { work.remove() }
        let webConfig = try work.write("web-config.yml", try String(contentsOfFile: repositoryRoot() + "/deploy/web-config.yml", encoding: .utf8)
            .replacingOccurrences(of: "tls/server.crt", with: tls.serverCertificate)
            .replacingOccurrences(of: "tls/server.key", with: tls.serverKey))
        let check = try await offCooperativePool { try runCommand("promtool", ["check", "web-config", webConfig], timeout: .seconds(60)) }
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let server = try await PrometheusServer(extraArguments: ["--web.config.file=\(webConfig)"], waitForReady: false)
        defer { server.stop() }
        _ = try work.write("pw", "secret-pw\n")
        _ = try work.write("wrong-pw", "wrong-pw-4c1e\n")
        func config(_ name: String, password: String, ca: Bool) throws -> String {
            try work.write("\(name).yaml", """
                datasources:
                  - name: prod
                    url: https://127.0.0.1:\(server.port)
                    basic_auth: {username: promdeck, password_file: \(password)}
                    timeout: 5s
                \(ca ? "    tls_config: {ca_file: \(tls.caCertificate)}" : "")
                """)
        }
        let good = try config("good", password: work.file("pw"), ca: true)
        func query(_ path: String) async throws -> CommandOutput {
            try await offCooperativePool { try runCommand(QueryCommandTests.executable, ["query", "1+1", "--config", path], timeout: .seconds(60)) }
        }
        let up = await waitUntil(timeout: .seconds(30)) { (try? await query(good))?.status == 0 }
        #expect(up, "\(server.process.stderr.suffix(1000))")
        let answer = try await query(good)
        #expect(answer.stdout.contains("2"), "\(answer.stdout)")

        let wrong = try await query(try config("wrong", password: work.file("wrong-pw"), ca: true))
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("401"), "\(wrong.stderr)")
        #expect(!(wrong.stdout + wrong.stderr).contains("wrong-pw-4c1e"))

        let noCA = try await query(try config("no-ca", password: work.file("pw"), ca: false))
        #expect(noCA.status != 0)
        #expect(noCA.stderr.lowercased().contains("certificate"), "\(noCA.stderr)")
    }

    @Test func regionConfigsPassPromtool() async throws {
        for name in ["a-1", "a-2", "b-1", "b-2"] {
            let path = repositoryRoot() + "/deploy/regions/prometheus-\(name).yml"
            let output = try await offCooperativePool { try runCommand("promtool", ["check", "config", path], timeout: .seconds(60)) }
            #expect(output.status == 0, "\(name): \(output.stdout)\(output.stderr)")
        }
    }
}
