import Render

/// Small drawing helpers for the viewer's chrome and overlays (text, boxes, fills), clipped
/// to the buffer; graphemes take their display width.
enum Draw {
    /// Writes `text` at (x, y), at most `maxWidth` columns; returns the columns used. Through
    /// Render's Buffer.write, so wide graphemes (CJK, emoji) and escape bytes draw as in panels.
    @discardableResult
    static func text(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, into buffer: inout Buffer) -> Int {
        guard y >= 0, y < buffer.height else { return 0 }
        let limit = min(buffer.width, x + (maxWidth ?? buffer.width))
        guard limit > x else { return 0 }
        return buffer.write(text, x: x, y: y, style: style, clip: Rect(x: x, y: y, width: limit - x, height: 1)) - x
    }

    static func fill(_ rect: Rect, style: Style = .plain, into buffer: inout Buffer) {
        let clipped = rect.intersection(buffer.area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { buffer[x, y] = Cell(" ", style: style) }
        }
    }

    /// A single-line box with an optional title in the top border.
    static func box(_ rect: Rect, title: String = "", style: Style = .plain, titleStyle: Style? = nil, into buffer: inout Buffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x...right {
            buffer[x, rect.y] = Cell("─", style: style)
            buffer[x, bottom] = Cell("─", style: style)
        }
        for y in rect.y...bottom {
            buffer[rect.x, y] = Cell("│", style: style)
            buffer[right, y] = Cell("│", style: style)
        }
        buffer[rect.x, rect.y] = Cell("┌", style: style)
        buffer[right, rect.y] = Cell("┐", style: style)
        buffer[rect.x, bottom] = Cell("└", style: style)
        buffer[right, bottom] = Cell("┘", style: style)
        if !title.isEmpty, rect.width > 4 {
            text(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style, maxWidth: rect.width - 2, into: &buffer)
        }
    }

    /// A box centred on the screen, cleared inside; returns the inner area.
    static func dialog(width: Int, height: Int, title: String, into buffer: inout Buffer) -> Rect {
        let w = min(buffer.width, width), h = min(buffer.height, height)
        let rect = Rect(x: (buffer.width - w) / 2, y: (buffer.height - h) / 2, width: w, height: h)
        fill(rect, into: &buffer)
        box(rect, title: title, style: Style(foreground: .ansi(6)), titleStyle: Style(foreground: .ansi(6), attributes: .bold), into: &buffer)
        return rect.inset(by: 1)
    }

    /// Columns `text` takes on screen.
    static func width(_ text: String) -> Int { text.reduce(0) { $0 + DisplayWidth.of($1) } }

    /// `text` cut to `columns`, with an ellipsis when cut.
    static func truncate(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        var out = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}
