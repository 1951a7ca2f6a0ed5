import AsyncHTTPClient
import Foundation
import Logging
import Synchronization

/// What every API client here holds: the transport it sends through, and the `HTTPClient` it
/// created itself, if it did, shut down exactly once (a shared one belongs to the caller).
final class ClientConnection: Sendable {
    let transport: Transport
    private let owned: PrivateHTTPClient?
    private let isShutDown = Mutex(false)

    /// `httpClient` nil: create one for these settings and own it.
    init(settings: DatasourceSettings, httpClient: HTTPClient?, logger: Logger, environment: [String: String]) {
        let client: HTTPClient
        if let httpClient {
            (owned, client) = (nil, httpClient)
        } else {
            let made = PrivateHTTPClient(for: [settings])
            (owned, client) = (made, made.client)
        }
        transport = Transport(settings: settings, httpClient: client, environment: environment, logger: logger)
    }

    /// Made when an error needs it, so a rotated credentials file is masked too.
    var scrubber: CredentialScrubber {
        CredentialScrubber(settings: transport.settings, environment: transport.environment)
    }

    func shutdown() async {
        guard let owned, isShutDown.withLock({ done in defer { done = true }; return !done }) else { return }
        await owned.shutdown()
    }

    deinit {
        // A forgotten shutdown() must not trip AsyncHTTPClient's debug-build precondition.
        guard let owned, isShutDown.withLock({ !$0 }) else { return }
        owned.shutdownInBackground()
    }
}

extension Logger {
    /// The API clients' default: swift-log's default handler writes to stderr, which is the
    /// viewer's screen, and reformats all metadata on every change, which AsyncHTTPClient makes
    /// on each request (a percent of the idle viewer's CPU) even when nothing is logged.
    public static func silent(_ label: String) -> Logger {
        Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
