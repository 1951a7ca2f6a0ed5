/// Go's `%q` formatting, so our messages quote exactly as Prometheus's do.
enum GoQuote {
    static func string(_ s: String) -> String { PromQLString.quote(s) }

    /// `%q` of a rune: `'x'`, `'\n'`, `'\x00'`.
    static func rune(_ r: Unicode.Scalar) -> String {
        switch r {
        case "'": return "'\\''"
        case "\\": return "'\\\\'"
        case "\"": return "'\"'"
        default:
            let quoted = PromQLString.quote(String(Character(r)))
            return "'" + quoted.dropFirst().dropLast() + "'"
        }
    }

    /// `%#U`: `U+0071 'q'`.
    static func unicode(_ r: Unicode.Scalar) -> String {
        let hex = String(r.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return "U+\(padded) '\(Character(r))'"
    }
}
