/// One `$var`, `${var}`, `${var:format}`, `${var.path}` or `[[var]]` / `[[var:format]]` in a
/// text, found with Grafana's own pattern (templateSrv's variableRegex, `\w` = [A-Za-z0-9_]).
public struct VariableReference: Hashable, Sendable {
    public enum Syntax: Hashable, Sendable { case dollar, braces, brackets }

    public var name: String
    /// The format id after `:` ("regex", "pipe", "csv", ...), lowercased; nil when none.
    public var format: String?
    /// Arguments after a second `:` (`${__from:date:iso}` → ["iso"]).
    public var formatArguments: [String]
    /// `${var.path}`: a field path into the value (kept, not interpreted).
    public var fieldPath: String?
    public var syntax: Syntax
    /// Byte range (UTF-8) of the whole reference in the text.
    public var range: Range<Int>

    /// Built-in variables Grafana defines for every dashboard or panel.
    public static let builtInNames: Set<String> = [
        "__interval", "__interval_ms", "__rate_interval", "__rate_interval_ms", "__range", "__range_s",
        "__range_ms", "__from", "__to", "__dashboard", "__user", "__org", "__timezone", "__name",
        "__field", "__series", "__value", "__data", "__cell", "__url_time_range", "__all_variables",
        "__timeFilter", "__timeFrom", "__timeTo", "__auto_interval",
    ]

    public var isBuiltIn: Bool { Self.builtInNames.contains(name) }

    /// Whether `text` may hold a reference (a `$` or `[[`): the cheap test before `scan`,
    /// on the bytes (String's `contains` of a string goes through Foundation's search).
    public static func mayOccur(in text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "$") || (byte == UInt8(ascii: "[") && previous == byte) { return true }
            previous = byte
        }
        return false
    }

    /// Every reference in `text`, in order.
    public static func scan(_ text: String) -> [VariableReference] {
        scan(Array(text.utf8))
    }

    static func scan(_ bytes: [UInt8]) -> [VariableReference] {
        var found: [VariableReference] = []
        var i = 0
        while i < bytes.count {
            if let reference = match(bytes, at: i) {
                found.append(reference)
                i = reference.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    private static func isWord(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    private static func word(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, isWord(bytes[end]) { end += 1 }
        return end
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The reference starting at `i`, if any (the alternatives in Grafana's regex order).
    private static func match(_ bytes: [UInt8], at i: Int) -> VariableReference? {
        let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        let brace = UInt8(ascii: "{"), endBrace = UInt8(ascii: "}"), colon = UInt8(ascii: ":")
        if bytes[i] == dollar {
            let nameEnd = word(bytes, from: i + 1)
            if nameEnd > i + 1 {
                return VariableReference(name: text(bytes, i + 1..<nameEnd), format: nil, formatArguments: [],
                                         fieldPath: nil, syntax: .dollar, range: i..<nameEnd)
            }
            // ${name(.path)?(:format)?}
            guard i + 1 < bytes.count, bytes[i + 1] == brace else { return nil }
            let nameStart = i + 2
            var j = word(bytes, from: nameStart)
            guard j > nameStart else { return nil }
            let name = text(bytes, nameStart..<j)
            var fieldPath: String?
            if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
                let pathStart = j + 1
                var k = pathStart
                while k < bytes.count, bytes[k] != colon, bytes[k] != UInt8(ascii: "^"), bytes[k] != endBrace { k += 1 }
                guard k > pathStart else { return nil }
                fieldPath = text(bytes, pathStart..<k)
                j = k
            }
            var format: String?
            if j < bytes.count, bytes[j] == colon {
                let formatStart = j + 1
                var k = formatStart
                while k < bytes.count, bytes[k] != endBrace { k += 1 }
                guard k > formatStart else { return nil }
                format = text(bytes, formatStart..<k)
                j = k
            }
            guard j < bytes.count, bytes[j] == endBrace else { return nil }
            let parts = format?.split(separator: ":", omittingEmptySubsequences: false).map(String.init) ?? []
            return VariableReference(name: name, format: parts.first?.lowercased(), formatArguments: Array(parts.dropFirst()),
                                     fieldPath: fieldPath, syntax: .braces, range: i..<(j + 1))
        }
        // [[name(:format)?]]  (name is lazy \w+?, format \w+)
        guard bytes[i] == open, i + 1 < bytes.count, bytes[i + 1] == open else { return nil }
        let nameStart = i + 2
        let nameEnd = word(bytes, from: nameStart)
        guard nameEnd > nameStart, nameEnd < bytes.count else { return nil }
        var format: String?
        var j = nameEnd
        if bytes[j] == colon {
            let formatEnd = word(bytes, from: j + 1)
            guard formatEnd > j + 1 else { return nil }
            format = text(bytes, (j + 1)..<formatEnd).lowercased()
            j = formatEnd
        }
        guard j + 1 < bytes.count, bytes[j] == close, bytes[j + 1] == close else { return nil }
        return VariableReference(name: text(bytes, nameStart..<nameEnd), format: format, formatArguments: [],
                                 fieldPath: nil, syntax: .brackets, range: i..<(j + 2))
    }
}
