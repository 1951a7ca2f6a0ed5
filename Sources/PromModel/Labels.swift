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
        let drop = Array(names)
        var copy = self
        // A few names (a `without` or `by` list) are searched directly: hashing them into a
        // set for every series and step cost more than the search.
        if drop.count <= 8 {
            copy.pairs.removeAll { drop.contains($0.name) }
        } else {
            let set = Set(drop)
            copy.pairs.removeAll { set.contains($0.name) }
        }
        return copy
    }

    public func keeping(_ names: some Sequence<String>) -> Labels {
        let keep = Array(names)
        var copy = self
        if keep.count <= 8 {
            copy.pairs.removeAll { !keep.contains($0.name) }
        } else {
            let set = Set(keep)
            copy.pairs.removeAll { !set.contains($0.name) }
        }
        return copy
    }

    public var withoutName: Labels { removing([Labels.metricName]) }

    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        for (left, right) in zip(lhs.pairs, rhs.pairs) where left != right {
            return left < right
        }
        return lhs.pairs.count < rhs.pairs.count
    }

    /// `name{a="b", c="d"}` with Go-style quoting, as Prometheus prints series (and Grafana
    /// names a series without a legend format).
    public var description: String {
        let name = self.name ?? ""
        if !name.isEmpty && pairs.count == 1 { return name }
        if let plain = unescapedDescription(name: name) { return plain }
        var out = name + "{"
        var first = true
        for pair in pairs where pair.name != Labels.metricName {
            if !first { out += ", " }
            first = false
            out += pair.name
            out += "="
            Labels.appendQuoted(pair.value, to: &out)
        }
        out += "}"
        return out
    }

    /// The description when no value needs escaping (nearly always), written into one
    /// allocation: a 10,000-row table names every series this way.
    private func unescapedDescription(name: String) -> String? {
        var length = name.utf8.count + 2
        var shown = 0
        for pair in pairs where pair.name != Labels.metricName {
            if Labels.needsEscaping(pair.value) { return nil }
            length += pair.name.utf8.count + pair.value.utf8.count + 3 + (shown > 0 ? 2 : 0)
            shown += 1
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            func put(_ text: String) {
                var text = text
                text.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[at..<(at + bytes.count)]).initialize(from: bytes)
                    at += bytes.count
                }
            }
            func put(_ byte: UInt8) {
                buffer[at] = byte
                at += 1
            }
            put(name)
            put(UInt8(ascii: "{"))
            for pair in pairs where pair.name != Labels.metricName {
                if at > name.utf8.count + 1 {
                    put(UInt8(ascii: ","))
                    put(UInt8(ascii: " "))
                }
                put(pair.name)
                put(UInt8(ascii: "="))
                put(UInt8(ascii: "\""))
                put(pair.value)
                put(UInt8(ascii: "\""))
            }
            put(UInt8(ascii: "}"))
            return at
        }
    }

    /// Double-quoted with backslash escapes for `\`, `"`, newline and tab.
    public static func quote(_ value: String) -> String {
        var out = ""
        appendQuoted(value, to: &out)
        return out
    }

    static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        // Most values have nothing to escape: copied whole, not scalar by scalar.
        guard needsEscaping(value) else {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    static func needsEscaping(_ value: String) -> Bool {
        func scan(_ bytes: some Sequence<UInt8>) -> Bool {
            bytes.contains { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A || $0 == 0x09 }
        }
        return value.utf8.withContiguousStorageIfAvailable(scan) ?? scan(value.utf8)
    }
}
