import Testing
@testable import Dashboards

@Suite struct JSONParserTests {
    @Test func keepsPositionsOfValuesAndKeys() throws {
        let text = "{\n  \"a\": [1, true],\n  \"µ\": {\"b\": null}, \"c\": \"x\"\n}"
        let root = try JSONDocument.parse(text).root
        #expect(root.start.description == "1:1")
        let a = try #require(root.member("a"))
        #expect(a.keyStart.description == "2:3")
        #expect(a.value.start.description == "2:8")
        #expect(a.value.items?[1].start.description == "2:12")
        #expect(a.value.items?[1].end.description == "2:16")
        // Columns count scalars: "µ" is one column though two bytes.
        let c = try #require(root.member("c"))
        #expect(c.keyStart.description == "3:21")
        #expect(c.keyStart.offset == 41)
        #expect(root["µ"]?["b"]?.start.description == "3:14")
        #expect(root.value == .object([
            (key: "a", value: .array([.number(1), .bool(true)])),
            (key: "µ", value: .object([(key: "b", value: .null)])), (key: "c", value: .string("x")),
        ]))
    }

    @Test func decodesStringsAndNumbers() throws {
        let root = try JSONDocument.parse(#"["a\"b\\c\/\n\u00b5\ud83d\ude00", -0.5e2, 0, 12345678901]"#).root
        #expect(root.items?.map(\.value) == [.string("a\"b\\c/\nµ😀"), .number(-50), .number(0), .number(12_345_678_901)])
    }

    @Test(arguments: [
        ("", "1:1", "empty document: expected a JSON value"),
        ("{\"a\": 1,}", "1:9", "expected a string key, found '}' (trailing comma?)"),
        ("[1, 2,]", "1:7", "expected a value, found ']' (trailing comma?)"),
        ("{\"a\" 1}", "1:6", "expected ':' after key \"a\", found '1'"),
        ("{\"a\": 1\n \"b\": 2}", "2:2", "expected ',' or '}' after object member, found '\"'"),
        ("[1 2]", "1:4", "expected ',' or ']' after array element, found '2'"),
        ("{\"a\": \"x\n\"}", "1:9", "unescaped newline in string"),
        ("[\"abc", "1:2", "unterminated string"),
        ("[\"\\q\"]", "1:3", "invalid escape '\\q' in string"),
        ("[\"\\u12G4\"]", "1:3", "invalid \\u escape: expected 4 hex digits"),
        ("[01]", "1:2", "invalid number: leading zeros are not allowed"),
        ("[1.]", "1:4", "invalid number: expected a digit after '.', found ']'"),
        ("[tru]", "1:2", "invalid literal: expected 'true'"),
        ("{} x", "1:4", "unexpected 'x' after the JSON value"),
        ("{\"µ\": @}", "1:7", "unexpected '@': expected a value"),
        ("[1,\n  2,\n  ", "3:3", "unexpected end of input: expected a value"),
    ])
    func reportsTheExactPositionOfSyntaxErrors(text: String, position: String, message: String) {
        #expect(throws: JSONParseError(message, at: Self.position(position, in: text))) {
            _ = try JSONDocument.parse(text)
        }
    }

    /// Rebuilds a SourcePosition from "line:col" so the expectation states the offset too.
    static func position(_ lineColumn: String, in text: String) -> SourcePosition {
        let parts = lineColumn.split(separator: ":").compactMap { Int($0) }
        var offset = 0
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if line == parts[0] && column == parts[1] { break }
            offset += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourcePosition(line: parts[0], column: parts[1], offset: offset)
    }

    @Test func mapsDecodedStringOffsetsBackThroughEscapes() throws {
        // Source columns: the literal starts at column 2; `\"` and `\u00b5` are escapes.
        let document = try JSONDocument.parse(#"["a\"b\u00b5c\ud83d\ude00d"]"#)
        let string = try #require(document.root.items?.first)
        #expect(string.string == "a\"bµc😀d")
        func column(_ offset: Int) -> Int? { document.position(inString: string, utf8Offset: offset)?.column }
        #expect(column(0) == 3)   // a
        #expect(column(1) == 4)   // the \" escape starts at its backslash
        #expect(column(2) == 6)   // b
        #expect(column(3) == 7)   // µ (2 bytes) comes from \u00b5
        #expect(column(4) == 7)
        #expect(column(5) == 13)  // c
        #expect(column(6) == 14)  // 😀 (4 bytes) from the surrogate pair
        #expect(column(10) == 26) // d
        #expect(column(11) == 27) // the closing quote
    }
}
