/// A value as text in Grafana's three parts ("$" "1.23" "K").
public struct FormattedValue: Hashable, Sendable, Codable, CustomStringConvertible {
    public var prefix: String
    public var text: String
    public var suffix: String

    public init(prefix: String = "", text: String, suffix: String = "") {
        self.prefix = prefix
        self.text = text
        self.suffix = suffix
    }

    public var description: String { prefix + text + suffix }
}
