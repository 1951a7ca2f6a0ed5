import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Graceful shutdown for `promdeck simulate`: SIGINT or SIGTERM cancels the servers' task, so
/// listening sockets close and the process exits 0 instead of dying by the signal.
public enum ShutdownSignals {
    public static func run(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let task = Task { try await body() }
        // Dispatch sources run the handler on a queue, never in signal context.
        let queue = DispatchQueue(label: "promdeck.shutdown")
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        do {
            try await task.value
        } catch where task.isCancelled {
            // Whatever the servers report while closing on a signal is the shutdown itself.
            return
        }
    }
}
