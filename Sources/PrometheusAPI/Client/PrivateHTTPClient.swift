import AsyncHTTPClient
import NIOPosix

/// An `HTTPClient` on an event loop of its own rather than on NIO's process-wide group, which
/// has a thread per core: a dashboard's few requests per refresh keep one thread far from
/// busy, while on a 64-core host the singleton would hold 64 threads, with their stacks and
/// malloc caches, all day, and spread the requests of one refresh over loops that each wake.
final class PrivateHTTPClient: Sendable {
    let client: HTTPClient
    /// The client's one loop as an executor, for work that waits on its answers.
    let executor: EventLoopExecutor
    private let eventLoops: MultiThreadedEventLoopGroup

    init(for datasources: [DatasourceSettings]) {
        eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        executor = EventLoopExecutor(eventLoops.next())
        client = PrometheusClient.makeHTTPClient(for: datasources, eventLoopGroup: eventLoops)
    }

    /// The client first (its connections close on the loop), then the loop's thread.
    func shutdown() async {
        try? await client.shutdown()
        try? await eventLoops.shutdownGracefully()
    }

    /// For a deinit: the same without waiting. The client's callback runs on a dispatch
    /// queue, never on the loop being shut down.
    func shutdownInBackground() {
        let eventLoops = self.eventLoops
        client.shutdown { _ in eventLoops.shutdownGracefully { _ in } }
    }
}
