/// A problem in the configuration file or the datasource flags, with where it was found.
/// Messages never contain secrets: they name keys, files and environment variables only.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ message: String, path: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.path = path
        self.line = line
        self.column = column
    }

    /// `config.yaml:12:5: unknown key "pasword_file" in basic_auth`, as compilers print it.
    public var description: String {
        var location = path ?? ""
        if let line {
            location += location.isEmpty ? "line \(line)" : ":\(line)"
            if let column { location += ":\(column)" }
        }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
