import Foundation

/// docs/metrics.md read as data: the catalogue table, the label values, endpoints, EventBus
/// types and histogram buckets, so tests compare against the document itself.
public struct MetricsCatalogue: Sendable {
    public struct Metric: Sendable {
        public var name: String
        public var type: String
        public var labels: [String]
        public var exposedBy: [String]
        public var help: String
    }

    public var services: [(job: String, port: Int)] = []
    public var metrics: [Metric] = []
    /// Keyed as the document writes them, e.g. `status (HTTP)`, `symbol`.
    public var labelValues: [String: [String]] = [:]
    public var endpoints: [String: [String]] = [:]
    public var published: [String: [String]] = [:]
    public var consumed: [String: [String]] = [:]
    /// Bucket lists in the order the document gives them: HTTP/Redis/database, then EventBus/trades.
    public var bucketLists: [[Double]] = []

    public init(path: String) throws {
        try self.init(markdown: String(contentsOfFile: path, encoding: .utf8))
    }

    public init(markdown: String) throws {
        let lines = markdown.components(separatedBy: "\n")
        var table: [[String]] = []
        var tables: [[[String]]] = []
        for line in lines {
            if line.hasPrefix("|") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if !cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == " " } }) { table.append(cells) }
            } else if !table.isEmpty {
                tables.append(table)
                table = []
            }
        }
        if !table.isEmpty { tables.append(table) }
        func unquote(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "") }
        func list(_ text: String) -> [String] {
            text.split(separator: ",").map { unquote($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        }
        guard let serviceTable = tables.first(where: { $0.first == ["job", "port", "role"] }),
              let valueTable = tables.first(where: { $0.first == ["label", "values"] }),
              let metricTable = tables.first(where: { $0.first?.first == "metric" }) else {
            throw TestSupportError("docs/metrics.md: services, label values or catalogue table not found")
        }
        services = serviceTable.dropFirst().compactMap { row in Int(row[1]).map { (unquote(row[0]), $0) } }
        let jobs = services.map(\.job)
        for row in valueTable.dropFirst() { labelValues[unquote(row[0])] = list(row[1]) }
        var previous: [String] = []
        for row in metricTable.dropFirst() {
            let exposed = row[4]
            var by: [String]
            if exposed.hasPrefix("all five") {
                by = jobs
            } else if exposed.hasPrefix("same") {
                by = previous
            } else {
                by = list(exposed)
            }
            previous = by
            let labels = row[2] == "—" ? [] : list(row[2])
            metrics.append(Metric(name: unquote(row[0]), type: row[1], labels: labels, exposedBy: by, help: row[5]))
        }
        let text = lines.joined(separator: " ")
        if let range = text.range(of: "Endpoints:") {
            let paragraph = text[range.upperBound...].prefix { $0 != "#" }.components(separatedBy: ". ").first ?? ""
            for part in paragraph.split(separator: ";") {
                let words = part.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
                guard words.count == 2 else { continue }
                endpoints[String(words[0])] = list(String(words[1]).trimmingCharacters(in: CharacterSet(charactersIn: ". ")))
            }
        }
        if let range = text.range(of: "EventBus types by service:") {
            let paragraph = text[range.upperBound...].components(separatedBy: ". ").first ?? ""
            for part in paragraph.split(separator: ";") {
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                guard let space = trimmed.firstIndex(of: " ") else { continue }
                let service = String(trimmed[..<space])
                let rest = String(trimmed[space...])
                let publishes = rest.range(of: "publishes").map { String(rest[$0.upperBound...]) } ?? ""
                let pubPart = publishes.components(separatedBy: "consumes").first ?? ""
                published[service] = list(pubPart)
                consumed[service] = rest.range(of: "consumes").map { list(String(rest[$0.upperBound...])) } ?? []
            }
        }
        if let range = text.range(of: "Histogram buckets:") {
            let paragraph = text[range.upperBound...].prefix { $0 != "|" }
            bucketLists = paragraph.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }
                .map { $0.element.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
                .filter { $0.count > 3 }
        }
    }

    public func metric(_ name: String) -> Metric? { metrics.first { $0.name == name } }
}
