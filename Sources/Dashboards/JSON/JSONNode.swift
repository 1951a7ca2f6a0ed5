/// A parsed JSON value together with where it sits in the source: every value and every
/// object key keeps its position, so lint can point at the exact line and column.
public struct JSONNode: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        /// Members in file order; duplicate keys are kept (lookups take the last, as
        /// JavaScript's JSON.parse does).
        case object([JSONMember])
    }

    public var content: Content
    /// The value's first character (the opening quote for strings).
    public var start: SourcePosition
    /// Just past the value's last character.
    public var end: SourcePosition

    public init(_ content: Content, start: SourcePosition, end: SourcePosition) {
        self.content = content
        self.start = start
        self.end = end
    }

    /// The value without positions.
    public var value: JSONValue {
        switch content {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(\.value))
        case .object(let members): .object(members.map { (key: $0.key, value: $0.value.value) })
        }
    }

    /// The last member named `key`, if this is an object.
    public func member(_ key: String) -> JSONMember? {
        guard case .object(let members) = content else { return nil }
        return members.last { $0.key == key }
    }

    public subscript(key: String) -> JSONNode? { member(key)?.value }

    public var members: [JSONMember]? { if case .object(let m) = content { m } else { nil } }
    public var items: [JSONNode]? { if case .array(let a) = content { a } else { nil } }
    public var string: String? { if case .string(let s) = content { s } else { nil } }
    public var number: Double? { if case .number(let n) = content { n } else { nil } }
    public var bool: Bool? { if case .bool(let b) = content { b } else { nil } }
    public var isNull: Bool { content == .null }

    /// An integer value, when the number is whole.
    public var int: Int? {
        guard let n = number, n.rounded() == n, abs(n) < 9.0e15 else { return nil }
        return Int(n)
    }

    /// A short name for the kind of value, for messages ("a string", "an object").
    public var kindDescription: String {
        switch content {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

public struct JSONMember: Hashable, Sendable {
    public var key: String
    /// The key's opening quote.
    public var keyStart: SourcePosition
    public var value: JSONNode

    public init(key: String, keyStart: SourcePosition, value: JSONNode) {
        self.key = key
        self.keyStart = keyStart
        self.value = value
    }
}

/// A whole JSON text: the tree and the source it came from.
public struct JSONDocument: Sendable {
    public let root: JSONNode
    let source: [UInt8]

    init(root: JSONNode, source: [UInt8]) {
        self.root = root
        self.source = source
    }

    /// Parses `text`, throwing the exact position of the first syntax error.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONDocument {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONDocument {
        var parser = JSONParser(bytes)
        let root = try parser.parseDocument()
        return JSONDocument(root: root, source: bytes)
    }

    /// Where the `utf8Offset`-th byte of a string value's *decoded* text comes from in the
    /// source, accounting for escapes (`\"`, `\n`, `\u00b5`, surrogate pairs). An offset
    /// inside an escape maps to its backslash; the string's length maps to the closing quote.
    public func position(inString node: JSONNode, utf8Offset: Int) -> SourcePosition? {
        guard case .string = node.content, node.start.offset < source.count,
              source[node.start.offset] == UInt8(ascii: "\"") else { return nil }
        var scanner = StringLiteralScanner(source: source, quote: node.start)
        return scanner.sourcePosition(ofDecodedOffset: max(0, utf8Offset))
    }
}
