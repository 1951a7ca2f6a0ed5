import NIOCore
import NIOHTTP1
import NIOPosix

/// A request as the simulator's handlers see it: method, path, query and (for a POST) the body.
struct HTTPRequest: Sendable {
    var method: HTTPMethod
    var path: Substring
    var query: Substring?
    var contentType: String?
    var body: String?
}

/// A complete answer; the simulator's bodies are small and computed whole.
struct HTTPReply: Sendable {
    var status: HTTPResponseStatus
    var contentType: String
    var body: String

    static func text(_ body: String, status: HTTPResponseStatus = .ok) -> HTTPReply {
        HTTPReply(status: status, contentType: "text/plain; charset=utf-8", body: body)
    }
}

/// HTTP/1.1 on SwiftNIO's own codec (NIOHTTP1, already linked for the client): parsing,
/// keep-alive and pipelining are NIO's; this only routes a whole request to `handle` and
/// writes its reply. The simulator needs no more, and a full web framework costs a newcomer's
/// first build more than the rest of the program.
struct HTTPServer: Sendable {
    typealias Handler = @Sendable (HTTPRequest) async -> HTTPReply

    let host: String
    let port: Int
    let serverName: String
    /// Bodies longer than this are refused with 413 (Go's ParseForm reads at most 10 MB).
    var maxBodyBytes = 10 << 20
    let handle: Handler

    /// Serves until the task is cancelled; `onRunning` gets the bound port (useful with port 0).
    func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: channel)
                }
            }
        await onRunning(server.channel.localAddress?.port ?? port)
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    group.addTask { await serve(connection) }
                }
            }
        }
    }

    /// One connection: requests in order until the client closes or asks to.
    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            var tooLarge = false
            for try await part in inbound {
                switch part {
                case .head(let next):
                    head = next
                    body.clear()
                    tooLarge = false
                case .body(var chunk):
                    if body.readableBytes + chunk.readableBytes > maxBodyBytes { tooLarge = true } else { body.writeBuffer(&chunk) }
                case .end:
                    guard let request = head else { continue }
                    let reply = tooLarge
                        ? HTTPReply.text("request body larger than \(maxBodyBytes) bytes\n", status: .payloadTooLarge)
                        : await handle(Self.request(request, body: body))
                    try await write(reply, for: request, to: outbound)
                    if !request.isKeepAlive || tooLarge { return }
                    head = nil
                }
            }
        }
    }

    private func write(_ reply: HTTPReply, for request: HTTPRequestHead, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        let bytes = ByteBuffer(string: reply.body)
        var headers = HTTPHeaders()
        headers.add(name: "Server", value: serverName)
        // RFC 9110 §8.6: no Content-Length (nor a body) in a 204.
        if reply.status != .noContent {
            headers.add(name: "Content-Length", value: String(bytes.readableBytes))
            headers.add(name: "Content-Type", value: reply.contentType)
        }
        var head = HTTPResponseHead(version: request.version, status: reply.status, headers: headers)
        head.headers.add(name: "Connection", value: request.isKeepAlive ? "keep-alive" : "close")
        try await outbound.write(.head(head))
        if request.method != .HEAD && bytes.readableBytes > 0 { try await outbound.write(.body(.byteBuffer(bytes))) }
        try await outbound.write(.end(nil))
    }

    private static func request(_ head: HTTPRequestHead, body: ByteBuffer) -> HTTPRequest {
        let uri = head.uri[...]
        let question = uri.firstIndex(of: "?")
        return HTTPRequest(
            method: head.method,
            path: question.map { uri[..<$0] } ?? uri,
            query: question.map { uri[uri.index(after: $0)...] },
            contentType: head.headers.first(name: "Content-Type"),
            body: body.readableBytes > 0 ? String(buffer: body) : nil)
    }
}
