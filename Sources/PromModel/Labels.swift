/// One label pair of a series.
public struct Label: Hashable, Sendable, Comparable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public static func < (lhs: Label, rhs: Label) -> Bool {
        lhs.name != rhs.name ? lhs.name < rhs.name : lhs.value < rhs.value
    }
}

/// A series identity: label pairs sorted by name with unique names, as Prometheus keeps them.
/// Empty values are dropped, because Prometheus treats an empty label as an absent one.
public struct Labels: Hashable, Sendable, RandomAccessCollection, Comparable, CustomStringConvertible {
    public static let metricName = "__name__"

    public private(set) var pairs: [Label]

    public init() { pairs = [] }

    /// Builds a label set; later duplicates of a name win and empty values are dropped.
    public init(_ pairs: [Label]) {
        // Fast path: already sorted by name, unique and without empty values (the common
        // case for generated and parsed series).
        var ordered = true
        for index in pairs.indices {
            if pairs[index].value.isEmpty || (index > 0 && pairs[index - 1].name >= pairs[index].name) {
                ordered = false
                break
            }
        }
        if ordered {
            self.pairs = pairs
            return
        }
        // A stable sort keeps duplicates in input order, so the last one wins below.
        let sorted = pairs.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }.map(\.element)
        var unique: [Label] = []
        unique.reserveCapacity(sorted.count)
        for pair in sorted {
            if let last = unique.last, last.name == pair.name {
                unique[unique.count - 1] = pair
            } else {
                unique.append(pair)
            }
        }
        self.pairs = unique.filter { !$0.value.isEmpty }
    }

    public init(_ dictionary: [String: String]) {
        self.init(dictionary.map { Label($0.key, $0.value) })
    }

    public init(name: String, _ others: [String: String] = [:]) {
        var all = others
        all[Labels.metricName] = name
        self.init(all)
    }

    public var startIndex: Int { pairs.startIndex }
    public var endIndex: Int { pairs.endIndex }
    public subscript(position: Int) -> Label { pairs[position] }

    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    public var name: String? { self[Labels.metricName] }

    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: pairs.map { ($0.name, $0.value) })
    }

    /// Sets or, with an empty value, removes a label.
    public mutating func set(_ name: String, _ value: String) {
        pairs.removeAll { $0.name == name }
        if !value.isEmpty {
            let index = pairs.firstIndex { $0.name > name } ?? pairs.endIndex
            pairs.insert(Label(name, value), at: index)
        }
    }

    public func setting(_ name: String, _ value: String) -> Labels {
        var copy = self
        copy.set(name, value)
        return copy
    }

    public func removing(_ names: some Sequence<String>) -> Labels {
        let drop = Set(names)
        var copy = self
        copy.pairs.removeAll { drop.contains($0.name) }
        return copy
    }

    public func keeping(_ names: some Sequence<String>) -> Labels {
        let keep = Set(names)
        var copy = self
        copy.pairs.removeAll { !keep.contains($0.name) }
        return copy
    }

    public var withoutName: Labels { removing([Labels.metricName]) }

    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        for (left, right) in zip(lhs.pairs, rhs.pairs) where left != right {
            return left < right
        }
        return lhs.pairs.count < rhs.pairs.count
    }

    /// `name{a="b", c="d"}` with Go-style quoting, as Prometheus prints series.
    public var description: String {
        let name = self.name ?? ""
        let rest = pairs.filter { $0.name != Labels.metricName }
        if rest.isEmpty && !name.isEmpty { return name }
        let inner = rest.map { "\($0.name)=\(Labels.quote($0.value))" }.joined(separator: ", ")
        return "\(name){\(inner)}"
    }

    /// Double-quoted with backslash escapes for `\`, `"`, newline and tab.
    public static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
