/// Anything that draws itself into a rectangle of a buffer.
public protocol Widget {
    func render(into buffer: inout Buffer, area: Rect, theme: Theme)
}

/// Text fitting helpers shared by widgets (all widths in display columns).
public enum TextFit {
    /// Cuts `text` to `width` columns, ending with the ellipsis when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return String(repeating: ".", count: width) }
        var out = ""
        var used = 0
        for grapheme in text {
            let w = DisplayWidth.of(grapheme)
            if used + w > room { break }
            out.append(grapheme)
            used += w
        }
        return out + ellipsis
    }

    /// Left column at which `text` is centred in `area`.
    public static func centeredX(_ text: String, in area: Rect) -> Int {
        area.x + max(0, (area.width - DisplayWidth.of(text)) / 2)
    }

    /// Words wrapped to lines of at most `width` columns; long words are cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            while DisplayWidth.of(word) > width {
                if !line.isEmpty { lines.append(line); line = "" }
                let head = truncate(word, to: width, ellipsis: "")
                lines.append(head)
                word = String(word.dropFirst(head.count))
            }
            if line.isEmpty { line = word } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(word) <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension Buffer {
    /// Writes text truncated to fit `area`'s width from `x`.
    @discardableResult
    mutating func writeFitted(_ text: String, x: Int, y: Int, style: Style, area: Rect, theme: Theme) -> Int {
        let room = area.maxX - x
        guard room > 0 else { return x }
        let fitted = TextFit.truncate(theme.ascii ? Sanitizer.ascii(text) : text, to: room, ellipsis: theme.glyphs.ellipsis)
        return write(fitted, x: x, y: y, style: style, clip: area)
    }

    mutating func writeCentered(_ text: String, y: Int, style: Style, area: Rect, theme: Theme) {
        let fitted = TextFit.truncate(theme.ascii ? Sanitizer.ascii(text) : text, to: area.width, ellipsis: theme.glyphs.ellipsis)
        write(fitted, x: TextFit.centeredX(fitted, in: area), y: y, style: style, clip: area)
    }
}
