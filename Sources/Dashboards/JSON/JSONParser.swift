/// A strict RFC 8259 parser that keeps the position of every value and key. Our own,
/// because Foundation's JSONSerialization reports neither positions nor member order.
struct JSONParser {
    private var cursor: JSONCursor
    /// Deeply nested input must not overflow the stack.
    private let maxDepth = 512

    init(_ bytes: [UInt8]) {
        cursor = JSONCursor(bytes)
        // A UTF-8 byte order mark is not part of the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            cursor.advance()
            cursor.advance()
            cursor.advance()
        }
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONNode {
        skipWhitespace()
        if cursor.isAtEnd { throw JSONParseError("empty document: expected a JSON value", at: cursor.position) }
        let root = try parseValue(depth: 0)
        skipWhitespace()
        if !cursor.isAtEnd {
            throw JSONParseError("unexpected \(cursor.currentDescription) after the JSON value", at: cursor.position)
        }
        return root
    }

    private mutating func skipWhitespace() {
        while let byte = cursor.current,
              byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            cursor.advance()
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONNode {
        let start = cursor.position
        guard let byte = cursor.current else {
            throw JSONParseError("unexpected end of input: expected a value", at: start)
        }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            let text = try parseString()
            return JSONNode(.string(text), start: start, end: cursor.position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        default:
            throw JSONParseError("unexpected \(cursor.currentDescription): expected a value", at: start)
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONNode {
        let start = cursor.position
        if depth > maxDepth { throw JSONParseError("nesting deeper than \(maxDepth) levels", at: start) }
        cursor.advance()
        var members: [JSONMember] = []
        skipWhitespace()
        if cursor.current == UInt8(ascii: "}") {
            cursor.advance()
            return JSONNode(.object(members), start: start, end: cursor.position)
        }
        while true {
            skipWhitespace()
            let keyStart = cursor.position
            guard cursor.current == UInt8(ascii: "\"") else {
                let hint = !members.isEmpty && cursor.current == UInt8(ascii: "}") ? " (trailing comma?)" : ""
                throw JSONParseError("expected a string key, found \(cursor.currentDescription)\(hint)", at: keyStart)
            }
            let key = try parseString()
            skipWhitespace()
            guard cursor.current == UInt8(ascii: ":") else {
                throw JSONParseError("expected ':' after key \"\(key)\", found \(cursor.currentDescription)", at: cursor.position)
            }
            cursor.advance()
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, keyStart: keyStart, value: value))
            skipWhitespace()
            switch cursor.current {
            case UInt8(ascii: ","):
                cursor.advance()
            case UInt8(ascii: "}"):
                cursor.advance()
                return JSONNode(.object(members), start: start, end: cursor.position)
            default:
                throw JSONParseError("expected ',' or '}' after object member, found \(cursor.currentDescription)", at: cursor.position)
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONNode {
        let start = cursor.position
        if depth > maxDepth { throw JSONParseError("nesting deeper than \(maxDepth) levels", at: start) }
        cursor.advance()
        var items: [JSONNode] = []
        skipWhitespace()
        if cursor.current == UInt8(ascii: "]") {
            cursor.advance()
            return JSONNode(.array(items), start: start, end: cursor.position)
        }
        while true {
            skipWhitespace()
            if cursor.current == UInt8(ascii: "]") {
                throw JSONParseError("expected a value, found ']' (trailing comma?)", at: cursor.position)
            }
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            switch cursor.current {
            case UInt8(ascii: ","):
                cursor.advance()
            case UInt8(ascii: "]"):
                cursor.advance()
                return JSONNode(.array(items), start: start, end: cursor.position)
            default:
                throw JSONParseError("expected ',' or ']' after array element, found \(cursor.currentDescription)", at: cursor.position)
            }
        }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        let open = cursor.position
        cursor.advance()
        var bytes: [UInt8] = []
        do {
            while let unit = try cursor.decodeStringUnit() { bytes.append(contentsOf: unit) }
        } catch let error where error.message == "unterminated string" {
            throw JSONParseError("unterminated string", at: open)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNode {
        let start = cursor.position
        var text: [UInt8] = []
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        func take(_ cursor: inout JSONCursor, _ text: inout [UInt8]) {
            if let b = cursor.current { text.append(b) }
            cursor.advance()
        }
        if cursor.current == UInt8(ascii: "-") { take(&cursor, &text) }
        guard isDigit(cursor.current) else {
            throw JSONParseError("invalid number: expected a digit, found \(cursor.currentDescription)", at: cursor.position)
        }
        if cursor.current == UInt8(ascii: "0") {
            take(&cursor, &text)
            if isDigit(cursor.current) {
                throw JSONParseError("invalid number: leading zeros are not allowed", at: start)
            }
        } else {
            while isDigit(cursor.current) { take(&cursor, &text) }
        }
        if cursor.current == UInt8(ascii: ".") {
            take(&cursor, &text)
            guard isDigit(cursor.current) else {
                throw JSONParseError("invalid number: expected a digit after '.', found \(cursor.currentDescription)", at: cursor.position)
            }
            while isDigit(cursor.current) { take(&cursor, &text) }
        }
        if cursor.current == UInt8(ascii: "e") || cursor.current == UInt8(ascii: "E") {
            take(&cursor, &text)
            if cursor.current == UInt8(ascii: "+") || cursor.current == UInt8(ascii: "-") { take(&cursor, &text) }
            guard isDigit(cursor.current) else {
                throw JSONParseError("invalid number: expected a digit in the exponent, found \(cursor.currentDescription)", at: cursor.position)
            }
            while isDigit(cursor.current) { take(&cursor, &text) }
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)) else {
            throw JSONParseError("invalid number", at: start)
        }
        return JSONNode(.number(value), start: start, end: cursor.position)
    }

    private mutating func parseLiteral(_ word: String, _ content: JSONNode.Content) throws(JSONParseError) -> JSONNode {
        let start = cursor.position
        for expected in word.utf8 {
            guard cursor.current == expected else {
                throw JSONParseError("invalid literal: expected '\(word)'", at: start)
            }
            cursor.advance()
        }
        if let next = cursor.current, (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) {
            throw JSONParseError("invalid literal: expected '\(word)'", at: start)
        }
        return JSONNode(content, start: start, end: cursor.position)
    }
}
