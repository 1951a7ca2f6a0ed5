import NIOCore
import NIOPosix
import Testing
import TestSupport
@testable import PrometheusAPI

/// The viewer's HTTP client runs on one event loop of its own, not on NIO's singleton (a
/// thread per core), and shuts that loop down with it.
@Suite struct PrivateHTTPClientTests {
    @Test func aClientGroupQueriesOverOneEventLoopOfItsOwn() async throws {
        let server = try FaultServer { _ in .respond(status: 200, body: FaultTests.vectorBody) }
        defer { server.stop() }
        let http = PrivateHTTPClient(for: [])
        let loops = Array(http.client.eventLoopGroup.makeIterator())
        #expect(loops.count == 1)
        let shared = Array(MultiThreadedEventLoopGroup.singleton.makeIterator())
        #expect(!shared.contains { $0 === loops[0] })
        await http.shutdown()

        let group = ClientGroup([DatasourceSettings(name: "a", url: server.baseURL), DatasourceSettings(name: "b", url: server.baseURL)])
        for client in group.clients {
            let response = try await client.query("up", at: 1_700_000_000_000)
            #expect(response.result.series.count == 1)
        }
        await group.shutdown()
    }

    @Test func aClientWithoutASharedOneOwnsItsLoopAndShutsItDownOnce() async throws {
        let server = try FaultServer { _ in .respond(status: 200, body: FaultTests.vectorBody) }
        defer { server.stop() }
        let client = PrometheusClient(settings: DatasourceSettings(name: "solo", url: server.baseURL))
        #expect(try await client.query("up", at: 1_700_000_000_000).result.series.count == 1)
        await client.shutdown()
        await client.shutdown()
    }
}
