import Foundation

/// Number, duration and string literal decoding with Go's (and so Prometheus's) rules.
enum Literals {
    /// Prometheus's `parser.number`: `strconv.ParseInt(s, 0, 64)` (so `010` is octal and
    /// `0x1F` hex), falling back to `strconv.ParseFloat`.
    static func number(_ raw: String) -> Result<Double, LiteralError> {
        // Go's base-0 ParseInt and ParseFloat take `_` between digits (3.x lexes `1_000`).
        var text = raw
        if raw.contains("_") {
            guard underscoreOK(raw) else {
                return .failure(LiteralError("strconv.ParseFloat: parsing \(GoQuote.string(raw)): invalid syntax"))
            }
            text = raw.replacingOccurrences(of: "_", with: "")
            if raw.lowercased().hasPrefix("0x_") { text = "0x" + text.dropFirst(2) }
        }
        if let int = parseGoInt(text) { return .success(Double(int)) }
        let lower = text.lowercased()
        if lower == "inf" || lower == "+inf" { return .success(.infinity) }
        if lower == "-inf" { return .success(-.infinity) }
        if lower == "nan" { return .success(.nan) }
        let isDecimal = !lower.hasPrefix("0x") && !text.isEmpty
            && text.unicodeScalars.allSatisfy { "0123456789.eE+-".unicodeScalars.contains($0) }
        if isDecimal, let value = Double(text) {
            if value.isInfinite {
                return .failure(LiteralError("strconv.ParseFloat: parsing \(GoQuote.string(raw)): value out of range"))
            }
            return .success(value)
        }
        return .failure(LiteralError("strconv.ParseFloat: parsing \(GoQuote.string(raw)): invalid syntax"))
    }

    /// Go's strconv `underscoreOK`: each `_` sits between digits (or after a base prefix).
    static func underscoreOK(_ s: String) -> Bool {
        var bytes = Array(s.utf8)
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes.removeFirst() }
        var saw: Character = "^"
        var i = 0
        var hex = false
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "0"), "bBoOxX".utf8.contains(bytes[1]) {
            i = 2
            saw = "0"
            hex = bytes[1] | 0x20 == UInt8(ascii: "x")
        }
        while i < bytes.count {
            let c = bytes[i]
            let lower = c | 0x20
            if (c >= 48 && c <= 57) || (hex && lower >= 97 && lower <= 102) {
                saw = "0"
            } else if c == UInt8(ascii: "_") {
                if saw != "0" { return false }
                saw = "_"
            } else {
                if saw == "_" { return false }
                saw = "!"
            }
            i += 1
        }
        return saw != "_"
    }

    private static func parseGoInt(_ text: String) -> Int64? {
        var digits = Substring(text)
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0"), digits.count > 1 {
            radix = 8
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        return Int64(digits, radix: radix)
    }

    static let millisecondsPerUnit: [(String, Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000),
        ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Prometheus's `model.ParseDuration` (units in order y w d h m s ms, each at most once)
    /// plus the parser's "must be greater than 0" rule. Milliseconds.
    static func duration(_ text: String) -> Result<Int64, LiteralError> {
        if text == "0" { return .failure(LiteralError("duration must be greater than 0")) }
        if text.isEmpty { return .failure(LiteralError("empty duration string")) }
        var rest = Substring(text)
        var total: Int64 = 0
        var nextUnit = 0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && $0.isNumber }
            guard !number.isEmpty else { return .failure(LiteralError("not a valid duration string: \(GoQuote.string(text))")) }
            rest = rest.dropFirst(number.count)
            let unitText = rest.hasPrefix("ms") ? "ms" : String(rest.prefix(1))
            guard let index = millisecondsPerUnit.indices.first(where: { millisecondsPerUnit[$0].0 == unitText }),
                index >= nextUnit
            else { return .failure(LiteralError("not a valid duration string: \(GoQuote.string(text))")) }
            rest = rest.dropFirst(unitText.count)
            nextUnit = index + 1
            let mult = millisecondsPerUnit[index].1
            guard let n = Int64(number), n <= Int64.max / 1_000_000 / mult else {
                return .failure(LiteralError("duration out of range"))
            }
            let (sum, overflow) = total.addingReportingOverflow(n * mult)
            guard !overflow, sum <= Int64.max / 1_000_000 else { return .failure(LiteralError("duration out of range")) }
            total = sum
        }
        if total == 0 { return .failure(LiteralError("duration must be greater than 0")) }
        return .success(total)
    }

    /// Prometheus's `model.Duration.String()`: `1h30m`, `90d`, `2w`, `1y`, `500ms`.
    static func formatDuration(_ milliseconds: Int64) -> String {
        var ms = milliseconds
        if ms == 0 { return "0s" }
        var out = ""
        for (unit, mult) in millisecondsPerUnit {
            // Years and weeks only when exact: 90d reads better than 12w6d.
            if (unit == "y" || unit == "w"), ms % mult != 0 { continue }
            let v = ms / mult
            if v > 0 {
                out += "\(v)\(unit)"
                ms -= v * mult
            }
        }
        return out
    }

    /// Go's `strconv.Unquote` for a lexed `"..."`, `'...'` or `` `...` `` token (the lexer
    /// already validated the escapes).
    static func unquote(_ token: String) -> Result<String, LiteralError> {
        let scalars = Array(token.unicodeScalars)
        guard scalars.count >= 2, let quote = scalars.first, scalars.last == quote else {
            return .failure(LiteralError("invalid syntax"))
        }
        let body = scalars[1..<(scalars.count - 1)]
        if quote == "`" {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: body.filter { $0 != "\r" })
            return .success(String(out))
        }
        var bytes: [UInt8] = []
        var i = body.startIndex
        func appendScalar(_ s: Unicode.Scalar) { bytes.append(contentsOf: Array(String(Character(s)).utf8)) }
        while i < body.endIndex {
            let c = body[i]
            i += 1
            guard c == "\\" else {
                appendScalar(c)
                continue
            }
            guard i < body.endIndex else { return .failure(LiteralError("invalid syntax")) }
            let e = body[i]
            i += 1
            switch e {
            case "a": bytes.append(7)
            case "b": bytes.append(8)
            case "f": bytes.append(12)
            case "n": bytes.append(10)
            case "r": bytes.append(13)
            case "t": bytes.append(9)
            case "v": bytes.append(11)
            case "\\", "'", "\"": appendScalar(e)
            case "0"..."7", "x", "u", "U":
                let (count, radix): (Int, UInt32) =
                    switch e {
                    case "x": (2, 16)
                    case "u": (4, 16)
                    case "U": (8, 16)
                    default: (3, 8)
                    }
                var start = i
                if radix == 8 { start = i - 1 }
                guard start + count <= body.endIndex else { return .failure(LiteralError("invalid syntax")) }
                var value: UInt32 = 0
                for d in body[start..<(start + count)] {
                    let digit = Lexer.digitValue(d)
                    guard digit < radix else { return .failure(LiteralError("invalid syntax")) }
                    value = value * radix + digit
                }
                i = start + count
                if e == "u" || e == "U" {
                    guard let s = Unicode.Scalar(value) else { return .failure(LiteralError("invalid syntax")) }
                    appendScalar(s)
                } else {
                    guard value <= 255 else { return .failure(LiteralError("invalid syntax")) }
                    bytes.append(UInt8(value))  // \x and octal escapes are raw bytes, as in Go.
                }
            default:
                return .failure(LiteralError("invalid syntax"))
            }
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}

