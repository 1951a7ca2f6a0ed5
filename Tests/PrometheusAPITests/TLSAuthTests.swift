import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// Prometheus with `--web.config.file`: TLS with a certificate from a CA the test makes with
/// openssl, and basic auth with a bcrypt hash.
@Suite(.tags(.prometheus)) struct TLSAuthTests {
    /// bcrypt (cost 10) of "secret-pw", precomputed: neither htpasswd nor python's bcrypt is installed.
    static let passwordHash = "$2b$10$5UpF627GMQJhKX3kr2Rgd.PLQ5IFXxlCZtUN3L1Vfk6BI6PYNKvi2"

    @Test func basicAuthAndTLS() async throws {
        let tls = try TLSMaterial()
        defer { tls.remove() }
        let work = try TemporaryDirectory("tls-auth")
        defer { work.remove() }
        let webConfig = try work.write("web.yml", """
            tls_server_config:
              cert_file: \(tls.serverCertificate)
              key_file: \(tls.serverKey)
            basic_auth_users:
              admin: \(TLSAuthTests.passwordHash)
            """)
        let server = try await PrometheusServer(extraArguments: ["--web.config.file=\(webConfig)"], waitForReady: false)
        defer { server.stop() }
        _ = try work.write("right", "secret-pw\n")
        _ = try work.write("wrong", "not-the-password\n")
        let url = "https://127.0.0.1:\(server.port)"

        // Config as a user writes it, relative paths resolved against its directory.
        _ = try work.write("ca.crt", try String(contentsOfFile: tls.caCertificate, encoding: .utf8))
        _ = try work.write("other-ca.crt", try String(contentsOfFile: tls.otherCACertificate, encoding: .utf8))
        let configPath = try work.write("config.yaml", """
            default: good
            datasources:
              - name: good
                url: \(url)
                basic_auth: {username: admin, password_file: right}
                tls_config: {ca_file: ca.crt}
                timeout: 5s
              - name: wrong-password
                url: \(url)
                basic_auth: {username: admin, password_file: wrong}
                tls_config: {ca_file: ca.crt}
              - name: wrong-ca
                url: \(url)
                basic_auth: {username: admin, password_file: right}
                tls_config: {ca_file: other-ca.crt}
              - name: by-name
                url: \(url)
                basic_auth: {username: admin, password_env: PROMDECK_TEST_PW}
                tls_config: {ca_file: ca.crt, server_name: prometheus.test}
            """)
        let config = try PromdeckConfig.load(path: configPath)
        let httpClient = PrometheusClient.makeHTTPClient(for: config.datasources)
        let environment = ["PROMDECK_TEST_PW": "secret-pw"]
        func client(_ name: String) throws -> PrometheusClient {
            PrometheusClient(settings: try config.datasource(named: name), httpClient: httpClient, environment: environment)
        }
        do {
            let good = try client("good")
            let up = await waitUntil(timeout: .seconds(30)) { (try? await good.buildInfo()) != nil }
            #expect(up, "Prometheus with TLS and auth did not answer: \(server.process.stderr.suffix(1500))")
            let answer = try await good.query("1+1", at: Int64(Date().timeIntervalSince1970) * 1000)
            #expect(answer.result.series.first?.samples.first?.value == 2)
            #expect(try await good.buildInfo().version.hasPrefix("2."))

            let wrongPassword = await #expect(throws: QueryError.self) { _ = try await client("wrong-password").query("1", at: 0) }
            #expect(wrongPassword?.kind == .unauthorized, "\(String(describing: wrongPassword))")
            #expect(wrongPassword?.message.contains("not-the-password") == false)
            #expect(wrongPassword?.message.contains("401") == true)

            let wrongCA = await #expect(throws: QueryError.self) { _ = try await client("wrong-ca").query("1", at: 0) }
            #expect(wrongCA?.kind == .tls, "\(String(describing: wrongCA))")
            #expect(wrongCA?.message.contains("certificate") == true, "\(String(describing: wrongCA))")

            // server_name: connect to 127.0.0.1 but verify the certificate's DNS name.
            let byName = try await client("by-name").query("1+1", at: 0)
            #expect(byName.result.series.first?.samples.first?.value == 2)

            // Plain HTTP to a TLS port, and no CA at all, fail as values too.
            let noCA = PrometheusClient(settings: DatasourceSettings(name: "no-ca", url: url), httpClient: httpClient)
            let untrusted = await #expect(throws: QueryError.self) { _ = try await noCA.query("1", at: 0) }
            #expect(untrusted?.kind == .tls)
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
        try? await httpClient.shutdown()
    }
}
