import Foundation

extension Variable {
    /// A `templating.list` entry. Kinds promdeck does not know (e.g. "groupby") decode as
    /// custom variables with their saved options, so references to them still resolve.
    init?(decoding value: JSONValue) {
        guard let name = value["name"]?.string, !name.isEmpty else { return nil }
        let kind = value["type"]?.string.flatMap(Kind.init(rawValue:)) ?? .custom
        // Grafana 10 writes query variables' query as {"query": "...", "refId": ...}.
        let queryValue = value["query"]
        let query = queryValue?.string ?? queryValue?["query"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            ?? queryValue.flatMap(Self.editorQuery) ?? value["definition"]?.string ?? ""
        let current = value["current"]?["value"]?.stringList ?? []
        var options = (value["options"]?.array ?? []).compactMap { $0["value"]?.scalarText }
        if options.isEmpty, kind == .custom || kind == .interval {
            options = Self.splitCustomQuery(query)
        } else if options.isEmpty, kind == .constant, !query.isEmpty {
            options = [query]
        }
        let regex = value["regex"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            name: name, kind: kind, label: value["label"]?.string,
            query: query, datasource: DatasourceRef(decoding: value["datasource"]),
            current: kind == .constant && current.isEmpty ? options : current,
            options: options, multi: value["multi"]?.bool ?? false,
            includeAll: value["includeAll"]?.bool ?? false,
            allValue: value["allValue"]?.string.flatMap { $0.isEmpty ? nil : $0 },
            regex: regex, refresh: value["refresh"]?.int ?? 1,
            hide: value["hide"]?.int ?? 0, sort: value["sort"]?.int ?? 0)
    }

    /// Grafana 10's Prometheus variable editor saves `{"qryType": n, "label": …, "metric": …}`
    /// (public/app/plugins/datasource/prometheus/migrations/variableMigration.ts): 0 label
    /// names, 1 label values, 2 metric names, 3 query result, 4 series query, 5 classic.
    static func editorQuery(_ value: JSONValue) -> String? {
        guard let type = value["qryType"]?.int else { return nil }
        let metric = value["metric"]?.string ?? ""
        let label = value["label"]?.string ?? ""
        switch type {
        case 0: return "label_names(\(metric))"
        case 1: return label.isEmpty ? nil : metric.isEmpty ? "label_values(\(label))" : "label_values(\(metric), \(label))"
        case 2: return "metrics(\(metric))"
        case 3: return value["varQuery"]?.string.map { "query_result(\($0))" }
        case 4: return value["seriesQuery"]?.string
        default: return value["classicQuery"]?.string
        }
    }

    /// Custom variables: "a, b, c" (commas, escaped as "\,"), optionally "text : value".
    static func splitCustomQuery(_ query: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaped = false
        for c in query {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "," {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        items.append(current)
        return items.map { item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            // "text : value" pairs keep the value.
            if let range = trimmed.range(of: " : ") { return String(trimmed[range.upperBound...]) }
            return trimmed
        }.filter { !$0.isEmpty }
    }
}
