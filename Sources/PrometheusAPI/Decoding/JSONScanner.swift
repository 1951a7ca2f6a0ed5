/// A forward-only reader over UTF-8 JSON bytes, for the large query responses.
///
/// It never builds a generic JSON tree: callers walk objects and arrays and pull out only
/// what they need (keys are compared as raw bytes, samples parsed straight from the buffer),
/// so a 50 MB matrix costs one `[Sample]` per series and one `String` per label.
struct JSONScanner {
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
        /// True when the input ended in the middle of a value (a truncated body).
        var truncated: Bool
    }

    let bytes: UnsafeRawBufferPointer
    private(set) var index = 0
    private static let maxDepth = 256

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    // MARK: Structure

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// The next non-whitespace byte, without consuming it.
    mutating func peek() throws(Failure) -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw endOfInput() }
        return bytes[index]
    }

    mutating func expect(_ byte: UInt8) throws(Failure) {
        let found = try peek()
        guard found == byte else { throw unexpected(found, expected: "'\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// Consumes `{`.
    mutating func beginObject() throws(Failure) { try expect(UInt8(ascii: "{")) }

    /// Consumes `[`.
    mutating func beginArray() throws(Failure) { try expect(UInt8(ascii: "[")) }

    /// The next key of an object (raw bytes between the quotes) after consuming the `:`,
    /// or nil after consuming the closing `}`. `first` tracks the comma rule.
    mutating func nextKey(_ first: inout Bool) throws(Failure) -> Range<Int>? {
        var byte = try peek()
        if byte == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, expected: "',' or '}'") }
            index += 1
            byte = try peek()
        }
        first = false
        guard byte == UInt8(ascii: "\"") else { throw unexpected(byte, expected: "an object key") }
        let key = try rawString()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// True if another array element follows (consuming the comma), false after consuming `]`.
    mutating func nextElement(_ first: inout Bool) throws(Failure) -> Bool {
        let byte = try peek()
        if byte == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, expected: "',' or ']'") }
            index += 1
        }
        first = false
        return true
    }

    /// Fails unless only whitespace is left.
    mutating func expectEnd() throws(Failure) {
        skipWhitespace()
        guard index == bytes.count else { throw Failure(message: "unexpected data after the JSON value", offset: index, truncated: false) }
    }

    @inline(__always)
    func key(_ range: Range<Int>, is literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let start = literal.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != start[offset] {
            return false
        }
        return true
    }

    // MARK: Strings

    /// Consumes a string and returns the range of its raw (still escaped) bytes.
    mutating func rawString() throws(Failure) -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            guard byte >= 0x20 else { throw Failure(message: "control character in a string", offset: index, truncated: false) }
            index += 1
        }
        throw endOfInput()
    }

    /// Consumes a string and returns it unescaped.
    mutating func string() throws(Failure) -> String {
        let range = try rawString()
        return try decodeString(range)
    }

    func decodeString(_ range: Range<Int>) throws(Failure) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        return try JSONScanner.unescape(raw, offset: range.lowerBound)
    }

    private static func unescape(_ raw: UnsafeRawBufferPointer, offset: Int) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var position = 0
        func bad() -> Failure { Failure(message: "invalid escape in a string", offset: offset + position, truncated: false) }
        while position < raw.count {
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                position += 1
                continue
            }
            guard position + 1 < raw.count else { throw bad() }
            let escaped = raw[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(raw, at: position) else { throw bad() }
                position += 4
                if (0xD800..<0xDC00).contains(scalar), position + 6 <= raw.count,
                   raw[position] == UInt8(ascii: "\\"), raw[position + 1] == UInt8(ascii: "u"),
                   let low = hex4(raw, at: position + 2), (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
                let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: String(character).utf8)
            default:
                throw bad()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ raw: UnsafeRawBufferPointer, at position: Int) -> UInt32? {
        guard position + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = raw[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: Numbers and other values

    /// Consumes a JSON number and returns the range of its bytes.
    mutating func rawNumber() throws(Failure) -> Range<Int> {
        let first = try peek()
        guard first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw unexpected(first, expected: "a number")
        }
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                return start..<index
            }
        }
        throw endOfInput()
    }

    /// Consumes any value, checking its structure but keeping nothing.
    mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard depth < JSONScanner.maxDepth else { throw Failure(message: "JSON nested too deeply", offset: index, truncated: false) }
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"):
            index += 1
            var first = true
            while try nextKey(&first) != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            var first = true
            while try nextElement(&first) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            _ = try rawString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            _ = try rawNumber()
        }
    }

    /// Consumes `null` if it is next.
    mutating func skipNull() throws(Failure) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw endOfInput() }
        guard key(index..<(index + count), is: word) else {
            throw Failure(message: "invalid literal", offset: index, truncated: false)
        }
        index += count
    }

    // MARK: Errors

    func endOfInput() -> Failure {
        Failure(message: "unexpected end of data", offset: bytes.count, truncated: true)
    }

    func unexpected(_ byte: UInt8, expected: String) -> Failure {
        let shown = (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
        return Failure(message: "expected \(expected), found \(shown)", offset: index, truncated: false)
    }
}
