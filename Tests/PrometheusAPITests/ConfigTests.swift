import Foundation
import Testing
import TestSupport
@testable import PrometheusAPI

@Suite struct ConfigTests {
    /// Writes `yaml` as config.yaml in a fresh directory with the files it refers to.
    func withConfig<T>(_ yaml: String, files: [String: String] = ["pw": "s3cret-pw\n", "token": "tok-123", "ca.crt": "x", "c.crt": "x", "c.key": "x"],
                       _ body: (String, TemporaryDirectory) throws -> T) throws -> T {
        let directory = try TemporaryDirectory("config")
        defer { directory.remove() }
        for (name, contents) in files { _ = try directory.write(name, contents) }
        return try body(try directory.write("config.yaml", yaml), directory)
    }

    func configError(_ yaml: String) throws -> ConfigError? {
        try withConfig(yaml) { path, _ -> ConfigError? in
            do {
                _ = try PromdeckConfig.load(path: path)
                return nil
            } catch {
                return error as? ConfigError
            }
        }
    }

    @Test func everyKey() throws {
        let yaml = """
            default: prod
            theme: dark
            alertmanager_url: http://127.0.0.1:9093/
            datasources:
              - name: prod
                url: https://prometheus.example:9090/
                basic_auth: {username: admin, password_file: pw}
                http_headers: {X-Scope-OrgID: team-a, X-Other: "1"}
                tls_config: {ca_file: ca.crt, cert_file: c.crt, key_file: c.key, server_name: prom, insecure_skip_verify: false}
                timeout: 1m30s
                scrape_interval: 15s
                incremental_querying: false
                incremental_overlap: 5m
              - name: mimir
                url: http://mimir:8080/prometheus
                authorization: {type: Bearer, credentials_file: token}
              - name: env
                url: http://localhost:9090
                authorization: {credentials_env: PROMDECK_TOKEN}
            """
        try withConfig(yaml) { path, directory in
            let config = try PromdeckConfig.load(path: path)
            #expect(config.defaultDatasource == "prod")
            #expect(config.theme == "dark")
            #expect(config.alertmanagerURL == "http://127.0.0.1:9093")
            #expect(config.datasources.map(\.name) == ["prod", "mimir", "env"])
            let prod = config.datasources[0]
            #expect(prod.url == "https://prometheus.example:9090")
            #expect(prod.auth == .basic(username: "admin", password: Secret(.file(directory.file("pw")), key: "datasource \"prod\" basic_auth.password_file", location: "\(path):7")))
            #expect(prod.headers == [HTTPHeaderField("X-Scope-OrgID", "team-a"), HTTPHeaderField("X-Other", "1")])
            #expect(prod.tls == DatasourceSettings.TLS(caFile: directory.file("ca.crt"), certFile: directory.file("c.crt"), keyFile: directory.file("c.key"), serverName: "prom"))
            #expect(prod.timeout == .seconds(90))
            #expect(prod.scrapeInterval == .seconds(15))
            #expect(prod.source == "\(path):5")
            #expect(config.datasources[1].auth.kind == "Bearer")
            #expect(config.datasources[1].url == "http://mimir:8080/prometheus")
            #expect(config.datasources[2].timeout == .seconds(30))
            #expect(!prod.incrementalQuerying && prod.incrementalOverlap == .seconds(300))
            #expect(config.datasources[1].incrementalQuerying && config.datasources[1].incrementalOverlap == .seconds(600))
            guard case .basic(_, let password) = prod.auth, case .authorization(_, let token) = config.datasources[1].auth,
                  case .authorization(_, let fromEnvironment) = config.datasources[2].auth else { Issue.record("auth kinds"); return }
            #expect(try password.reveal() == "s3cret-pw")
            #expect(try token.reveal() == "tok-123")
            #expect(try fromEnvironment.reveal(environment: ["PROMDECK_TOKEN": "env-token"]) == "env-token")
            #expect(throws: ConfigError.self) { try fromEnvironment.reveal(environment: [:]) }
        }
    }

