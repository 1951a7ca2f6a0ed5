import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOPosix
import NIOSSL
import PromModel

/// Turns transport failures and error responses into `QueryError`s a panel can show.
enum ErrorMapping {
    /// Prometheus's `errorType` values to our kinds.
    static func kind(forErrorType errorType: String) -> QueryError.Kind {
        switch errorType {
        case "bad_data": .badData
        case "execution": .execution
        case "timeout": .timeout
        case "canceled": .canceled
        case "internal": .internal
        case "unavailable": .unavailable
        case "not_found": .notFound
        case "": .http
        // VictoriaMetrics puts the HTTP status code in errorType.
        case "400", "422": .badData
        case "404": .notFound
        case "503": .unavailable
        case "504": .timeout
        default: errorType.first?.isNumber == true && errorType.hasPrefix("5") ? .internal : QueryError.Kind(errorType)
        }
    }

    /// An error envelope from the server, with the HTTP status when it was not 2xx.
    static func apiError(errorType: String, error: String, status: Int?, host: String) -> QueryError {
        if let status, status == 401 || status == 403 { return unauthorized(status: status, host: host, detail: error) }
        let kind = kind(forErrorType: errorType)
        let statusText = status.map { " (HTTP \($0))" } ?? ""
        let message = "\(errorType.isEmpty ? "error" : errorType): \(error)\(statusText)"
        // A query mistake reads better as "bad data" than as a bare status code; a server-side failure as its status.
        let summary = status.map { $0 >= 500 ? "HTTP \($0)" : nil } ?? nil
        return QueryError(kind, message, summary: summary)
    }

    static func unauthorized(status: Int, host: String, detail: String) -> QueryError {
        let what = status == 401 ? "rejected the credentials (HTTP 401)" : "denied access (HTTP 403)"
        let hint = status == 401 ? "; check basic_auth or authorization for this datasource" : ""
        let trimmed = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        return QueryError(.unauthorized, "\(host) \(what)\(trimmed.isEmpty ? "" : ": \(excerpt(trimmed))")\(hint)", summary: "HTTP \(status)")
    }

    /// A non-2xx status whose body is not Prometheus's error JSON (a proxy's HTML page, say).
    static func httpStatus(_ status: Int, reason: String, host: String, body: ByteBuffer) -> QueryError {
        if status == 401 || status == 403 { return unauthorized(status: status, host: host, detail: text(body)) }
        let shown = text(body)
        let kind: QueryError.Kind = status == 404 ? .notFound : status == 503 ? .unavailable : .http
        return QueryError(kind, "HTTP \(status) \(reason) from \(host)\(shown.isEmpty ? "" : ": \(excerpt(shown))")", summary: "HTTP \(status)")
    }

    /// A 2xx body that is not the JSON we expected.
    static func badBody(_ failure: JSONScanner.Failure, body: ByteBuffer, host: String) -> QueryError {
        if body.readableBytes == 0 { return QueryError(.badResponse, "empty response from \(host)", summary: "empty response") }
        if failure.truncated {
            return QueryError(.badResponse, "truncated response from \(host): JSON ends after \(body.readableBytes) bytes", summary: "truncated response")
        }
        return QueryError(.badResponse, "invalid JSON from \(host) at byte \(failure.offset): \(failure.message); body starts: \(excerpt(text(body)))", summary: "bad response")
    }

    static func badBody(_ error: any Error, body: ByteBuffer, host: String) -> QueryError {
        if body.readableBytes == 0 { return QueryError(.badResponse, "empty response from \(host)", summary: "empty response") }
        let reason: String
        switch error as? DecodingError {
        case .dataCorrupted(let context)?: reason = context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        case .keyNotFound(let key, _)?: reason = "missing field \"\(key.stringValue)\""
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            reason = "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: reason = "\(error)"
        }
        return QueryError(.badResponse, "unexpected response from \(host): \(reason); body starts: \(excerpt(text(body)))", summary: "bad response")
    }

    static func tooLarge(limit: Int, host: String, declared: Int? = nil) -> QueryError {
        let size = declared.map { " (\(megabytes($0)) declared)" } ?? ""
        return QueryError(.tooLarge, "response from \(host) exceeds the \(megabytes(limit)) limit\(size); narrow the query or the time range", summary: "too large")
    }

