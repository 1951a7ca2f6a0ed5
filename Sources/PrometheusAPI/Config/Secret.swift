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
            switch Secret.readSmallFile(path) {
            case .success(let text): contents = text
            case .failure(let reason): throw ConfigError("\(key): cannot read \(path): \(reason.text)\(at)")
            }
            var value = Substring(contents)
            while let last = value.last, last == "\n" || last == "\r" { value.removeLast() }
            guard !value.isEmpty else { throw ConfigError("\(key): \(path) is empty\(at)") }
            return String(value)
        }
    }
}

extension Secret {
    /// Secrets are small; past this a file is a mistake (or /dev/zero), not a password.
    static let maximumFileSize = 64 * 1024

    struct ReadFailure: Error { var text: String }

    /// A regular file of at most `maximumFileSize` bytes. Anything else (a FIFO with no
    /// writer, a device such as /dev/zero) is refused by type before it is opened, so it can
    /// neither hang nor fill memory.
    static func readSmallFile(_ path: String) -> Result<String, ReadFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(ReadFailure(text: String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO: return .failure(ReadFailure(text: "it is a named pipe (FIFO), not a regular file"))
        case S_IFCHR, S_IFBLK: return .failure(ReadFailure(text: "it is a device, not a regular file"))
        case S_IFSOCK: return .failure(ReadFailure(text: "it is a socket, not a regular file"))
        case S_IFDIR: return .failure(ReadFailure(text: "it is a directory, not a regular file"))
        default: return .failure(ReadFailure(text: "not a regular file"))
        }
        guard info.st_size <= maximumFileSize else {
            return .failure(ReadFailure(text: "it is \(info.st_size) bytes; a secret file holds at most \(maximumFileSize / 1024) KiB"))
        }
        // O_NONBLOCK: should the path be swapped for a FIFO after the check, open does not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadFailure(text: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: maximumFileSize + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + total, $0.count - total) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failure(ReadFailure(text: String(cString: strerror(errno)))) }
            if count == 0 { break }
            total += count
        }
        guard total <= maximumFileSize else {
            return .failure(ReadFailure(text: "it holds more than \(maximumFileSize / 1024) KiB; a secret file holds at most that"))
        }
        guard let text = String(validating: bytes[..<total], as: UTF8.self) else {
            return .failure(ReadFailure(text: "it is not UTF-8 text"))
        }
        return .success(text)
    }
}
