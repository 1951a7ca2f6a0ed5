/// Makes untrusted text (label values, titles, error messages) safe for a terminal cell:
/// C0 controls become their Control Pictures (ESC → ␛), DEL becomes ␡, C1 controls and
/// bidirectional overrides become a visible `<U+XXXX>`, so no escape sequence can reach the
/// terminal raw and no text can reorder the screen.
public enum Sanitizer {
    public static func visible(_ text: String) -> String {
        // Printable ASCII needs nothing: checked on bytes before looking at scalars.
        func printable(_ bytes: some Sequence<UInt8>) -> Bool { bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        if text.utf8.withContiguousStorageIfAvailable(printable) ?? printable(text.utf8) { return text }
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 {
                out.append(Unicode.Scalar(0x2400 + value) ?? "?")
            } else if value == 0x7F {
                out.append("\u{2421}")
            } else if needsEscaping(scalar) {
                out.append(contentsOf: codePoint(value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
    }

    private static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// ASCII-only fallback of a string: arrows and common punctuation become their ASCII
    /// look-alikes, other non-ASCII graphemes `?` (one per column).
    public static func ascii(_ text: String) -> String {
        var out = ""
        for grapheme in text {
            if grapheme.isASCII {
                out.append(grapheme)
            } else if let replacement = asciiLookAlikes[grapheme] {
                out += replacement
            } else {
                out += String(repeating: "?", count: max(1, DisplayWidth.of(grapheme)))
            }
        }
        return out
    }

    private static let asciiLookAlikes: [Character: String] = [
        "←": "<", "→": ">", "↑": "^", "↓": "v", "…": "...", "—": "-", "–": "-", "·": "-", "•": "*",
        "✗": "x", "✓": "v", "█": "#", "⟳": "~", "⏸": "||", "▸": ">", "▾": "v", "×": "x",
        "●": "*",
    ]
}
