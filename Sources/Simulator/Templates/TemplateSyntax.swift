/// The subset of Go's text/template that alerting rules' annotations use, as a syntax tree:
/// text, `{{ pipeline }}`, `{{ $x := … }}`, `if`/`else if`/`else`, `with`/`else`, `range`
/// over a map, comments and the `{{-`/`-}}` trim markers (Go's text/template/parse).
indirect enum TemplateNode: Hashable, Sendable {
    case text(String)
    case action(TemplatePipeline)
    case branch(Branch, TemplatePipeline, then: [TemplateNode], otherwise: [TemplateNode])

    enum Branch: Hashable, Sendable { case `if`, with, range }
}

struct TemplatePipeline: Hashable, Sendable {
    /// `$k, $v :=` (range) or `$x :=` / `$x =`.
    var variables: [String] = []
    var declares = true
    var commands: [[TemplateOperand]]
}

indirect enum TemplateOperand: Hashable, Sendable {
    /// `.`, `.A.B`, `$x.A`, `(pipeline).A`.
    case dot([String])
    case variable(String, [String])
    case nested(TemplatePipeline, [String])
    case function(String)
    case string(String)
    /// Go's untyped constants: an integer unless the text has `.`, `e` or `p`.
    case int(Int)
    case float(Double)
    case bool(Bool)
    case `nil`
}

struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Parses a template into nodes.
enum TemplateParser {
    static func parse(_ text: String) throws(TemplateError) -> [TemplateNode] {
        var parser = Parser(chunks: try split(text))
        let nodes = try parser.nodes(until: [])
        guard parser.position == parser.chunks.count else { throw TemplateError("unexpected {{\(parser.chunks[parser.position])}}") }
        return nodes
    }

    enum Chunk: Hashable, CustomStringConvertible {
        case text(String)
        case action([Token])
        var description: String {
            switch self {
            case .text(let text): text
            case .action(let tokens): tokens.map(\.description).joined(separator: " ")
            }
        }
    }

    /// Text and actions, with trim markers applied (`{{- ` eats the white space before it).
    static func split(_ text: String) throws(TemplateError) -> [Chunk] {
        var chunks: [Chunk] = []
        var rest = Substring(text)
        var trimNext = false
        while let open = rest.range(of: "{{") {
            var before = String(rest[..<open.lowerBound])
            if trimNext { before = String(before.drop { $0.isWhitespace }) }
            var inner = rest[open.upperBound...]
            if inner.hasPrefix("- ") || inner.hasPrefix("-\t") || inner.hasPrefix("-\n") {
                while before.last?.isWhitespace == true { before.removeLast() }
                inner = inner.dropFirst(2)
            }
            if !before.isEmpty { chunks.append(.text(before)) }
            let (tokens, after, trims) = try TemplateLexer.action(inner)
            if !tokens.isEmpty { chunks.append(.action(tokens)) }
            trimNext = trims
            rest = after
        }
        let tail = trimNext ? String(rest.drop { $0.isWhitespace }) : String(rest)
        if !tail.isEmpty { chunks.append(.text(tail)) }
        return chunks
    }

    private struct Parser {
        var chunks: [Chunk]
        var position = 0

        /// Nodes up to one of the keywords in `stops` (left unconsumed).
        mutating func nodes(until stops: Set<String>) throws(TemplateError) -> [TemplateNode] {
            var nodes: [TemplateNode] = []
            while position < chunks.count {
                switch chunks[position] {
                case .text(let text):
                    nodes.append(.text(text))
                    position += 1
                case .action(let tokens):
                    if case .word(let word) = tokens[0], stops.contains(word) { return nodes }
                    position += 1
                    nodes.append(try node(tokens))
                }
            }
            if !stops.isEmpty { throw TemplateError("unexpected EOF") }
            return nodes
        }

        mutating func node(_ tokens: [Token]) throws(TemplateError) -> TemplateNode {
            guard case .word(let word) = tokens[0] else { return .action(try PipelineParser.parse(tokens[...])) }
            switch word {
            case "if", "with", "range":
                return try branch(word == "if" ? .if : word == "with" ? .with : .range, tokens.dropFirst())
            case "end", "else": throw TemplateError("unexpected {{\(word)}}")
            case "define", "template", "block", "break", "continue": throw TemplateError("{{\(word)}} is not supported")
            default: return .action(try PipelineParser.parse(tokens[...]))
            }
        }

