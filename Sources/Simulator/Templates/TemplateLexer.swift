/// One token inside `{{ … }}`.
enum Token: Hashable, Sendable, CustomStringConvertible {
    case word(String)
    /// `.A.B` (empty path: `.` itself).
    case field([String])
    /// `$x.A.B` (`$` alone is the template's data).
    case variable(String, [String])
    case string(String)
    case number(String)
    case pipe, open, close, comma, declare, assign

    var description: String {
        switch self {
        case .word(let word): word
        case .field(let path): "." + path.joined(separator: ".")
        case .variable(let name, let path): ([name] + path).joined(separator: ".")
        case .string(let text): "\"\(text)\""
        case .number(let text): text
        case .pipe: "|"
        case .open: "("
        case .close: ")"
        case .comma: ","
        case .declare: ":="
        case .assign: "="
        }
    }
}

/// Splits one action into tokens, as Go's text/template/parse lexer does for the parts
/// alerting templates use.
enum TemplateLexer {
    /// The tokens of the action starting at `text` (just after `{{` and any `- `), the text
    /// after its `}}`, and whether it ended with ` -}}` (trim the white space after it).
    static func action(_ text: Substring) throws(TemplateError) -> ([Token], Substring, Bool) {
        var tokens: [Token] = []
        var index = text.startIndex
        func peek(_ offset: Int = 0) -> Character? {
            guard let at = text.index(index, offsetBy: offset, limitedBy: text.endIndex), at < text.endIndex else { return nil }
            return text[at]
        }
        if text[index...].hasPrefix("/*") {
            guard let end = text[index...].range(of: "*/") else { throw TemplateError("unclosed comment") }
            var after = text[end.upperBound...]
            var trims = false
            if after.hasPrefix(" -}}") { trims = true; after = after.dropFirst(4) }
            else if after.hasPrefix("}}") { after = after.dropFirst(2) }
            else { throw TemplateError("comment ends before closing delimiter") }
            return ([], after, trims)
        }
        while index < text.endIndex {
            let character = text[index]
            if text[index...].hasPrefix("}}") { return (tokens, text[text.index(index, offsetBy: 2)...], false) }
            if character.isWhitespace {
                // ` -}}` closes the action and trims what follows.
                var look = index
                while look < text.endIndex, text[look].isWhitespace { look = text.index(after: look) }
                if text[look...].hasPrefix("-}}") { return (tokens, text[text.index(look, offsetBy: 3)...], true) }
                index = look
                continue
            }
            switch character {
            case "|": tokens.append(.pipe); index = text.index(after: index)
            case "(": tokens.append(.open); index = text.index(after: index)
            case ")":
                tokens.append(.close); index = text.index(after: index)
                if peek() == "." { tokens.append(.field(path(&index, in: text))) }
            case ",": tokens.append(.comma); index = text.index(after: index)
            case "=": tokens.append(.assign); index = text.index(after: index)
            case ":":
                guard peek(1) == "=" else { throw TemplateError("expected :=") }
                tokens.append(.declare); index = text.index(index, offsetBy: 2)
            case "\"": tokens.append(.string(try quoted(&index, in: text)))
            case "`":
                let start = text.index(after: index)
                guard let end = text[start...].firstIndex(of: "`") else { throw TemplateError("unterminated raw quoted string") }
                tokens.append(.string(String(text[start..<end])))
                index = text.index(after: end)
            case ".":
                if let next = peek(1), next.isNumber {
                    tokens.append(.number(number(&index, in: text)))
                } else {
                    tokens.append(.field(path(&index, in: text)))
                }
            case "$":
                index = text.index(after: index)
                let name = "$" + identifier(&index, in: text)
                tokens.append(.variable(name, peek() == "." ? path(&index, in: text) : []))
            case _ where character.isNumber || ((character == "-" || character == "+") && peek(1)?.isNumber == true):
                tokens.append(.number(number(&index, in: text)))
            case _ where character.isLetter || character == "_":
                tokens.append(.word(identifier(&index, in: text)))
            default:
                throw TemplateError("unexpected \"\(character)\" in command")
            }
        }
        throw TemplateError("unclosed action")
    }

    private static func identifier(_ index: inout Substring.Index, in text: Substring) -> String {
        let start = index
        while index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "_" { index = text.index(after: index) }
        return String(text[start..<index])
    }

    /// `.A.B.C` from a `.`; a lone `.` is the empty path.
    private static func path(_ index: inout Substring.Index, in text: Substring) -> [String] {
        var path: [String] = []
        while index < text.endIndex, text[index] == "." {
            index = text.index(after: index)
            let name = identifier(&index, in: text)
            if name.isEmpty { break }
            path.append(name)
        }
        return path
    }

    private static func number(_ index: inout Substring.Index, in text: Substring) -> String {
        let start = index
        if text[index] == "-" || text[index] == "+" { index = text.index(after: index) }
        while index < text.endIndex {
            let character = text[index]
            let exponentSign = (character == "-" || character == "+") && index > start && "eEpP".contains(text[text.index(before: index)])
            guard character.isNumber || character.isLetter || character == "." || character == "_" || exponentSign else { break }
            index = text.index(after: index)
        }
        return String(text[start..<index])
    }

    /// A double-quoted string with Go's escapes.
    private static func quoted(_ index: inout Substring.Index, in text: Substring) throws(TemplateError) -> String {
        var out = ""
        index = text.index(after: index)
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            switch character {
            case "\"": return out
            case "\n": throw TemplateError("unterminated quoted string")
            case "\\":
                guard index < text.endIndex else { throw TemplateError("unterminated quoted string") }
                let escaped = text[index]
                index = text.index(after: index)
                switch escaped {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                case "\\": out += "\\"
                case "\"": out += "\""
                case "'": out += "'"
                case "a": out += "\u{07}"
                case "b": out += "\u{08}"
                case "f": out += "\u{0C}"
                case "v": out += "\u{0B}"
                default: throw TemplateError("invalid syntax: unknown escape \\\(escaped)")
                }
            default: out.append(character)
            }
        }
        throw TemplateError("unterminated quoted string")
    }
}
