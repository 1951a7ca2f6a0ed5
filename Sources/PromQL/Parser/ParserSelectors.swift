import Foundation

/// Selectors, ranges, subqueries, `offset`, `@`, grouping lists and binary modifiers.
extension Parser {
    mutating func parseSelector(name nameToken: Token?) throws(ParseError) -> VectorSelector {
        var start = current.start
        var end = current.end
        var name: String?
        if let nameToken {
            advance()
            name = nameToken.text
            start = nameToken.start
            end = nameToken.end
        }
        var matchers: [LabelMatcher] = []
        if current.kind == .leftBrace {
            matchers = try parseLabelMatchers()
            end = lastClosing
        }
        if let name {
            // Prometheus appends the name matcher last; the engine only needs `matchers`.
            matchers.append(try labelMatcher(.equal, "__name__", name, .zero))
        }
        return VectorSelector(name: name, matchers: matchers, positionRange: PositionRange(start: start, end: end))
    }

    private mutating func parseLabelMatchers() throws(ParseError) -> [LabelMatcher] {
        advance()  // {
        var matchers: [LabelMatcher] = []
        while true {
            if current.kind == .rightBrace {
                advance()
                return matchers
            }
            let isQuoted = version == .v3 && current.kind == .string
            guard current.kind == .identifier || isQuoted else {
                throw unexpected("label matching", "identifier or \"}\"")
            }
            let label = advance()
            let labelName = isQuoted ? try unquote(label) : label.text
            // 3.x: a quoted name alone is the metric name (`{"http.server.duration"}`).
            if isQuoted, current.kind == .comma || current.kind == .rightBrace {
                matchers.append(try labelMatcher(.equal, "__name__", labelName, label.range))
                if current.kind == .comma { advance() }
                continue
            }
            let kind: LabelMatcher.Kind
            switch current.kind {
            case .assign: kind = .equal
            case .op(.neq): kind = .notEqual
            case .eqlRegex: kind = .regexMatch
            case .neqRegex: kind = .regexNoMatch
            default: throw unexpected("label matching", "label matching operator")
            }
            advance()
            guard current.kind == .string else { throw unexpected("label matching", "string") }
            let valueToken = advance()
            let value = try unquote(valueToken)
            matchers.append(try labelMatcher(kind, labelName, value, label.range.union(valueToken.range)))
            switch current.kind {
            case .comma: advance()
            case .rightBrace: continue
            default: throw unexpected("label matching", "\",\" or \"}\"")
            }
        }
    }

    private func labelMatcher(
        _ kind: LabelMatcher.Kind, _ name: String, _ value: String, _ range: PositionRange
    ) throws(ParseError) -> LabelMatcher {
        do {
            return try LabelMatcher(validating: kind, name, value, dotMatchesNewline: version == .v3)
        } catch {
            throw self.error(error.description, range)
        }
    }

    mutating func parseDuration() throws(ParseError) -> Int64 {
        let token = advance()
        switch Literals.duration(token.text) {
        case .success(let ms): return ms
        case .failure(let failure): throw error(failure.message, token.range)
        }
    }

    mutating func parseRangeOrSubquery(_ expr: Expr) throws(ParseError) -> Expr {
        if version == .v3 { return try parseRangeOrSubquery3(expr) }
        let open = advance()
        guard current.kind == .duration else { throw unexpected("subquery selector", "duration") }
        let range = try parseDuration()
        switch current.kind {
        case .rightBracket:
            let close = advance()
            let vs = try rangeOperand(expr, open.range.union(close.range))
            return .matrixSelector(
                MatrixSelector(
                    vectorSelector: vs, range: range,
                    positionRange: PositionRange(start: vs.positionRange.start, end: close.end)))
        case .colon:
            advance()
            var step: Int64?
            if current.kind == .duration {
                step = try parseDuration()
                guard current.kind == .rightBracket else { throw unexpected("subquery selector", "\"]\"") }
            } else if current.kind != .rightBracket {
                throw unexpected("subquery selector", "duration or \"]\"")
            }
            let close = advance()
            return .subquery(
                SubqueryExpr(
                    expr: expr, range: range, step: step,
                    positionRange: PositionRange(start: expr.positionRange.start, end: close.end)))
        default:
            throw unexpected("subquery or range", "\":\" or \"]\"")
        }
    }

