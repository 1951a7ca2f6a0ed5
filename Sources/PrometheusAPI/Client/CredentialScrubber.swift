import Foundation
import PromModel

/// Takes credentials out of a server's error text before it reaches the screen, stdout or a
/// log: vmauth, for one, answers a wrong bearer token with a body that quotes it.
struct CredentialScrubber {
    static let mask = "<redacted>"

    /// The secrets this datasource sends, as sent (the token, the password, Basic's base64).
    private let secrets: [String]

    init(settings: DatasourceSettings, environment: [String: String]) {
        var secrets: [String] = []
        switch settings.auth {
        case .none:
            break
        case .basic(let username, let password):
            if let value = try? password.reveal(environment: environment) {
                secrets += [value, Data("\(username):\(value)".utf8).base64EncodedString()]
            }
        case .authorization(_, let credentials):
            if let value = try? credentials.reveal(environment: environment) { secrets.append(value) }
        }
        // Longest first, so a secret that contains another is masked whole.
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every known secret, and anything after `Bearer `/`Basic ` or in a
    /// `bearer:`/`token=` field (how vmauth and proxies quote them), masked.
    func scrub(_ text: String) -> String {
        var scrubbed = text
        for secret in secrets { scrubbed = scrubbed.replacingOccurrences(of: secret, with: Self.mask) }
        for pattern in Self.patterns {
            let range = NSRange(scrubbed.startIndex..., in: scrubbed)
            scrubbed = pattern.stringByReplacingMatches(in: scrubbed, range: range, withTemplate: "$1\(Self.mask)")
        }
        return scrubbed
    }

    func scrub(_ error: QueryError) -> QueryError {
        var scrubbed = error
        scrubbed.message = scrub(error.message)
        scrubbed.summary = scrub(error.summary)
        return scrubbed
    }

    private static let patterns: [NSRegularExpression] = [
        #"(?i)((?:bearer|basic)[ :]+)(?!<redacted>)[A-Za-z0-9._~+/=-]+"#,
        #"(?i)((?:token|password|passwd|secret|api[_-]?key|authorization)["']?\s*[:=]\s*["']?)(?!<redacted>)[^\s"',;\]}]+"#,
    ].map { try! NSRegularExpression(pattern: $0) }
}
