/// A failed query or API call, as a value the viewer can show.
///
/// `kind` is open (static members, not enum cases) so new kinds never break callers; the
/// Prometheus ones carry the API's `errorType`.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Prometheus API errorType values.
        public static let badData = Kind("bad_data")
        public static let execution = Kind("execution")
        public static let timeout = Kind("timeout")
        public static let canceled = Kind("canceled")
        public static let `internal` = Kind("internal")
        public static let unavailable = Kind("unavailable")
        public static let notFound = Kind("not_found")
        // Transport and client-side kinds.
        public static let connection = Kind("connection")
        public static let tls = Kind("tls")
        public static let http = Kind("http")
        public static let unauthorized = Kind("unauthorized")
        public static let badResponse = Kind("bad_response")
        public static let tooLarge = Kind("too_large")
        public static let configuration = Kind("configuration")
    }

    public var kind: Kind
    /// The full message, for inspect views and the CLI.
    public var message: String
    /// A few words for a panel corner ("timeout", "HTTP 503", "parse error").
    public var summary: String
    /// Byte offset into the query where a parse error was found, when known.
    public var position: Int?

    public init(_ kind: Kind, _ message: String, summary: String? = nil, position: Int? = nil) {
        self.kind = kind
        self.message = message
        self.summary = summary ?? String(kind.rawValue.map { $0 == "_" ? " " : $0 })
        self.position = position
    }

    public var description: String { message }
}