    /// What `[range]` may follow: a plain vector selector, without offset or numeric `@`.
    func rangeOperand(_ expr: Expr, _ bracketRange: PositionRange) throws(ParseError) -> VectorSelector {
        guard case .vectorSelector(let vs) = expr else {
            throw error("ranges only allowed for vector selectors", bracketRange)
        }
        if vs.offset != 0 { throw error("no offset modifiers allowed before range", bracketRange) }
        // Prometheus only checks the numeric form here, so `x @ start()[5m]` parses.
        if case .timestamp = vs.at { throw error("no @ modifiers allowed before range", bracketRange) }
        return vs
    }

    mutating func parseOffset(_ expr: Expr) throws(ParseError) -> Expr {
        if version == .v3 { return try parseOffset3(expr) }
        advance()
        var sign: Int64 = 1
        if current.kind == .op(.sub) {
            advance()
            sign = -1
        }
        guard current.kind == .duration else { throw unexpected("offset", "duration") }
        return try applyOffset(expr, literal: try parseDuration() * sign, duration: nil)
    }

    /// Sets a selector's or subquery's offset: a literal (ms), or a 3.x duration expression.
    mutating func applyOffset(_ expr: Expr, literal: Int64, duration: DurationExpr?) throws(ParseError) -> Expr {
        let alreadySet = error("offset may not be set multiple times", expr.positionRange)
        switch expr {
        case .vectorSelector(var vs):
            if vs.offset != 0 || vs.offsetExpr != nil { throw alreadySet }
            (vs.offset, vs.offsetExpr) = (literal, duration)
            vs.positionRange.end = lastClosing
            return .vectorSelector(vs)
        case .matrixSelector(var ms):
            if ms.vectorSelector.offset != 0 || ms.vectorSelector.offsetExpr != nil { throw alreadySet }
            (ms.vectorSelector.offset, ms.vectorSelector.offsetExpr) = (literal, duration)
            ms.positionRange.end = lastClosing
            return .matrixSelector(ms)
        case .subquery(var sq):
            if sq.offset != 0 || sq.offsetExpr != nil { throw alreadySet }
            (sq.offset, sq.offsetExpr) = (literal, duration)
            sq.positionRange.end = lastClosing
            return .subquery(sq)
        default:
            throw error(
                "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery",
                expr.positionRange)
        }
    }

    mutating func parseAt(_ expr: Expr) throws(ParseError) -> Expr {
        advance()
        let at: AtModifier
        switch current.kind {
        case .keyword(.start), .keyword(.end):
            let which = advance()
            guard current.kind == .leftParen else { throw unexpected("@", "timestamp") }
            advance()
            guard current.kind == .rightParen else { throw unexpected("@", "timestamp") }
            advance()
            at = which.kind == .keyword(.start) ? .start : .end
        case .duration where version == .v3:
            fallthrough
        case .number, .op(.add), .op(.sub):
            // 3.x's `number` also takes a duration literal, as seconds.
            let numeric: Set<TokenKind> = version == .v3 ? [.number, .duration] : [.number]
            var sign = 1.0
            if case .op(let op) = current.kind {
                advance()
                sign = op == .sub ? -1 : 1
                guard numeric.contains(current.kind) else { throw unexpected("@", "timestamp") }
            }
            let token = advance()
            let seconds = try sign * durationLiteralSeconds(token)
            if !seconds.isFinite || seconds >= Double(Int64.max) || seconds <= Double(Int64.min) {
                throw error("timestamp out of bounds for @ modifier: \(Self.goFloatF(seconds))", expr.positionRange)
            }
            let ms = (seconds * 1000).rounded()
            // Go converts out-of-range floats to the minimum int64 on amd64.
            at = .timestamp(abs(ms) < 9.2e18 ? Int64(ms) : Int64.min)
        default:
            throw unexpected("@", "timestamp")
        }
        let alreadySet = error("@ <timestamp> may not be set multiple times", expr.positionRange)
        switch expr {
        case .vectorSelector(var vs):
            if vs.at != nil { throw alreadySet }
            vs.at = at
            vs.positionRange.end = lastClosing
            return .vectorSelector(vs)
        case .matrixSelector(var ms):
            if ms.vectorSelector.at != nil { throw alreadySet }
            ms.vectorSelector.at = at
            ms.positionRange.end = lastClosing
            return .matrixSelector(ms)
        case .subquery(var sq):
            if sq.at != nil { throw alreadySet }
            sq.at = at
            sq.positionRange.end = lastClosing
            return .subquery(sq)
        default:
            throw error(
                "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery",
                expr.positionRange)
        }
    }

