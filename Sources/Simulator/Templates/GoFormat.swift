import Foundation
import PromQL

/// Go's fmt.Sprintf for the verbs templates use (`%v %s %q %d %f %e %g %x %t %%`, flags,
/// width and precision), including its in-band errors such as `%!d(float64=1.5)`.
enum GoFormat {
    static func sprintf(_ format: String, _ arguments: [TemplateValue]) -> String {
        var out = ""
        var next = 0
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            guard character == "%" else { out.append(character); continue }
            var flags = ""
            while let flag = characters.first, "+-# 0".contains(flag) { flags.append(flag); characters.removeFirst() }
            var width = ""
            while let digit = characters.first, digit.isNumber { width.append(digit); characters.removeFirst() }
            var precision: Int?
            if characters.first == "." {
                characters.removeFirst()
                var digits = ""
                while let digit = characters.first, digit.isNumber { digits.append(digit); characters.removeFirst() }
                precision = Int(digits) ?? 0
            }
            guard let verb = characters.popFirst() else { out += "%!(NOVERB)"; break }
            if verb == "%" { out += "%"; continue }
            guard next < arguments.count else { out += "%!\(verb)(MISSING)"; continue }
            let argument = arguments[next]
            next += 1
            out += Self.format(argument, verb: verb, flags: flags, width: Int(width), precision: precision)
        }
        if next < arguments.count {
            out += "%!(EXTRA " + arguments[next...].map { "\($0.typeName)=\($0.printed)" }.joined(separator: ", ") + ")"
        }
        return out
    }

    static func format(_ value: TemplateValue, verb: Character, flags: String, width: Int?, precision: Int?) -> String {
        let body: String
        switch (value, verb) {
        case (.float(let number), "v"):
            body = sign(GoMath.formatGo(number), number, flags)
        case (.float(let number), "g") where precision == nil:
            body = sign(GoMath.formatGo(number), number, flags)
        case (.float(let number), _) where "eEfFgG".contains(verb):
            guard number.isFinite else {
                // Go spells them so whatever the verb (fmt/format.go fmtFloat).
                body = number.isNaN ? "NaN" : number > 0 ? "+Inf" : "-Inf"
                break
            }
            let cFlags = flags.filter { "+ #".contains($0) }
            body = String(format: "%\(cFlags).\(precision ?? 6)\(verb == "F" ? "f" : verb)", number)
        case (.int(let number), "v"), (.int(let number), "d"):
            body = sign(String(number), Double(number), flags)
        case (.int(let number), "x"): body = String(number, radix: 16)
        case (.int(let number), "X"): body = String(number, radix: 16, uppercase: true)
        case (.int(let number), "c"): body = Unicode.Scalar(UInt32(clamping: number)).map { String(Character($0)) } ?? "\u{FFFD}"
        case (.string(let text), "s"), (.string(let text), "v"):
            body = precision.map { String(text.prefix($0)) } ?? text
        case (.string(let text), "q"): body = quote(text)
        case (.string(let text), "x"): body = text.utf8.map { String(format: "%02x", $0) }.joined()
        case (.string(let text), "X"): body = text.utf8.map { String(format: "%02X", $0) }.joined()
        case (.bool(let flag), "v"), (.bool(let flag), "t"): body = flag ? "true" : "false"
        case (.map, "v"), (.record, "v"), (.nil, "v"): body = value.printed
        case (.nil, _): body = "%!\(verb)(<nil>)"
        default: body = "%!\(verb)(\(value.typeName)=\(value.printed))"
        }
        return pad(body, width: width, flags: flags, numeric: "dfFeEgGxX".contains(verb) || verb == "v" && value.isNumber)
    }

    private static func sign(_ text: String, _ number: Double, _ flags: String) -> String {
        guard !text.hasPrefix("-"), !text.hasPrefix("+") else { return text }
        if flags.contains("+") { return "+" + text }
        if flags.contains(" ") { return " " + text }
        return text
    }

    private static func pad(_ text: String, width: Int?, flags: String, numeric: Bool) -> String {
        guard let width, text.count < width else { return text }
        let filler = width - text.count
        if flags.contains("-") { return text + String(repeating: " ", count: filler) }
        if flags.contains("0"), numeric {
            // Zeros go after the sign, as Go pads them.
            let signed = text.first == "-" || text.first == "+"
            let sign = signed ? String(text.prefix(1)) : ""
            return sign + String(repeating: "0", count: filler) + (signed ? String(text.dropFirst()) : text)
        }
        return String(repeating: " ", count: filler) + text
    }

    /// strconv.Quote: the one implementation PromQL's printer uses too.
    static func quote(_ text: String) -> String { PromQLString.quote(text) }
}

extension TemplateValue {
    var isNumber: Bool {
        switch self {
        case .float, .int: true
        default: false
        }
    }
}
