import Foundation

/// Grafana's variable formats (public/app/features/templating/formatRegistry.ts) plus the
/// Prometheus datasource's default escaping when no format is given.
enum VariableFormat {
    static func apply(_ format: String?, arguments: [String], values: [String], isAll: Bool, variable: Variable) -> String {
        let single = values.count == 1 ? values[0] : nil
        switch format {
        case nil:
            return prometheusDefault(values, variable: variable)
        case "raw":
            return single ?? values.joined(separator: ",")
        case "regex":
            let escaped = values.map(regexEscape)
            return escaped.count == 1 ? escaped[0] : "(" + escaped.joined(separator: "|") + ")"
        case "pipe":
            return values.joined(separator: "|")
        case "csv":
            return values.joined(separator: ",")
        case "distributed":
            return values.enumerated().map { $0.offset == 0 ? $0.element : "\(variable.name)=\($0.element)" }
                .joined(separator: ",")
        case "text":
            return isAll ? "All" : values.joined(separator: " + ")
        case "json":
            let quoted = values.map(jsonQuote)
            return single.map(jsonQuote) ?? "[" + quoted.joined(separator: ",") + "]"
        case "singlequote":
            return values.map { "'" + $0.replacingOccurrences(of: "'", with: "\\'") + "'" }.joined(separator: ",")
        case "doublequote":
            return values.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",")
        case "sqlstring":
            return values.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ",")
        case "percentencode":
            return percentEncode(single ?? "{" + values.joined(separator: ",") + "}")
        case "queryparam":
            return values.map { "var-\(variable.name)=" + percentEncode($0) }.joined(separator: "&")
        default:
            // Grafana falls back to glob for an unknown format.
            return values.count > 1 ? "{" + values.joined(separator: ",") + "}" : (single ?? "")
        }
    }

    static let knownFormats: Set<String> = [
        "raw", "regex", "pipe", "csv", "distributed", "text", "json", "singlequote", "doublequote",
        "sqlstring", "percentencode", "queryparam", "glob", "lucene", "html", "date",
    ]

    /// interpolateQueryExpr of the Prometheus datasource.
    static func prometheusDefault(_ values: [String], variable: Variable) -> String {
        if !variable.multi && !variable.includeAll {
            return promRegularEscape(values.joined(separator: ","))
        }
        let escaped = values.map(promSpecialRegexEscape)
        return escaped.count == 1 ? escaped[0] : "(" + escaped.joined(separator: "|") + ")"
    }

    /// `\` → `\\`, `'` → `\\'`: the value goes inside a PromQL string.
    static func promRegularEscape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\\\'")
    }

    /// Regex metacharacters get a backslash that survives the PromQL string: `.` → `\\.`,
    /// and a backslash becomes four.
    static func promSpecialRegexEscape(_ value: String) -> String {
        escapingASCII(value, "$^*{}[]+?.()|\\") { byte, out in
            let backslash = UInt8(ascii: "\\")
            out += byte == backslash ? [backslash, backslash, backslash, backslash] : [backslash, backslash, byte]
        }
    }

    /// kbn.regexEscape.
    static func regexEscape(_ value: String) -> String {
        escapingASCII(value, "\\^$*+?.()|[]{}/") { byte, out in
            out.append(UInt8(ascii: "\\"))
            out.append(byte)
        }
    }

    /// `value` with each byte of `special` (ASCII) replaced by what `escape` appends, read as
    /// bytes: a value without any (every refresh re-escapes all of an All variable's values)
    /// is returned as it is, and Grafana's regexes work on code units, not characters, too.
    private static func escapingASCII(_ value: String, _ special: StaticString, _ escape: (UInt8, inout [UInt8]) -> Void) -> String {
        var table = (UInt64(0), UInt64(0))
        special.withUTF8Buffer { for byte in $0 { if byte < 64 { table.0 |= 1 << byte } else { table.1 |= 1 << (byte - 64) } } }
        func isSpecial(_ byte: UInt8) -> Bool {
            byte < 64 ? table.0 & (1 << byte) != 0 : byte < 128 && table.1 & (1 << (byte - 64)) != 0
        }
        guard value.utf8.contains(where: isSpecial) else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            if isSpecial(byte) { escape(byte, &out) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func jsonQuote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// encodeURIComponent plus `!'()*`, as Grafana's encodeURIComponentStrict.
    static func percentEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-_.~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