    static func timeout(_ timeout: Duration, host: String) -> QueryError {
        QueryError(.timeout, "no complete answer from \(host) within \(PrometheusDuration.format(timeout))", summary: "timeout")
    }

    static let canceled = QueryError(.canceled, "request canceled", summary: "canceled")

    /// Errors thrown by AsyncHTTPClient, NIO and NIOSSL.
    static func transport(_ error: any Error, host: String, timeout: Duration) -> QueryError {
        switch error {
        case let error as QueryError:
            return error
        case is CancellationError:
            return canceled
        case let error as ConfigError:
            // A password file or variable that vanished since startup.
            return QueryError(.configuration, error.description, summary: "config error")
        case let error as HTTPClientError:
            switch error {
            case .cancelled: return canceled
            case .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout: return self.timeout(timeout, host: host)
            case .connectTimeout: return QueryError(.timeout, "connecting to \(host) timed out", summary: "connect timeout")
            case .tlsHandshakeTimeout: return QueryError(.tls, "TLS handshake with \(host) timed out", summary: "TLS timeout")
            case .remoteConnectionClosed: return QueryError(.connection, "\(host) closed the connection before answering", summary: "connection closed")
            case .bodyLengthMismatch: return QueryError(.badResponse, "truncated response from \(host): the body is shorter than its Content-Length", summary: "truncated response")
            default: return QueryError(.connection, "request to \(host) failed: \(error)", summary: "connection")
            }
        case let error as NIOSSLError:
            return QueryError(.tls, "TLS with \(host) failed: \(describeTLS(error))", summary: "TLS error")
        case let error as NIOSSLExtraError:
            return QueryError(.tls, "TLS with \(host) failed: \(error)", summary: "TLS error")
        case let error as NIOConnectionError:
            let reasons = error.connectionErrors.map { "\($0.error)" }
            let detail = reasons.isEmpty ? "\(error)" : Set(reasons).sorted().joined(separator: "; ")
            return QueryError(.connection, "cannot connect to \(host): \(readable(detail))", summary: summary(detail))
        case let error as IOError:
            let detail = "\(error)"
            return QueryError(.connection, "connection to \(host) failed: \(readable(detail))", summary: summary(detail))
        case let error as NIOHTTPDecompression.DecompressionError:
            if case .limit = error { return QueryError(.tooLarge, "response from \(host) decompresses beyond the allowed size", summary: "too large") }
            return QueryError(.badResponse, "cannot decompress the response from \(host): \(error)", summary: "bad response")
        case let error as ChannelError:
            if case .connectTimeout = error { return QueryError(.timeout, "connecting to \(host) timed out", summary: "connect timeout") }
            return QueryError(.connection, "connection to \(host) failed: \(error)", summary: "connection")
        default:
            return QueryError(.connection, "request to \(host) failed: \(error)", summary: "connection")
        }
    }

    private static func describeTLS(_ error: NIOSSLError) -> String {
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") { return "certificate verify failed (is tls_config.ca_file the CA that signed the server's certificate?) — \(text)" }
        return text
    }

    private static func readable(_ detail: String) -> String {
        if detail.contains("Connection refused") || detail.contains("ECONNREFUSED") { return "connection refused (is the server running, and is the port right?)" }
        if detail.contains("Connection reset") { return "connection reset by peer" }
        return detail
    }

    private static func summary(_ detail: String) -> String {
        if detail.contains("Connection refused") || detail.contains("ECONNREFUSED") { return "connection refused" }
        if detail.contains("Connection reset") { return "connection reset" }
        return "connection"
    }

    static func text(_ body: ByteBuffer) -> String {
        String(decoding: body.readableBytesView.prefix(400), as: UTF8.self)
    }

    /// The first ~120 characters on one line, for messages.
    static func excerpt(_ text: String) -> String {
        // Only the head is looked at: a 10 MB value must not cost a pass over all of it.
        let flattened = text.prefix(400).map { $0.isNewline || $0 == "\t" ? " " : $0 }.filter { ($0.asciiValue ?? 0x20) >= 0x20 }
        let cut = String(flattened.prefix(120))
        return flattened.count > 120 || text.count > 400 ? "\"\(cut)…\"" : "\"\(cut)\""
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }
}
