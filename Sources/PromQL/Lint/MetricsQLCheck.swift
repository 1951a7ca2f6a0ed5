/// A lenient check of MetricsQL (VictoriaMetrics' PromQL dialect): anything our PromQL
/// parser accepts is fine; otherwise the structure is checked (brackets and quotes balance,
/// no dangling operator) and every name called as a function must be one MetricsQL has
/// (`MetricsQLFunctions`), a keyword that takes parentheses, or a `WITH` template. So its
/// extensions (`rate(x)` without a window, `WITH`, `default`, `keep_metric_names`, `if`,
/// `limit`, `[5i]`, `1.5m`, `1Ki`, its own functions) are not reported. It is not a full
/// MetricsQL parser: argument types and counts are left to the server.
enum MetricsQLCheck {
    static func check(_ input: String) -> ExpressionLint.Finding? {
        if (try? parsePromQL(input)) != nil { return nil }
        let bytes = Array(input.utf8)
        var stack: [(UInt8, Int)] = []
        var i = 0
        var lastSignificant: (UInt8, Int)?
        // Names followed by `(`, with the offset of that `(`; and where each `(` closes.
        var calls: [(name: String, offset: Int, open: Int)] = []
        var closing: [Int: Int] = [:]
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                let start = i
                i += 1
                while i < bytes.count, bytes[i] != c {
                    if bytes[i] == UInt8(ascii: "\\"), c != UInt8(ascii: "`") { i += 1 }
                    i += 1
                }
                if i >= bytes.count { return finding("unterminated quoted string", start) }
                lastSignificant = (c, start)
            case UInt8(ascii: "#"):
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                stack.append((c, i))
                lastSignificant = (c, i)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                let open: UInt8 = c == UInt8(ascii: ")") ? UInt8(ascii: "(") : c == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                guard let top = stack.popLast(), top.0 == open else {
                    return finding("unexpected \(Character(Unicode.Scalar(c)))", i)
                }
                closing[top.1] = i
                lastSignificant = (c, i)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // A number with its suffix (`1.5m`, `1Ki`, `5i`, `0x1F`, `1e3`) is one token.
                let start = i
                while i + 1 < bytes.count, isNumberChar(bytes[i + 1]) { i += 1 }
                lastSignificant = (c, start)
            default:
                guard isIdentifierStart(c) else {
                    lastSignificant = (c, i)
                    break
                }
                let start = i
                while i + 1 < bytes.count, isIdentifierChar(bytes[i + 1]) {
                    i += bytes[i + 1] == UInt8(ascii: "\\") ? 2 : 1
                }
                i = min(i, bytes.count - 1)
                lastSignificant = (bytes[i], start)
                var next = i + 1
                while next < bytes.count, isSpace(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: "(") {
                    let name = String(decoding: bytes[start...i], as: UTF8.self)
                    calls.append((name, start, next))
                }
            }
            i += 1
        }
        if let (c, at) = stack.last {
            return finding("unclosed \(Character(Unicode.Scalar(c)))", at)
        }
        guard let (last, at) = lastSignificant else { return finding("no expression found in input", 0) }
        if "+-*/%^=<>!,".utf8.contains(last) {
            return finding("unexpected end of input after \(Character(Unicode.Scalar(last)))", at)
        }
        // `f(a, b) = …` inside WITH (…) defines a template that is then called like a function.
        let templates = Set(calls.compactMap { call -> String? in
            guard let close = closing[call.open] else { return nil }
            var j = close + 1
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            let isDefinition = j < bytes.count && bytes[j] == UInt8(ascii: "=")
                && (j + 1 >= bytes.count || bytes[j + 1] != UInt8(ascii: "="))
            return isDefinition ? call.name.lowercased() : nil
        })
        for call in calls {
            let lower = call.name.lowercased()
            if keywordsBeforeParenthesis.contains(lower) || templates.contains(lower) || MetricsQLFunctions.isKnown(lower) {
                continue
            }
            return finding("unknown function \"\(call.name)\": not a MetricsQL function", call.offset)
        }
        return nil
    }

    /// Words of MetricsQL's grammar that may stand before `(` (parser.go, binary_op.go):
    /// aggregation and join modifiers, binary operators spelt as words, `WITH`, and the
    /// duration functions PromQL 3.x allows in brackets.
    static let keywordsBeforeParenthesis: Set<String> = [
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "with", "and", "or",
        "unless", "if", "ifnot", "default", "atan2", "offset", "step", "range", "min_of", "max_of",
    ]

    static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
    }

    /// metricsql's lexer: a letter, `_` or `:` starts a name (non-ASCII letters too), which
    /// goes on with digits and `.`; `\` escapes the next character.
    static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80
    }

    static func isIdentifierChar(_ c: UInt8) -> Bool {
        isIdentifierStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "\\")
    }

    static func isNumberChar(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_")
    }

    private static func finding(_ message: String, _ offset: Int) -> ExpressionLint.Finding {
        ExpressionLint.Finding(message: message, offset: offset, isError: true)
    }
}
