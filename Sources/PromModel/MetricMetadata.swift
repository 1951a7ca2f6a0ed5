/// One entry of `/api/v1/metadata`: what a metric is, from its exposition's TYPE/HELP/UNIT.
/// In the model (not the HTTP client) because every datasource answers it: the simulator
/// knows its own metrics' types and help.
public struct MetricMetadata: Hashable, Sendable, Decodable {
    public var type: String
    public var help: String
    public var unit: String

    public init(type: String, help: String, unit: String = "") {
        self.type = type
        self.help = help
        self.unit = unit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? ""
        help = try container.decodeIfPresent(String.self, forKey: .help) ?? ""
        unit = try container.decodeIfPresent(String.self, forKey: .unit) ?? ""
    }

    private enum CodingKeys: String, CodingKey { case type, help, unit }
}

extension MetricMetadata {
    /// Suffixes of the series a classic histogram or summary family exposes besides its name.
    static let familySuffixes = ["_bucket", "_sum", "_count"]

    /// The metadata for a series name: its own, or for `x_bucket`/`x_sum`/`x_count` that of
    /// its histogram or summary family `x` (Prometheus keys metadata by the family name of
    /// the exposition's `# TYPE` line, never by these series names).
    public static func lookup(_ name: String, in metadata: [String: [MetricMetadata]]) -> MetricMetadata? {
        if let own = metadata[name]?.first { return own }
        for suffix in familySuffixes where name.hasSuffix(suffix) {
            let family = String(name.dropLast(suffix.count))
            if let found = metadata[family]?.first, ["histogram", "summary", "gaugehistogram"].contains(found.type) { return found }
        }
        return nil
    }
}