    /// Go's `%f`.
    static func goFloatF(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        return String(format: "%f", v)
    }

    /// `( label, ... )` after by/without/on/ignoring/group_left/group_right.
    mutating func parseGroupingLabels() throws(ParseError) -> [String] {
        guard current.kind == .leftParen else { throw unexpected("grouping opts", "\"(\"") }
        advance()
        var labels: [String] = []
        if current.kind == .rightParen {
            advance()
            return labels
        }
        while true {
            if version == .v3, current.kind == .string {
                // 3.x: `by ("service.name")`.
                let token = advance()
                let name = try unquote(token)
                if name.isEmpty {
                    throw error("invalid label name for grouping: \(GoQuote.string(name))", token.range)
                }
                labels.append(name)
            } else {
                guard Self.canBeLabel(current.kind, version) else { throw unexpected("grouping opts", "label") }
                // 2.42 checks the legacy charset; 3.x takes any UTF-8 name (so `a:b` too).
                if version == .v2, !Self.isLabelName(current.text) { throw unexpected("grouping opts", "label") }
                labels.append(advance().text)
            }
            switch current.kind {
            case .comma:
                advance()
                if current.kind == .rightParen {
                    advance()
                    return labels
                }
            case .rightParen:
                advance()
                return labels
            default:
                throw unexpected("grouping opts", "\",\" or \")\"")
            }
        }
    }

    /// Prometheus's `maybe_label`: keywords may be label names in grouping lists.
    static func canBeLabel(_ kind: TokenKind, _ version: PromQLVersion) -> Bool {
        switch kind {
        case .identifier, .metricIdentifier, .aggregator: true
        // Every keyword except `without` (missing from Prometheus's maybe_label).
        case .keyword(let k): k != .without && (version == .v3 || !k.isV3)
        case .op(let op): op == .land || op == .lor || op == .lunless || op == .atan2
        default: false
        }
    }

    static func isLabelName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, isAlpha(first) else { return false }
        return s.unicodeScalars.allSatisfy(isAlphaNumeric)
    }

    /// `bool`, `on (...)`/`ignoring (...)`, `group_left (...)`/`group_right (...)`.
    mutating func parseBinaryModifiers() throws(ParseError) -> (returnBool: Bool, matching: VectorMatching) {
        var returnBool = false
        if current.kind == .keyword(.bool) {
            advance()
            returnBool = true
        }
        var matching = VectorMatching(card: .oneToOne)
        if current.kind == .keyword(.on) || current.kind == .keyword(.ignoring) {
            matching.on = advance().kind == .keyword(.on)
            matching.matchingLabels = try parseGroupingLabels()
            if current.kind == .keyword(.groupLeft) || current.kind == .keyword(.groupRight) {
                matching.card = advance().kind == .keyword(.groupLeft) ? .manyToOne : .oneToMany
                if current.kind == .leftParen {
                    matching.include = try parseGroupingLabels()
                } else if !canStartExpression(current.kind), !isFillKeyword(current.kind) {
                    throw unexpected("grouping opts", "\"(\"")
                }
            }
        }
        if version == .v3 { try parseFillModifiers(&matching) }
        return (returnBool, matching)
    }
}
