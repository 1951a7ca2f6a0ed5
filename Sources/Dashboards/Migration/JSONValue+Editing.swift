/// Small edits of JSON objects for the migrations, which rewrite old dashboard JSON into
/// the current schema before it is decoded.
extension JSONValue {
    /// An object of the pairs whose value is not nil, in order.
    static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key: key, value: $0) } })
    }

    /// This object with `key` set to `value` (replacing it in place if present), or removed
    /// when `value` is nil. A non-object becomes an object first.
    func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        var placed = false
        for member in objectMembers {
            guard member.key == key else { members.append(member); continue }
            // Duplicate keys collapse into the first position.
            if let value, !placed { members.append((key: key, value: value)) }
            placed = true
        }
        if let value, !placed { members.append((key: key, value: value)) }
        return .object(members)
    }

    /// This object without the given keys.
    func removing(_ keys: Set<String>) -> JSONValue {
        .object(objectMembers.filter { !keys.contains($0.key) })
    }

    /// True for anything but null, false, 0 and "" (JavaScript's truthiness, which the
    /// migrations Grafana wrote rely on).
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let n): n != 0 && !n.isNaN
        case .string(let s): !s.isEmpty
        case .array, .object: true
        }
    }

    /// A JSON number from a JavaScript `Number(x)`-style conversion; nil when not numeric.
    var numberValue: JSONValue? { lenientNumber.map(JSONValue.number) }
}
