import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT, SIGTERM, SIGHUP, SIGTSTP and SIGWINCH into calls on a private queue, through
/// dispatch signal sources: no handler touches shared state, so nothing async-signal-unsafe
/// runs in signal context.
final class SignalWatcher: @unchecked Sendable {  // dispatch sources are thread-safe; `sources` never changes
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGWINCH]

    private let queue = DispatchQueue(label: "promdeck.signals")
    private let sources: [any DispatchSourceSignal]

    init(handler: @escaping @Sendable (Int32) -> Void) {
        var sources: [any DispatchSourceSignal] = []
        for signal in SignalWatcher.watched {
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler { handler(signal) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        // Registration happens on dispatch's manager thread; wait (briefly) for it so ncurses,
        // set up next, finds handlers installed and leaves these signals to us.
        for _ in 0..<200 where !SignalWatcher.allInstalled() { usleep(1_000) }
    }

    private static func allInstalled() -> Bool {
        watched.allSatisfy { signal in
            var current = sigaction()
            sigaction(signal, nil, &current)
            return current.__sigaction_handler.sa_handler != nil
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
