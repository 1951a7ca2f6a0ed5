import Foundation
import PromQL

/// Prometheus's template functions (template/template.go at v3.14.0, and prometheus/common's
/// helpers/templates for humanizeDuration and humanizeTimestamp) and the text/template
/// built-ins that alert annotations use. `query` and friends need a rule manager's querier:
/// the demo says so instead of guessing.
enum TemplateFunctions {
    static func call(_ name: String, _ arguments: [TemplateValue]) throws(TemplateError) -> TemplateValue {
        switch name {
        case "humanize": return .string(humanize(try float(arguments, name)))
        case "humanize1024": return .string(humanize1024(try float(arguments, name)))
        case "humanizePercentage": return .string(g4(try float(arguments, name) * 100) + "%")
        case "humanizeDuration": return .string(humanizeDuration(try float(arguments, name)))
        case "humanizeTimestamp": return .string(humanizeTimestamp(try float(arguments, name)))
        case "title": return .string(title(try string(arguments, name)))
        case "toUpper": return .string(try string(arguments, name).uppercased())
        case "toLower": return .string(try string(arguments, name).lowercased())
        case "stripPort": return .string(stripPort(try string(arguments, name)))
        case "urlQueryEscape":
            let text = try string(arguments, name)
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~ ")
            return .string((text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: " ", with: "+"))
        case "printf":
            guard case .string(let format) = arguments.first else { throw TemplateError("wrong type for value; expected string") }
            return .string(GoFormat.sprintf(format, Array(arguments.dropFirst())))
        case "print": return .string(sprint(arguments))
        case "println": return .string(arguments.map(\.printed).joined(separator: " ") + "\n")
        case "len":
            guard arguments.count == 1 else { throw TemplateError("wrong number of args for len: want 1 got \(arguments.count)") }
            switch arguments[0] {
            case .string(let text): return .int(text.utf8.count)
            case .map(let map): return .int(map.count)
            default: throw TemplateError("len of type \(arguments[0].typeName)")
            }
        case "index":
            guard arguments.count == 2, case .map(let map) = arguments[0], case .string(let key) = arguments[1] else {
                throw TemplateError("index: a map of labels and a string key expected")
            }
            // A missing key indexes to the zero value (text/template's index, unlike a field).
            return .string(map[key] ?? "")
        case "not":
            guard arguments.count == 1 else { throw TemplateError("wrong number of args for not: want 1 got \(arguments.count)") }
            return .bool(!arguments[0].isTrue)
        case "eq", "ne", "lt", "le", "gt", "ge": return .bool(try compare(name, arguments))
        case "query", "first", "label", "value", "strvalue", "sortByLabel", "graphLink", "tableLink", "externalURL", "pathPrefix":
            throw TemplateError("function \"\(name)\" needs Prometheus's querier, which the demo's rule evaluation does not have")
        default:
            throw TemplateError("function \"\(name)\" not defined")
        }
    }

    // MARK: Prometheus's humanizers

    /// fmt's `%.4g`, with Go's spelling of NaN and the infinities.
    static func g4(_ value: Double) -> String {
        GoFormat.format(.float(value), verb: "g", flags: "", width: nil, precision: 4)
    }

    static func humanize(_ value: Double) -> String {
        var v = value
        if v == 0 || v.isNaN || v.isInfinite { return g4(v) }
        var prefix = ""
        if abs(v) >= 1 {
            for p in ["k", "M", "G", "T", "P", "E", "Z", "Y"] {
                if abs(v) < 1000 { break }
                prefix = p
                v /= 1000
            }
        } else {
            for p in ["m", "u", "n", "p", "f", "a", "z", "y"] {
                if abs(v) >= 1 { break }
                prefix = p
                v *= 1000
            }
        }
        return g4(v) + prefix
    }

