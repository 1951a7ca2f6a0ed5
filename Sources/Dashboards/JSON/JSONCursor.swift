/// Walks UTF-8 bytes keeping line and column (columns count Unicode scalars).
struct JSONCursor {
    let bytes: [UInt8]
    private(set) var position: SourcePosition

    init(_ bytes: [UInt8], at position: SourcePosition = .start) {
        self.bytes = bytes
        self.position = position
    }

    var offset: Int { position.offset }
    var isAtEnd: Bool { position.offset >= bytes.count }
    var current: UInt8? { isAtEnd ? nil : bytes[position.offset] }

    mutating func advance() {
        guard let byte = current else { return }
        position.offset += 1
        if byte == UInt8(ascii: "\n") {
            position.line += 1
            position.column = 1
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes belong to the scalar already counted.
            position.column += 1
        }
    }

    /// The scalar starting here, for messages ("'x'" or "U+0007").
    var currentDescription: String {
        guard let byte = current else { return "end of input" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 {
            let hex = String(byte, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'" + String(decoding: bytes[offset..<end], as: UTF8.self) + "'"
    }

    /// Decodes one source unit of a string literal (a plain scalar or one escape, a
    /// surrogate pair counting as one) and returns its UTF-8 bytes; nil at the closing quote.
    mutating func decodeStringUnit() throws(JSONParseError) -> [UInt8]? {
        guard let byte = current else { throw JSONParseError("unterminated string", at: position) }
        switch byte {
        case UInt8(ascii: "\""):
            advance()
            return nil
        case UInt8(ascii: "\\"):
            let escapeStart = position
            advance()
            guard let kind = current else { throw JSONParseError("unterminated string", at: position) }
            let simple: [UInt8: UInt8] = [
                UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
                UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
                UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
            ]
            if let decoded = simple[kind] {
                advance()
                return [decoded]
            }
            guard kind == UInt8(ascii: "u") else {
                throw JSONParseError("invalid escape '\\\(Character(Unicode.Scalar(kind)))' in string", at: escapeStart)
            }
            advance()
            var scalar = try hex4(escapeStart)
            if (0xD800..<0xDC00).contains(scalar), current == UInt8(ascii: "\\"),
               offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") {
                let lowStart = position
                var probe = self
                probe.advance()
                probe.advance()
                let low = try probe.hex4(lowStart)
                if (0xDC00..<0xE000).contains(low) {
                    self = probe
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
            }
            // A lone surrogate becomes U+FFFD, as a lenient decoder would.
            let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            return Array(String(Character(value)).utf8)
        default:
            if byte < 0x20 {
                let what = byte == 0x0A ? "newline" : (byte == 0x09 ? "tab" : "control character")
                throw JSONParseError("unescaped \(what) in string", at: position)
            }
            var unit = [byte]
            advance()
            while let next = current, next & 0xC0 == 0x80 {
                unit.append(next)
                advance()
            }
            return unit
        }
    }

    private mutating func hex4(_ escapeStart: SourcePosition) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexValue(byte) else {
                throw JSONParseError("invalid \\u escape: expected 4 hex digits", at: escapeStart)
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// Maps offsets in a decoded string value back to its literal in the source.
struct StringLiteralScanner {
    private var cursor: JSONCursor

    init(source: [UInt8], quote: SourcePosition) {
        cursor = JSONCursor(source, at: quote)
        cursor.advance()
    }

    mutating func sourcePosition(ofDecodedOffset target: Int) -> SourcePosition? {
        var decoded = 0
        while true {
            let unitStart = cursor.position
            guard let unit = try? cursor.decodeStringUnit() else { return unitStart }
            if target < decoded + unit.count { return unitStart }
            decoded += unit.count
        }
    }
}
