extension TextFit {
    /// `text` cut into lines of at most `width` columns wherever the width runs out (not at
    /// words: label sets and queries have few spaces); lines after the first are indented
    /// two columns so a wrapped entry reads as one.
    public static func hardWrap(_ text: String, width: Int) -> [String] {
        guard width > 2, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = [], current = "", used = 0
        for grapheme in text {
            let columns = DisplayWidth.of(grapheme)
            if used + columns > width {
                lines.append(current)
                current = "  "
                used = 2
            }
            current.append(grapheme)
            used += columns
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The last graphemes of `text` that fit in `width` columns.
    public static func tail(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var out: [Character] = [], used = 0
        for grapheme in text.reversed() {
            let columns = DisplayWidth.of(grapheme)
            if used + columns > width { break }
            out.append(grapheme)
            used += columns
        }
        return String(out.reversed())
    }
}
