import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP answer with the headers a test may check.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var contentType: String?
    public var body: String
}

/// A GET, or with `form` a POST of `application/x-www-form-urlencoded` `form` (already
/// encoded), on loopback. Throws when the connection fails.
public func httpRequest(_ url: String, form: String? = nil, timeout: TimeInterval = 10) async throws -> HTTPAnswer {
    guard let target = URL(string: url) else { throw TestSupportError("not a URL: \(url)") }
    var request = URLRequest(url: target)
    request.timeoutInterval = timeout
    if let form {
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(form.utf8)
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw TestSupportError("no HTTP response from \(url)") }
    return HTTPAnswer(
        status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"),
        body: String(decoding: data, as: UTF8.self))
}

/// `name=value&…` with every character but unreserved ones percent-encoded (so `+`, `&`,
/// `=` and brackets in PromQL survive).
public func formEncode(_ pairs: [(String, String)]) -> String {
    let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
    return pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
}