    static func humanize1024(_ value: Double) -> String {
        var v = value
        if abs(v) <= 1 || v.isNaN || v.isInfinite { return g4(v) }
        var prefix = ""
        for p in ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"] {
            if abs(v) < 1024 { break }
            prefix = p
            v /= 1024
        }
        return g4(v) + prefix
    }

    static func humanizeDuration(_ value: Double) -> String {
        var v = value
        if v.isNaN || v.isInfinite { return g4(v) }
        if v == 0 { return g4(v) + "s" }
        if abs(v) >= 1 {
            var sign = ""
            if v < 0 { sign = "-"; v = -v }
            let duration = GoMath.int64(v)
            let seconds = duration % 60, minutes = duration / 60 % 60, hours = duration / 3600 % 24, days = duration / 86400
            if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
            if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
            if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
            return sign + g4(v) + "s"
        }
        var prefix = ""
        for p in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if abs(v) >= 1 { break }
            prefix = p
            v *= 1000
        }
        return g4(v) + prefix + "s"
    }

    /// Go's time.Time.String() in UTC: "2026-01-01 14:00:00.5 +0000 UTC".
    static func humanizeTimestamp(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 9.2e9 else { return g4(value) }
        let nanos = Int64((value * 1e9).rounded(.towardZero))
        var seconds = nanos / 1_000_000_000, fraction = nanos % 1_000_000_000
        if fraction < 0 { seconds -= 1; fraction += 1_000_000_000 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        var text = String(format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
        if fraction != 0 {
            var digits = String(format: "%09lld", fraction)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + " +0000 UTC"
    }

    /// cases.Title(language.AmericanEnglish, cases.NoLower): each word's first letter upper
    /// case, the rest left as it is.
    static func title(_ text: String) -> String {
        var out = ""
        var inWord = false
        for character in text {
            let wordy = character.isLetter || character.isNumber || character == "'" || character == "’"
            out += !inWord && character.isLetter ? character.uppercased() : String(character)
            inWord = wordy
        }
        return out
    }

    static func stripPort(_ hostPort: String) -> String {
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]"), hostPort[close...].hasPrefix("]:") {
            return String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
        }
        let colons = hostPort.filter { $0 == ":" }.count
        guard colons == 1, let colon = hostPort.lastIndex(of: ":") else { return hostPort }
        return String(hostPort[..<colon])
    }

    // MARK: Arguments

    /// prometheus/common's convertToFloat: numbers, and strings that parse as one.
    private static func float(_ arguments: [TemplateValue], _ name: String) throws(TemplateError) -> Double {
        guard arguments.count == 1 else { throw TemplateError("wrong number of args for \(name): want 1 got \(arguments.count)") }
        switch arguments[0] {
        case .float(let value): return value
        case .int(let value): return Double(value)
        case .string(let text):
            guard let value = GoStrconv.parseFloat(text) else { throw TemplateError("error calling \(name): strconv.ParseFloat: parsing \(GoFormat.quote(text)): invalid syntax") }
            return value
        default: throw TemplateError("error calling \(name): can't convert \(arguments[0].typeName) to float")
        }
    }

    private static func string(_ arguments: [TemplateValue], _ name: String) throws(TemplateError) -> String {
        guard arguments.count == 1 else { throw TemplateError("wrong number of args for \(name): want 1 got \(arguments.count)") }
        guard case .string(let text) = arguments[0] else { throw TemplateError("wrong type for value; expected string; got \(arguments[0].typeName)") }
        return text
    }

    /// fmt.Sprint: a space between operands when neither is a string.
    private static func sprint(_ arguments: [TemplateValue]) -> String {
        var out = ""
        for (index, argument) in arguments.enumerated() {
            if index > 0, !isString(arguments[index - 1]), !isString(argument) { out += " " }
            out += argument.printed
        }
        return out
    }

    private static func isString(_ value: TemplateValue) -> Bool {
        if case .string = value { return true }
        return false
    }

    /// text/template's comparisons: the same basic kind on both sides (an int is not a float).
    private static func compare(_ name: String, _ arguments: [TemplateValue]) throws(TemplateError) -> Bool {
        guard arguments.count >= 2 else { throw TemplateError("missing argument for comparison") }
        let left = arguments[0]
        // eq takes several: true when the first equals any of the others.
        if name == "eq" {
            for right in arguments.dropFirst() where try order(left, right, name) == 0 { return true }
            return false
        }
        guard arguments.count == 2 else { throw TemplateError("wrong number of args for \(name): want 2 got \(arguments.count)") }
        if name == "ne" { return try order(left, arguments[1], name) != 0 }
        // NaN is unordered: every comparison but != is false.
        if case .float(let a) = left, case .float(let b) = arguments[1], a.isNaN || b.isNaN { return false }
        guard let ordering = try order(left, arguments[1], name) else { throw TemplateError("error calling \(name): invalid type for comparison") }
        switch name {
        case "lt": return ordering < 0
        case "le": return ordering <= 0
        case "gt": return ordering > 0
        default: return ordering >= 0
        }
    }

    /// -1, 0, 1, or nil for kinds that only compare equal (bools).
    private static func order(_ left: TemplateValue, _ right: TemplateValue, _ name: String = "eq") throws(TemplateError) -> Int? {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }
        switch (left, right) {
        case (.float(let a), .float(let b)): return a.isNaN || b.isNaN ? nil : sign(a, b)
        case (.int(let a), .int(let b)): return sign(a, b)
        case (.string(let a), .string(let b)): return sign(a, b)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : nil
        default: throw TemplateError("error calling \(name): incompatible types for comparison")
        }
    }
}

/// strconv.ParseFloat's accepted spellings (Swift's Double(String) takes a few more and fewer).
enum GoStrconv {
    static func parseFloat(_ text: String) -> Double? {
        switch text.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return text.isEmpty || text.contains(where: \.isWhitespace) ? nil : Double(text.replacingOccurrences(of: "_", with: ""))
        }
    }
}
