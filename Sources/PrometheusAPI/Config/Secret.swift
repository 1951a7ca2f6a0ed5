import Foundation

/// A password or token, read from a file or an environment variable when a request is made
/// (so rotated credentials files are picked up, as Prometheus does).
///
/// It prints as `<redacted>` everywhere: `description`, `debugDescription`, mirrors and
/// therefore logs, snapshots and error messages. Only the client reads the value.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Source: Hashable, Sendable {
        case file(String)
        case environment(String)
        /// Supplied by code (tests, embedding), never from the config file or argv.
        case value(String)
    }

    public let source: Source
    /// The config key that named it (`basic_auth.password_file`), for messages.
    public let key: String
    /// The config file and line that named it, when it came from the file.
    public let location: String?

    public init(_ source: Source, key: String, location: String? = nil) {
        self.source = source
        self.key = key
        self.location = location
    }

    public var description: String {
        switch source {
        case .file(let path): "<redacted: from file \(path)>"
        case .environment(let name): "<redacted: from $\(name)>"
        case .value: "<redacted>"
        }
    }

    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": description]) }

    /// Reads the secret. A file's trailing newline is dropped, as Prometheus does.
    func reveal(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> String {
        let at = location.map { " (\($0))" } ?? ""
        switch source {
        case .value(let value):
            return value
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw ConfigError("\(key): environment variable \(name) is not set or empty\(at)")
            }
            return value
        case .file(let path):
            let contents: String
            do {
                contents = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                let reason = (error as NSError).localizedFailureReason ?? "cannot read it"
                throw ConfigError("\(key): cannot read \(path): \(reason)\(at)")
            }
            var value = Substring(contents)
            while let last = value.last, last == "\n" || last == "\r" { value.removeLast() }
            guard !value.isEmpty else { throw ConfigError("\(key): \(path) is empty\(at)") }
            return String(value)
        }
    }
}
