import PromQL

/// A value during template execution, with the Go types an alert template meets.
enum TemplateValue: Hashable, Sendable {
    case string(String)
    case float(Double)
    case int(Int)
    case bool(Bool)
    /// `map[string]string` (labels).
    case map([String: String])
    /// The data struct (`.Labels`, `.Value`…).
    case record([String: TemplateValue])
    case `nil`

    /// Go's type name, as fmt's `%!verb(type=value)` errors spell it.
    var typeName: String {
        switch self {
        case .string: "string"
        case .float: "float64"
        case .int: "int"
        case .bool: "bool"
        case .map: "map[string]string"
        case .record: "struct"
        case .nil: "<nil>"
        }
    }

    /// text/template's truth: false, 0, "", empty maps, nil and invalid values are false.
    var isTrue: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .float(let value): value != 0
        case .int(let value): value != 0
        case .bool(let value): value
        case .map(let map): !map.isEmpty
        case .record: true
        case .nil: false
        }
    }

    /// fmt's `%v`: floats as `%g` with the shortest digits, maps as `map[k:v …]` by key.
    var printed: String {
        switch self {
        case .string(let text): text
        case .float(let value): GoMath.formatGo(value)
        case .int(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .map(let map): "map[" + map.keys.sorted().map { "\($0):\(map[$0]!)" }.joined(separator: " ") + "]"
        case .record(let fields): "{" + fields.keys.sorted().map { fields[$0]!.printed }.joined(separator: " ") + "}"
        case .nil: "<nil>"
        }
    }
}