        mutating func branch(_ kind: TemplateNode.Branch, _ tokens: ArraySlice<Token>) throws(TemplateError) -> TemplateNode {
            let pipeline = try PipelineParser.parse(tokens)
            let then = try nodes(until: ["else", "end"])
            guard case .action(let closing) = chunks[position] else { throw TemplateError("unexpected EOF") }
            position += 1
            guard closing[0] == .word("else") else { return .branch(kind, pipeline, then: then, otherwise: []) }
            // `{{else if …}}` is an `if` nested in the else branch that shares the one `{{end}}`.
            if closing.count > 1, case .word(let nested) = closing[1], nested == "if" || nested == "with" {
                let inner = try branch(nested == "if" ? .if : .with, closing.dropFirst(2))
                return .branch(kind, pipeline, then: then, otherwise: [inner])
            }
            let otherwise = try nodes(until: ["end"])
            guard position < chunks.count else { throw TemplateError("unexpected EOF") }
            position += 1
            return .branch(kind, pipeline, then: then, otherwise: otherwise)
        }
    }
}

/// Pipelines: `$x := cmd arg | cmd2 (nested) …`.
enum PipelineParser {
    static func parse(_ tokens: ArraySlice<Token>) throws(TemplateError) -> TemplatePipeline {
        var tokens = tokens
        var variables: [String] = []
        var declares = true
        // A declaration: `$x :=`, `$k, $v :=` or an assignment `$x =`.
        if let assign = tokens.firstIndex(where: { $0 == .declare || $0 == .assign }),
           tokens[tokens.startIndex..<assign].allSatisfy({ if case .variable = $0 { true } else { $0 == .comma } }) {
            variables = tokens[tokens.startIndex..<assign].compactMap { if case .variable(let name, []) = $0 { name } else { nil } }
            declares = tokens[assign] == .declare
            tokens = tokens[(assign + 1)...]
        }
        var commands: [[TemplateOperand]] = [[]]
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            index += 1
            switch token {
            case .pipe:
                guard !(commands.last ?? []).isEmpty else { throw TemplateError("missing command") }
                commands.append([])
            case .open:
                var depth = 1, end = index
                while end < tokens.endIndex, depth > 0 {
                    if tokens[end] == .open { depth += 1 } else if tokens[end] == .close { depth -= 1 }
                    end += 1
                }
                guard depth == 0 else { throw TemplateError("unclosed left paren") }
                let inner = try parse(tokens[index..<(end - 1)])
                var fields: [String] = []
                if end < tokens.endIndex, case .field(let path) = tokens[end] { fields = path; end += 1 }
                commands[commands.count - 1].append(.nested(inner, fields))
                index = end
            case .close: throw TemplateError("unexpected right paren")
            case .comma, .declare, .assign: throw TemplateError("unexpected \"\(token)\" in command")
            case .field(let path): commands[commands.count - 1].append(.dot(path))
            case .variable(let name, let path): commands[commands.count - 1].append(.variable(name, path))
            case .string(let text): commands[commands.count - 1].append(.string(text))
            case .number(let text): commands[commands.count - 1].append(try number(text))
            case .word(let word):
                switch word {
                case "true", "false": commands[commands.count - 1].append(.bool(word == "true"))
                case "nil": commands[commands.count - 1].append(.nil)
                default: commands[commands.count - 1].append(.function(word))
                }
            }
        }
        guard !(commands.last ?? []).isEmpty else { throw TemplateError("missing value for command") }
        return TemplatePipeline(variables: variables, declares: declares, commands: commands)
    }

    /// Go's idealConstant: integers stay integers unless written as floats.
    private static func number(_ text: String) throws(TemplateError) -> TemplateOperand {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        if !cleaned.contains(where: { ".eEpP".contains($0) }) || cleaned.lowercased().hasPrefix("0x") && !cleaned.contains(where: { ".pP".contains($0) }) {
            let negative = cleaned.hasPrefix("-")
            let digits = cleaned.drop { $0 == "-" || $0 == "+" }
            let value: Int? = digits.lowercased().hasPrefix("0x") ? Int(digits.dropFirst(2), radix: 16)
                : digits.lowercased().hasPrefix("0o") ? Int(digits.dropFirst(2), radix: 8)
                : digits.lowercased().hasPrefix("0b") ? Int(digits.dropFirst(2), radix: 2) : Int(digits)
            guard let value else { throw TemplateError("illegal number syntax: \"\(text)\"") }
            return .int(negative ? -value : value)
        }
        guard let value = Double(cleaned) else { throw TemplateError("illegal number syntax: \"\(text)\"") }
        return .float(value)
    }
}