    @Test(arguments: [
        // (yaml, line, fragment of the message)
        ("datasources:\n  - name: a\n    url: http://x\n    timout: 5s\n", 4, "unknown key \"timout\""),
        ("datasources:\n  - name: a\n    url: http://x\n    basic_auth:\n      username: u\n      password: hunter2\n", 6, "inline passwords are not allowed"),
        ("datasources:\n  - name: a\n    url: http://x\n    timeout: 5 seconds\n", 4, "is not a duration"),
        ("datasources:\n  - name: a\n    url: http://x\n    timeout: 0s\n", 4, "is not a duration"),
        ("datasources:\n  - name: a\n    url: http://x\n    scrape_interval: [15s]\n", 4, "expected a string"),
        ("datasources:\n  - name: a\n    url: http://x\n    incremental_querying: sometimes\n", 4, "incremental_querying: expected true or false"),
        ("datasources:\n  - name: a\n    url: http://x\n    incremental_overlap: 10 minutes\n", 4, "is not a duration"),
        ("datasources:\n  - name: a\n    url: ftp://x\n", 3, "must start with http:// or https://"),
        ("datasources:\n  - name: a\n    url: http://x\n    tls_config: {insecure_skip_verify: maybe}\n", 4, "expected true or false"),
        ("datasources:\n  - name: a\n    url: http://x\n    tls_config: {ca_file: missing.crt}\n", 4, "no such file"),
        ("datasources:\n  - name: a\n    url: http://x\n    tls_config:\n      cert_file: c.crt\n", 5, "cert_file and key_file go together"),
        ("datasources:\n  - name: a\n    url: http://x\n    http_headers: {Authorization: Bearer x}\n", 4, "use the authorization or basic_auth block"),
        ("datasources:\n  - name: a\n    url: http://x\n    basic_auth: {username: u, password_file: pw}\n    authorization: {credentials_file: token}\n", 5, "mutually exclusive"),
        ("datasources:\n  - name: a\n    url: http://x\n    basic_auth: {username: u, password_file: pw, password_env: P}\n", 4, "set only one of"),
        ("datasources:\n  - name: a\n    url: http://x\n    authorization: {type: Basic, credentials_file: token}\n", 4, "use basic_auth"),
        ("datasources:\n  - name: a\n    url: http://x\n  - name: a\n    url: http://y\n", 4, "duplicate name"),
        ("default: b\ndatasources:\n  - name: a\n    url: http://x\n", 1, "no datasource named \"b\""),
        ("datasources:\n  - url: http://x\n", 2, "missing key \"name\""),
        ("datasources:\n  - name: a\n    url: http://x\n    url: http://y\n", 3, "duplicate key \"url\""),
        ("colour: blue\n", 1, "unknown key \"colour\""),
        ("datasources: {name: a}\n", 1, "expected a list"),
        ("datasources:\n  - name: a\n   url: http://x\n", 3, "invalid YAML"),
    ])
    func errorsNameTheKeyAndLine(yaml: String, line: Int, fragment: String) throws {
        let error = try #require(try configError(yaml))
        #expect(error.line == line, "\(error)")
        #expect(error.description.contains(fragment), "\(error)")
        #expect(error.description.contains("config.yaml:\(line):"), "\(error)")
    }

    @Test func urlWithCredentialsIsRefusedWithoutEchoingThePassword() throws {
        let error = try #require(try configError("datasources:\n  - name: a\n    url: https://admin:hunter2@prom:9090\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("basic_auth.password_file"))
        #expect(!error.description.contains("hunter2"))
        #expect(throws: ConfigError.self) { try DatasourceResolver.resolve(configPath: nil, name: nil, url: "http://u:hunter2@localhost:9090") }
        do {
            _ = try DatasourceResolver.resolve(configPath: nil, name: nil, url: "http://u:hunter2@localhost:9090")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.contains("--url"))
        }
    }

    @Test func secretsAreRedactedEverywhere() throws {
        let yaml = "datasources:\n  - name: a\n    url: http://x\n    basic_auth: {username: admin, password_file: pw}\n"
        try withConfig(yaml) { path, _ in
            let settings = try DatasourceResolver.resolve(configPath: path, name: nil, url: nil)
            let shown = ["\(settings)", String(describing: settings), String(reflecting: settings), "\(settings.auth)", "\(try PromdeckConfig.load(path: path))"]
            for text in shown {
                #expect(!text.contains("s3cret-pw"), "\(text)")
            }
            #expect(settings.description.contains("auth: basic (admin)"))
            var dumped = ""
            dump(settings, to: &dumped)
            #expect(!dumped.contains("s3cret-pw"))
        }
        let secret = Secret(.value("plain-secret"), key: "k")
        #expect("\(secret)" == "<redacted>")
        #expect(!String(reflecting: [secret]).contains("plain-secret"))
    }

    @Test func resolution() throws {
        let yaml = """
            default: b
            datasources:
              - {name: a, url: "http://a:9090"}
              - {name: b, url: "http://b:9090", authorization: {credentials_env: TOKEN_B}}
            """
        try withConfig(yaml) { path, _ in
            let env = ["TOKEN_B": "t"]
            #expect(try DatasourceResolver.resolve(configPath: path, name: nil, url: nil, environment: env).name == "b")
            #expect(try DatasourceResolver.resolve(configPath: path, name: "a", url: nil, environment: env).url == "http://a:9090")
            // --url alone ignores the config; with --datasource it keeps that datasource's auth.
            let adHoc = try DatasourceResolver.resolve(configPath: path, name: nil, url: "http://c:9090/", environment: env)
            #expect(adHoc.url == "http://c:9090" && adHoc.auth == .none && adHoc.name == "url")
            let overridden = try DatasourceResolver.resolve(configPath: path, name: "b", url: "http://tunnel:19090", environment: env)
            #expect(overridden.url == "http://tunnel:19090" && overridden.auth.kind == "Bearer")
            let unknown = #expect(throws: ConfigError.self) { try DatasourceResolver.resolve(configPath: path, name: "zz", url: nil, environment: env) }
            #expect(unknown?.message.contains("configured: a, b") == true)
            // A missing secret fails at resolution, naming the variable, not a value.
            let missing = #expect(throws: ConfigError.self) { try DatasourceResolver.resolve(configPath: path, name: "b", url: nil, environment: [:]) }
            #expect(missing?.message.contains("TOKEN_B") == true)
        }
        let noFile = #expect(throws: ConfigError.self) { try DatasourceResolver.resolve(configPath: "/nonexistent/promdeck.yaml", name: nil, url: nil) }
        #expect(noFile?.description.contains("/nonexistent/promdeck.yaml") == true)
        #expect(PromdeckConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/promdeck/config.yaml")
        #expect(PromdeckConfig.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/promdeck/config.yaml")
        let empty = try PromdeckConfig.parse(yaml: "", path: "empty.yaml")
        #expect(empty.datasources.isEmpty)
        #expect(throws: ConfigError.self) { try empty.datasource(named: nil) }
    }

}
