import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// Faults real servers will not produce on demand, from `FaultServer`.
@Suite struct FaultTests {
    static let vectorBody = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"x"},"value":[1700000000,"7"]}]},"warnings":["be careful"]}"#

    /// Runs `body` with a client for `server`, then shuts its HTTP client down.
    func withClient<T>(
        // Long: only the timeout test relies on timing out (and sets its own). Under the full
        // suite on 2 cores, CPU-bound tests can hold both cooperative threads long enough that a
        // 30 s guard fired before the body loop resumed (CI once saw "closed" time out).
        _ url: String, timeout: Duration = .seconds(120), maxResponseBytes: Int = DatasourceSettings.defaultMaxResponseBytes,
        auth: DatasourceSettings.Auth = .none, _ body: (PrometheusClient) async throws -> T
    ) async throws -> T {
        let settings = DatasourceSettings(name: "fault", url: url, auth: auth, timeout: timeout, maxResponseBytes: maxResponseBytes)
        let client = PrometheusClient(settings: settings)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// The QueryError an instant query fails with, and how long it took.
    func queryError(_ client: PrometheusClient, _ expr: String = "up") async -> (QueryError?, Duration) {
        let start = ContinuousClock.now
        do {
            _ = try await client.query(expr, at: 1_700_000_000_000)
            return (nil, ContinuousClock.now - start)
        } catch {
            return (error, ContinuousClock.now - start)
        }
    }

    @Test func successWithWarnings() async throws {
        let server = try FaultServer { _ in .respond(status: 200, headers: [("Content-Type", "application/json")], body: FaultTests.vectorBody) }
        defer { server.stop() }
        let response = try await withClient(server.baseURL) { try await $0.query("up", at: 1_700_000_000_000) }
        #expect(response.warnings == ["be careful"])
        #expect(response.result == .vector([InstantSample(labels: Labels(["job": "x"]), sample: Sample(1_700_000_000_000, 7))]))
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/api/v1/query?query=up&time=1700000000")
        #expect(request.header("accept-encoding")?.contains("gzip") == true)
    }

    @Test func serviceUnavailableWithErrorJSON() async throws {
        let server = try FaultServer { _ in
            .respond(status: 503, body: #"{"status":"error","errorType":"unavailable","error":"too many queries in flight"}"#)
        }
        defer { server.stop() }
        let (error, _) = try await withClient(server.baseURL) { await queryError($0) }
        #expect(error?.kind == .unavailable)
        #expect(error?.summary == "HTTP 503")
        #expect(error?.message.contains("too many queries in flight") == true)
    }

    @Test func badDataAndProxyPages() async throws {
        let server = try FaultServer { request in
            request.target.contains("bad") ? .respond(status: 400, body: #"{"status":"error","errorType":"bad_data","error":"parse error at char 4"}"#)
                : .respond(status: 502, headers: [("Content-Type", "text/html")], body: "<html><body><h1>502 Bad Gateway</h1></body></html>")
        }
        defer { server.stop() }
        try await withClient(server.baseURL) { client in
            let (badData, _) = await queryError(client, "bad(")
            #expect(badData?.kind == .badData)
            #expect(badData?.summary == "bad data")
            let (proxy, _) = await queryError(client)
            #expect(proxy?.kind == .http)
            #expect(proxy?.message.contains("HTTP 502") == true && proxy?.message.contains("Bad Gateway") == true)
            await #expect(throws: QueryError.self) { _ = try await client.labelNames(matching: [], start: 0, end: 1) }
        }
    }

    @Test func unauthorized() async throws {
        let server = try FaultServer { _ in .respond(status: 401, headers: [("WWW-Authenticate", "Basic")], body: "Unauthorized\n") }
        defer { server.stop() }
        let (error, _) = try await withClient(server.baseURL) { await queryError($0) }
        #expect(error?.kind == .unauthorized)
        #expect(error?.message.contains("401") == true)
    }

    @Test func timeoutFiresAtTheConfiguredTime() async throws {
        let server = try FaultServer { _ in .delay(.seconds(30), then: .respond(status: 200, body: FaultTests.vectorBody)) }
        defer { server.stop() }
        let (error, _) = try await withClient(server.baseURL, timeout: .seconds(1)) { await queryError($0) }
        #expect(error?.kind == .timeout)
        #expect(error?.message.contains("within 1s") == true, "\(String(describing: error))")
        // The time it fires at, in a process of its own: in this one, the timer's wake-up
        // waits for a cooperative thread, which the CPU-bound suites running beside it on
        // 2 cores kept busy for over 50 s (measured here on a Dispatch thread).
        let directory = try TemporaryDirectory("timeout")
        defer { directory.remove() }
        let config = try directory.write("config.yaml", """
            datasources:
              - name: slow
                url: \(server.baseURL)
                timeout: 1s
            """)
        let executable = try promdeckExecutable()
        let (output, elapsed) = try await offCooperativePool {
            let clock = ContinuousClock()
            var output: CommandOutput?
            let elapsed = try clock.measure { output = try runCommand(executable, ["query", "up", "--config", config], timeout: .seconds(60)) }
            return (output!, elapsed)
        }
        #expect(output.status != 0)
        #expect(output.stderr.contains("within 1s"), "\(output.stderr)")
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(10), "promdeck query took \(elapsed)")
    }

    /// The timeout covers the whole answer, not only its head: a server that stops in the
    /// middle of the body fails the query at the timeout too.
    @Test func timeoutCoversABodyThatStalls() async throws {
        let server = try FaultServer { _ in .stalled(body: #"{"status":"success","data":{"resultType":"vector","result":["#, declaredLength: 4096) }
        defer { server.stop() }
        let (error, _) = try await withClient(server.baseURL, timeout: .seconds(1)) { await queryError($0) }
        #expect(error?.kind == .timeout, "\(String(describing: error))")
        #expect(error?.message.contains("within 1s") == true, "\(String(describing: error))")
    }

    @Test func cancellationStopsTheRequest() async throws {
        let server = try FaultServer { _ in .delay(.seconds(300), then: .respond(status: 200, body: FaultTests.vectorBody)) }
        defer { server.stop() }
        try await withClient(server.baseURL, timeout: .seconds(120)) { client in
            let task = Task { await queryError(client) }
            // Cancel once the request is out: on a busy machine the task may not have sent
            // it yet after any fixed pause, and then there is no connection to hang up.
            #expect(await waitUntil(timeout: .seconds(60)) { !server.requests.isEmpty })
            task.cancel()
            let (error, _) = await task.value
            #expect(error?.kind == .canceled)
            // Cancelled, not timed out (.timeout after the client's 120 s) nor answered (after
            // the server's 300 s): the kind says which. No time is asserted: this process's
            // wake-ups wait for cooperative threads the suites beside it keep busy.
        }
    }

    @Test func truncatedAndMalformedJSON() async throws {
        let body = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"x"},"value":[17000"#
        let server = try FaultServer { request in
            switch request.target {
            case let target where target.contains("declared"): .truncated(status: 200, body: body, declaredLength: 4096)
            case let target where target.contains("closed"): .closeDelimited(status: 200, body: body)
            default: .respond(status: 200, body: #"{"status":"success","data":{"resultType":"vector","result":[}}"#)
            }
        }
        defer { server.stop() }
        try await withClient(server.baseURL) { client in
            for expr in ["declared", "closed"] {
                let (error, _) = await queryError(client, expr)
                #expect(error?.kind == .badResponse, "\(expr): \(String(describing: error))")
                #expect(error?.message.contains("truncated") == true, "\(expr): \(String(describing: error))")
            }
            let (malformed, _) = await queryError(client, "malformed")
            #expect(malformed?.kind == .badResponse)
            #expect(malformed?.message.contains("invalid JSON") == true)
            #expect(malformed?.message.contains(#"{"status":"success""#) == true, "shows an excerpt")
        }
    }

    @Test func connectionResetAndRefused() async throws {
        let server = try FaultServer { _ in .reset }
        defer { server.stop() }
        let (reset, _) = try await withClient(server.baseURL) { await queryError($0) }
        #expect(reset?.kind == .connection, "\(String(describing: reset))")
        let closedPort = try freePort()
        let (refused, elapsed) = try await withClient("http://127.0.0.1:\(closedPort)", timeout: .seconds(60)) { await queryError($0) }
        #expect(refused?.kind == .connection)
        #expect(refused?.summary == "connection refused", "\(String(describing: refused))")
        // Far below the 60 s timeout: it fails at once instead of retrying until then.
        #expect(elapsed < .seconds(20), "fails at once instead of retrying until the timeout")
    }

    @Test(arguments: [true, false])
    func hugeBodyStopsAtTheCap(declareLength: Bool) async throws {
        let server = try FaultServer { _ in .stream(bytes: 100 << 20, declareLength: declareLength) }
        defer { server.stop() }
        // A generous timeout: on a loaded machine reading 8 MiB must not turn into a timeout.
        let (error, _) = try await withClient(server.baseURL, timeout: .seconds(60), maxResponseBytes: 8 << 20) { await queryError($0) }
        #expect(error?.kind == .tooLarge)
        #expect(error?.message.contains("8 MiB") == true)
        // The client stopped reading: far less than 100 MB left the server (socket buffers aside).
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.streamedBytes < 40 << 20, "server wrote \(server.streamedBytes) bytes")
    }

    @Test func longQueriesArePosted() async throws {
        let server = try FaultServer { _ in .respond(status: 200, body: FaultTests.vectorBody) }
        defer { server.stop() }
        let longExpr = "up{instance=~\"" + (0..<1500).map { "host\($0)" }.joined(separator: "|") + "\"}"
        try await withClient(server.baseURL) { client in
            _ = try await client.query(longExpr, at: 1_700_000_000_000)
        }
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/api/v1/query")
        #expect(request.header("content-type") == "application/x-www-form-urlencoded")
        #expect(request.body.hasPrefix("query=up%7Binstance%3D~%22host0%7Chost1%7C"))
        #expect(request.body.hasSuffix("&time=1700000000"))
    }

    @Test func credentialsDoNotFollowARedirectToAnotherHost() async throws {
        let other = try FaultServer(host: "127.0.0.2") { _ in .respond(status: 200, body: FaultTests.vectorBody) }
        defer { other.stop() }
        let origin = try FaultServer { request in
            request.target.hasPrefix("/moved")
                ? .respond(status: 200, body: FaultTests.vectorBody)
                : request.target.contains("same")
                ? .respond(status: 302, headers: [("Location", "/moved/api/v1/query?query=same")], body: "")
                : .respond(status: 307, headers: [("Location", "\(other.baseURL)/api/v1/query?query=up")], body: "")
        }
        defer { origin.stop() }
        let auth = DatasourceSettings.Auth.basic(username: "admin", password: Secret(.value("hunter2"), key: "test"))
        try await withClient(origin.baseURL, auth: auth) { client in
            _ = try await client.query("up", at: 1_700_000_000_000)
            _ = try await client.query("same", at: 1_700_000_000_000)
        }
        let expected = "Basic " + Data("admin:hunter2".utf8).base64EncodedString()
        #expect(origin.requests.first?.header("authorization") == expected)
        #expect(other.requests.count == 1)
        #expect(other.requests.first?.header("authorization") == nil)
        // A redirect on the same host keeps the credentials.
        #expect(origin.requests.last?.target == "/moved/api/v1/query?query=same")
        #expect(origin.requests.last?.header("authorization") == expected)
    }

    @Test func droppingAnOwnedClientWithoutShutdownDoesNotCrash() async throws {
        let server = try FaultServer { _ in .respond(status: 200, body: FaultTests.vectorBody) }
        defer { server.stop() }
        var client: PrometheusClient? = PrometheusClient(settings: DatasourceSettings(name: "dropped", url: server.baseURL))
        let response = try await client?.query("up", at: 0)
        #expect(response?.warnings == ["be careful"])
        client = nil
        try await Task.sleep(for: .milliseconds(100))
        #expect(client == nil)
    }

    @Test func aMissingSecretIsAConfigurationErrorNamingTheVariable() async throws {
        let server = try FaultServer { _ in .respond(status: 200, body: FaultTests.vectorBody) }
        defer { server.stop() }
        let auth = DatasourceSettings.Auth.authorization(type: "Bearer", credentials: Secret(.environment("PROMDECK_NO_SUCH_TOKEN"), key: "authorization.credentials_env"))
        let (error, _) = try await withClient(server.baseURL, auth: auth) { await queryError($0) }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains("PROMDECK_NO_SUCH_TOKEN") == true)
        #expect(server.requests.isEmpty, "nothing is sent without the credentials")
    }
}
