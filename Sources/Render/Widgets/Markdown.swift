import Foundation

/// The text panel's markdown as terminal lines: `#` headings bold (levels 1–2 underlined),
/// `**strong**` bold, `*em*`/`_em_` italic, `` `code` `` and fenced blocks dimmed, `-`/`*`/`+`
/// bullets and `1.` lists indented, `>` quotes ruled, `---` a rule, links and images as
/// their text, HTML tags dropped and entities decoded; paragraphs wrap to the width.
enum Markdown {
    struct Span: Hashable {
        var text: String
        var style: Style
    }
    typealias Line = [Span]

    static func lines(_ content: String, width: Int, theme: Theme) -> [Line] {
        guard width > 0 else { return [] }
        var out: [Line] = []
        var paragraph: [String] = []
        var inFence = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            out += wrap(inline(paragraph.joined(separator: " "), theme: theme), width: width, indent: "")
            paragraph = []
        }
        func blank() { if !(out.last?.isEmpty ?? true) { out.append([]) } }
        for raw in content.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence {
                out.append([Span(text: TextFit.truncate(raw, to: width, ellipsis: theme.glyphs.ellipsis), style: theme.dimText)])
                continue
            }
            if line.isEmpty { flush(); blank(); continue }
            if let level = headingLevel(line) {
                flush()
                let text = String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                let style = Style(attributes: level <= 2 ? [.bold, .underline] : .bold)
                out += wrap(inline(text, theme: theme).map { Span(text: $0.text, style: merged($0.style, style)) }, width: width, indent: "")
                continue
            }
            if line.count >= 3, Set(line.filter { $0 != " " }).count == 1, let c = line.first, "-*_".contains(c) {
                flush()
                out.append([Span(text: String(repeating: theme.glyphs.horizontal, count: width), style: theme.border)])
                continue
            }
            if let (marker, rest) = listItem(line, theme: theme) {
                flush()
                out += wrap([Span(text: marker, style: .plain)] + inline(rest, theme: theme), width: width, indent: String(repeating: " ", count: marker.count))
                continue
            }
            if line.hasPrefix(">") {
                flush()
                let text = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
                out += wrap([Span(text: theme.glyphs.vertical + " ", style: theme.border)] + inline(text, theme: theme).map { Span(text: $0.text, style: merged($0.style, theme.dimText)) },
                            width: width, indent: "  ")
                continue
            }
            paragraph.append(line)
        }
        flush()
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " ? hashes : nil
    }

    /// "- item", "* item", "+ item" → bullet; "3. item" / "3) item" keeps its number.
    static func listItem(_ line: String, theme: Theme) -> (String, String)? {
        for prefix in ["- ", "* ", "+ "] where line.hasPrefix(prefix) {
            return (theme.glyphs.bullet + " ", String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        let after = line.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " else { return nil }
        return (digits + ". ", String(after.dropFirst(2)))
    }

    static func merged(_ a: Style, _ b: Style) -> Style {
        var style = a
        if style.foreground == .default { style.foreground = b.foreground }
        style.attributes.formUnion(b.attributes)
        return style
    }

    /// Inline markup of one block: emphasis, code, links, images, tags, entities.
    static func inline(_ text: String, theme: Theme) -> [Span] {
        let source = decodeEntities(stripTags(text))
        var spans: [Span] = []
        var current = ""
        var attributes: Attributes = []
        func emit() {
            if !current.isEmpty { spans.append(Span(text: current, style: Style(attributes: attributes))) }
            current = ""
        }
        let chars = Array(source)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "\\`*_[]()#+-.!>".contains(chars[i + 1]) {
                current.append(chars[i + 1]); i += 2; continue
            }
            if c == "`", let end = chars[(i + 1)...].firstIndex(of: "`") {
                emit()
                spans.append(Span(text: String(chars[(i + 1)..<end]), style: merged(Style(attributes: attributes), theme.dimText)))
                i = end + 1
                continue
            }
            if (c == "*" || c == "_"), i + 1 < chars.count, chars[i + 1] == c {
                emit(); attributes.formSymmetricDifference(.bold); i += 2; continue
            }
            if c == "*" || (c == "_" && (i == 0 || chars[i - 1] == " ")) || (c == "_" && attributes.contains(.italic)) {
                emit(); attributes.formSymmetricDifference(.italic); i += 1; continue
            }
            let isImage = c == "!" && i + 1 < chars.count && chars[i + 1] == "["
            if c == "[" || isImage {
                let open = isImage ? i + 1 : i
                if let close = chars[(open + 1)...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
                   let paren = chars[(close + 1)...].firstIndex(of: ")") {
                    // Links and images read as their text; the address is not drawn.
                    current += String(chars[(open + 1)..<close])
                    i = paren + 1
                    continue
                }
            }
            current.append(c)
            i += 1
        }
        emit()
        return spans
    }

    static func stripTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        return text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let entities = ["&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&amp;": "&"]
        return entities.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    /// HTML text panels: block tags become line breaks, then the tags go.
    static func fromHTML(_ html: String) -> String {
        let breaks = html.replacingOccurrences(of: "<(br|/p|/div|/h[1-6]|/li|/tr)[^>]*>", with: "\n", options: [.regularExpression, .caseInsensitive])
            .replacingOccurrences(of: "<li[^>]*>", with: "- ", options: [.regularExpression, .caseInsensitive])
        return decodeEntities(stripTags(breaks)).replacingOccurrences(of: "*", with: "\\*").replacingOccurrences(of: "_", with: "\\_")
    }

    /// Styled words wrapped to `width`; continuation lines start with `indent`.
    static func wrap(_ spans: [Span], width: Int, indent: String) -> [Line] {
        var lines: [Line] = []
        var line: Line = []
        var used = 0
        func push() { lines.append(line); line = indent.isEmpty ? [] : [Span(text: indent, style: .plain)]; used = DisplayWidth.of(indent) }
        for span in spans {
            // Split into words keeping the spaces' positions (a span may start mid-word).
            var word = ""
            func place() {
                guard !word.isEmpty else { return }
                var piece = word
                let w = DisplayWidth.of(piece)
                if used + w > width, used > DisplayWidth.of(indent) {
                    push()
                    piece = String(piece.drop { $0 == " " })
                }
                while DisplayWidth.of(piece) > width - used, width - used > 0 {
                    let head = TextFit.truncate(piece, to: width - used, ellipsis: "")
                    line.append(Span(text: head, style: span.style))
                    push()
                    piece = String(piece.dropFirst(head.count))
                }
                line.append(Span(text: piece, style: span.style))
                used += DisplayWidth.of(piece)
                word = ""
            }
            for c in span.text {
                if c == " " && !word.isEmpty && word.last != " " { place() }
                word.append(c)
            }
            place()
        }
        if !line.isEmpty && !(line.count == 1 && line[0].text == indent && !indent.isEmpty) { lines.append(line) }
        return lines
    }
}
