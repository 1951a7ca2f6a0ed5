import Foundation

extension JSONValue {
    /// A whole number, when this is one.
    var int: Int? {
        guard let n = number, n.rounded() == n, abs(n) < 9.0e15 else { return nil }
        return Int(n)
    }

    /// Numbers written as strings ("80") also count: older Grafana versions wrote them so.
    public var lenientNumber: Double? {
        if let n = number { return n }
        if let s = string { return Double(s.trimmingCharacters(in: .whitespaces)) }
        return nil
    }

    public var lenientInt: Int? {
        if let i = int { return i }
        if let s = string { return Int(s.trimmingCharacters(in: .whitespaces)) }
        return nil
    }

    /// A scalar as text ("1" for 1, "true" for true), for values Grafana treats as strings.
    var scalarText: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n.rounded() == n && abs(n) < 9.0e15 ? String(Int(n)) : String(n)
        case .bool(let b): String(b)
        default: nil
        }
    }

    /// An array of strings; a single string counts as a one-element array.
    var stringList: [String]? {
        if let s = scalarText { return [s] }
        return array?.compactMap(\.scalarText)
    }

    public var objectMembers: [(key: String, value: JSONValue)] {
        if case .object(let members) = self { members } else { [] }
    }
}
