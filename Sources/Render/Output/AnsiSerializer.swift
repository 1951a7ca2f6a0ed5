/// A buffer as text with SGR colour codes (`snapshot --format ansi`, `less -R`). Colours are
/// written at the capability given; every line ends with a reset so lines stand alone.
public enum AnsiSerializer {
    public static func serialize(_ buffer: Buffer, capability: ColorCapability = .truecolor) -> String {
        var out = ""
        for row in 0..<buffer.height {
            var current = Style.plain
            var line = ""
            for column in 0..<buffer.width {
                let cell = buffer[column, row]
                if cell.isContinuation { continue }
                let style = downgrade(cell.style, to: capability)
                if style != current {
                    line += sgr(style)
                    current = style
                }
                line += cell.symbol
            }
            // Trailing blanks in the default style carry nothing.
            if current == .plain {
                while line.hasSuffix(" ") { line.removeLast() }
            } else {
                line += "\u{1B}[0m"
            }
            out += line
            if row < buffer.height - 1 { out += "\n" }
        }
        return out + "\n"
    }

    static func downgrade(_ style: Style, to capability: ColorCapability) -> Style {
        Style(foreground: style.foreground.downgraded(to: capability), background: style.background.downgraded(to: capability), attributes: style.attributes)
    }

    /// The full SGR sequence for a style, starting from a reset.
    public static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.italic) { codes.append("3") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        codes += colorCodes(style.foreground, foreground: true)
        codes += colorCodes(style.background, foreground: false)
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func colorCodes(_ color: Color, foreground: Bool) -> [String] {
        switch color {
        case .default: return []
        case .ansi(let index):
            let base = foreground ? (index < 8 ? 30 : 90) : (index < 8 ? 40 : 100)
            return [String(base + Int(index % 8))]
        case .indexed(let index): return [foreground ? "38" : "48", "5", String(index)]
        case .rgb(let r, let g, let b): return [foreground ? "38" : "48", "2", String(r), String(g), String(b)]
        }
    }

    /// Plain text with trailing blanks trimmed (`snapshot --format text`).
    public static func plainText(_ buffer: Buffer) -> String {
        buffer.lines.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
