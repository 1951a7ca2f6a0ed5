import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on plain sockets for the faults real servers will not produce on
/// demand: error statuses, slowness, truncated or malformed bodies, resets, huge bodies and
/// redirects. One thread per connection; every response closes its connection.
public final class FaultServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        /// Path and query, as sent.
        public var target: String
        /// Header names lowercased, in order.
        public var headers: [(name: String, value: String)]
        public var body: String

        public func header(_ name: String) -> String? {
            headers.first { $0.name == name.lowercased() }?.value
        }
    }

    public indirect enum Response: Sendable {
        case respond(status: Int, headers: [(String, String)] = [], body: String)
        /// A binary body (a protobuf exposition), sent as is.
        case respondBytes(status: Int, headers: [(String, String)] = [], body: [UInt8])
        /// Waits (or until the server stops), then responds.
        case delay(Duration, then: Response)
        /// Declares `declaredLength` but sends only `body`, then closes.
        case truncated(status: Int, body: String, declaredLength: Int)
        /// Declares `declaredLength`, sends `body`, then sends nothing more until the client
        /// hangs up or the server stops: a server stuck in the middle of its answer.
        case stalled(body: String, declaredLength: Int)
        /// Sends `body` with no Content-Length and closes: the end of the body is the close.
        case closeDelimited(status: Int, body: String)
        /// Closes the connection with a TCP reset instead of answering.
        case reset
        /// A body of `bytes` filler bytes, with or without a Content-Length.
        case stream(bytes: Int, declareLength: Bool)
    }

    public let host: String
    public let port: Int
    public var baseURL: String { "http://\(host):\(port)" }
    private let listener: Int32
    private let handler: @Sendable (Request) -> Response
    private let lock = NSLock()
    private var stopped = false
    private var recorded: [Request] = []
    private var written = 0
    private var hangUps: [HangUp] = []

    /// Requests received so far.
    public var requests: [Request] { lock.withLock { recorded } }
    /// Body bytes written by `.stream` responses before the client stopped reading.
    public var streamedBytes: Int { lock.withLock { written } }
    /// For `.delay` responses the client stopped waiting for: how long after the request it
    /// closed the connection. Measured here, on the server's own thread, so a test machine
    /// whose cooperative threads are busy elsewhere cannot stretch it.
    public var clientHangUps: [HangUp] { lock.withLock { hangUps } }

    public struct HangUp: Sendable {
        public var received: ContinuousClock.Instant
        public var closed: ContinuousClock.Instant
        public var after: Duration { closed - received }
    }
    private var isStopped: Bool { lock.withLock { stopped } }

    /// Listens on `host` (any 127.x.y.z works on Linux loopback) and a free port.
    public init(host: String = "127.0.0.1", handler: @escaping @Sendable (Request) -> Response) throws {
        self.host = host
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr(host)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw TestSupportError("cannot listen on \(host): \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    public func stop() {
        let wasStopped = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }

    private func acceptLoop() {
        while !isStopped {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if isStopped { return }
                continue
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ fd: Int32) {
        var closeNormally = true
        defer { if closeNormally { close(fd) } }
        guard let request = readRequest(fd) else { return }
        lock.withLock { recorded.append(request) }
        closeNormally = respond(fd, handler(request))
    }

    /// Returns false when it already closed the socket itself.
    private func respond(_ fd: Int32, _ response: Response) -> Bool {
        switch response {
        case .respond(let status, let headers, let body):
            let data = Array(body.utf8)
            send(fd, head(status, headers + [("Content-Length", "\(data.count)")]) + data)
        case .respondBytes(let status, let headers, let body):
            send(fd, head(status, headers + [("Content-Length", "\(body.count)")]) + body)
        case .delay(let duration, let then):
            let received = ContinuousClock.now
            let deadline = received + duration
            while ContinuousClock.now < deadline, !isStopped {
                if peerClosed(fd) {
                    let hangUp = HangUp(received: received, closed: .now)
                    lock.withLock { hangUps.append(hangUp) }
                    return true
                }
                usleep(20_000)
            }
            return respond(fd, then)
        case .truncated(let status, let body, let declaredLength):
            send(fd, head(status, [("Content-Type", "application/json"), ("Content-Length", "\(declaredLength)")]) + Array(body.utf8))
        case .stalled(let body, let declaredLength):
            send(fd, head(200, [("Content-Type", "application/json"), ("Content-Length", "\(declaredLength)")]) + Array(body.utf8))
            while !isStopped, !peerClosed(fd) { usleep(20_000) }
        case .closeDelimited(let status, let body):
            send(fd, head(status, [("Content-Type", "application/json")]) + Array(body.utf8))
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            close(fd)
            return false
        case .stream(let bytes, let declareLength):
            let headers = [("Content-Type", "application/json")] + (declareLength ? [("Content-Length", "\(bytes)")] : [])
            guard send(fd, head(200, headers)) else { return true }
            let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 64 * 1024)
            var remaining = bytes
            while remaining > 0, !isStopped {
                let count = min(remaining, chunk.count)
                guard send(fd, Array(chunk[0..<count])) else { break }
                lock.withLock { written += count }
                remaining -= count
            }
        }
        return true
    }

    /// Whether the client has closed (or reset) its end, without consuming what it sent.
    private func peerClosed(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
    }

    private func head(_ status: Int, _ headers: [(String, String)]) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    @discardableResult
    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var headerEnd: Int?
        while headerEnd == nil {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
            headerEnd = buffer.indices.dropLast(3).first { buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10 }
        }
        guard let headerEnd else { return nil }
        let lines = String(decoding: buffer[0..<headerEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.name == "content-length" }.flatMap { Int($0.value) } ?? 0
        var body = Array(buffer[(headerEnd + 4)...])
        while body.count < length {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            body += chunk[0..<count]
        }
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: String(decoding: body, as: UTF8.self))
    }
}
