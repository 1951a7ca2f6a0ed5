import NIOCore
import NIOPosix
import PromModel
import Synchronization
import Testing
import TestSupport
@testable import PrometheusAPI

/// The viewer waits for a client group's answers on the group's own event loop: work there
/// runs on the loop's thread, an answer resumes it there, and its timers are the loop's.
@Suite struct EventLoopExecutorTests {
    @Test func workPreferringTheExecutorRunsOnTheLoopAndResumesThereAfterAnAnswer() async throws {
        let server = try FaultServer { _ in .respond(status: 200, body: FaultTests.vectorBody) }
        defer { server.stop() }
        let http = PrivateHTTPClient(for: [])
        let loop = http.client.eventLoopGroup.next()
        let client = PrometheusClient(settings: DatasourceSettings(name: "a", url: server.baseURL), httpClient: http.client)
        let (before, series, after) = try await Task(executorPreference: http.executor) {
            let before = loop.inEventLoop
            let series = try await client.query("up", at: 1_700_000_000_000).result.series.count
            return (before, series, loop.inEventLoop)
        }.value
        #expect(before && after)
        #expect(series == 1)
        // Without the preference the same work is on the pool, not the loop.
        #expect(await Task { loop.inEventLoop }.value == false)
        await http.shutdown()
    }

    @Test func scheduledWorkRunsOnTheLoopAfterItsDelayUnlessCancelled() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let executor = EventLoopExecutor(loop)
        let ran = Mutex<[String]>([])
        let started = ContinuousClock.now
        let fired = AsyncStream<Duration>.makeStream()
        _ = executor.schedule(after: .milliseconds(50)) {
            ran.withLock { $0.append(loop.inEventLoop ? "on the loop" : "elsewhere") }
            fired.continuation.yield(ContinuousClock.now - started)
        }
        let cancelled = executor.schedule(after: .milliseconds(20)) { ran.withLock { $0.append("cancelled") } }
        cancelled.cancel()
        var iterator = fired.stream.makeAsyncIterator()
        let waited = await iterator.next()
        #expect(try #require(waited) >= .milliseconds(50))
        #expect(ran.withLock { $0 } == ["on the loop"])
        try await group.shutdownGracefully()
    }
}
