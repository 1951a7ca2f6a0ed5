/// A lenient check of MetricsQL (VictoriaMetrics' PromQL dialect): anything our PromQL
/// parser accepts is fine; otherwise only the structure is checked (brackets and quotes
/// balance, no dangling operator), so its extensions (`rate(x)` without a window, `WITH`,
/// `default`, `keep_metric_names`, `if`, `limit`, `[5i]`, `1.5m`, `1Ki`, its own
/// functions) are not reported. It is not a MetricsQL parser.
enum MetricsQLCheck {
    static func check(_ input: String) -> ExpressionLint.Finding? {
        if (try? parsePromQL(input)) != nil { return nil }
        let bytes = Array(input.utf8)
        var stack: [(UInt8, Int)] = []
        var i = 0
        var lastSignificant: (UInt8, Int)?
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
                lastSignificant = (c, i)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                break
            default:
                lastSignificant = (c, i)
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
        return nil
    }

    private static func finding(_ message: String, _ offset: Int) -> ExpressionLint.Finding {
        ExpressionLint.Finding(message: message, offset: offset, isError: true)
    }
}
