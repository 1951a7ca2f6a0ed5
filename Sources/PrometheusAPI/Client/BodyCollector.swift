import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import PromModel
import Synchronization

/// Reads one response whole on its event loop: the head, then the body up to the size cap.
/// An API answer is only ever used complete, so there is nothing to gain from handing each
/// part to a Swift task as AsyncHTTPClient's async API does (a thread hop per part), and with
/// this delegate API the request's deadline covers the body too, so the timeout needs no task
/// of its own either. Measured side by side on the idle viewer (Service Health Overview, 2 s):
/// 8-10 % less CPU and a third fewer context switches than with the async API.
final class BodyCollector: HTTPClientResponseDelegate {
    struct Collected: Sendable {
        var status: Int
        var reason: String
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    /// A redirect's body beyond `redirectBodyLimit`: not worth reading, the redirect is followed
    /// with its head alone (the connection is closed instead of drained).
    struct RedirectBodyAbandoned: Error {}

    static let redirectBodyLimit = 64 * 1024

    private struct State {
        var head: HTTPResponseHead?
        var body = ByteBuffer()
        var redirectBytes = 0
    }

    private let state = Mutex(State())
    private let limit: Int
    private let host: String

    init(limit: Int, host: String) {
        self.limit = limit
        self.host = host
    }

    /// The head, once it arrived (also after a failure in the body).
    var head: HTTPResponseHead? { state.withLock { $0.head } }

    /// Body bytes read so far, for the message of a response cut short.
    var bodyBytes: Int { state.withLock { $0.body.readableBytes } }

    static func isRedirect(_ status: Int) -> Bool {
        [301, 302, 303, 307, 308].contains(status)
    }

    func didReceiveHead(task: HTTPClient.Task<Collected>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let redirect = Self.isRedirect(Int(head.status.code))
        // The decompressor inflates gzip before the body parts arrive here, so a compressed
        // response's declared length says nothing about what is read.
        let compressed = head.headers.first(name: "Content-Encoding").map { $0.lowercased() != "identity" } ?? false
        let declared = compressed ? nil : head.headers.first(name: "Content-Length").flatMap { Int($0) }
        if let declared, declared > limit, !redirect {
            return task.eventLoop.makeFailedFuture(ErrorMapping.tooLarge(limit: limit, host: host, declared: declared))
        }
        state.withLock { state in
            state.head = head
            if let declared, !redirect { state.body.reserveCapacity(declared) }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Collected>, _ part: ByteBuffer) -> EventLoopFuture<Void> {
        let failure: (any Error)? = state.withLock { state in
            if let head = state.head, Self.isRedirect(Int(head.status.code)) {
                state.redirectBytes += part.readableBytes
                return state.redirectBytes > Self.redirectBodyLimit ? RedirectBodyAbandoned() : nil
            }
            guard state.body.readableBytes + part.readableBytes <= limit else {
                return ErrorMapping.tooLarge(limit: limit, host: host)
            }
            var part = part
            state.body.writeBuffer(&part)
            return nil
        }
        if let failure { return task.eventLoop.makeFailedFuture(failure) }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveError(task: HTTPClient.Task<Collected>, _ error: any Error) {}

    func didFinishRequest(task: HTTPClient.Task<Collected>) throws -> Collected {
        try state.withLock { state in
            guard let head = state.head else { throw HTTPClientError.remoteConnectionClosed }
            return Collected(status: Int(head.status.code), reason: head.status.reasonPhrase, headers: head.headers, body: state.body)
        }
    }
}