struct LiteralError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension Literals {
    /// Prometheus 3.x's `model.ParseDuration` (prometheus/common model/time.go): "0" is
    /// allowed, units in order y w d h m s ms each once, errors worded as there. Milliseconds.
    static func duration3(_ text: String) -> Result<Int64, LiteralError> {
        if text == "0" { return .success(0) }
        if text.isEmpty { return .failure(LiteralError("empty duration string")) }
        let invalid = LiteralError("not a valid duration string: \(GoQuote.string(text))")
        let units: [String: (pos: Int, ms: UInt64)] = [
            "y": (1, 365 * 24 * 3_600_000), "w": (2, 7 * 24 * 3_600_000), "d": (3, 24 * 3_600_000),
            "h": (4, 3_600_000), "m": (5, 60_000), "s": (6, 1000), "ms": (7, 1),
        ]
        var rest = Substring(text)
        var total: UInt64 = 0
        var lastPos = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let v = UInt64(digits) else { return .failure(invalid) }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix { !($0.isASCII && $0.isNumber) }
            guard !unit.isEmpty else { return .failure(invalid) }
            rest = rest.dropFirst(unit.count)
            guard let u = units[String(unit)] else {
                return .failure(LiteralError("unknown unit \(GoQuote.string(String(unit))) in duration \(GoQuote.string(text))"))
            }
            if u.pos <= lastPos { return .failure(invalid) }
            lastPos = u.pos
            // Go counts nanoseconds in an int64.
            let nsPerUnit = u.ms * 1_000_000
            if v > (UInt64(1) << 63) / nsPerUnit { return .failure(LiteralError("duration out of range")) }
            total += v * nsPerUnit
            if total > UInt64(Int64.max) { return .failure(LiteralError("duration out of range")) }
        }
        return .success(Int64(total / 1_000_000))
    }
}
