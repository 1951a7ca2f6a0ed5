/// Canonical PromQL text for an AST, as Prometheus's `String()` methods print it:
/// `sum by (job) (rate(x{a="b"}[5m] offset 1h))`, durations compact (`1h30m`),
/// matchers sorted, strings double-quoted.
extension Expr: CustomStringConvertible {
    public var description: String {
        switch self {
        case .number(let e): PromQLFormat.number(e.value)
        case .string(let e): PromQLString.quote(e.value)
        case .vectorSelector(let e): e.description
        case .matrixSelector(let e): e.description
        case .subquery(let e): e.description
        case .call(let e): "\(e.function.name)(\(e.args.map(\.description).joined(separator: ", ")))"
        case .aggregate(let e): e.description
        case .binary(let e): e.description
        case .unary(let e): "\(e.op.rawValue)\(e.expr)"
        case .paren(let e): "(\(e.expr))"
        }
    }
}

extension VectorSelector: CustomStringConvertible {
    public var description: String {
        descriptionWithoutModifiers + PromQLFormat.modifiers(at: at, offset: offset, offsetExpr: offsetExpr, extended: extendedModifier)
    }

    /// ` anchored` / ` smoothed` (printer.go prints it between `@` and `offset`).
    var extendedModifier: String { anchored ? " anchored" : smoothed ? " smoothed" : "" }

    /// `name{a="b"}`: the name matcher implied by `name` is left out, the rest sorted.
    var descriptionWithoutModifiers: String {
        let labels = matchers
            .filter { !($0.name == "__name__" && $0.kind == .equal && $0.value == name) }
            .map(\.description)
            .sorted()
        if labels.isEmpty { return name ?? "" }
        return "\(name ?? ""){\(labels.joined(separator: ","))}"
    }
}

extension MatrixSelector: CustomStringConvertible {
    public var description: String {
        "\(vectorSelector.descriptionWithoutModifiers)[\(rangeExpr?.description ?? PromQLFormat.duration(range))]"
            + vectorSelector.extendedModifier
            + PromQLFormat.modifiers(at: vectorSelector.at, offset: vectorSelector.offset, offsetExpr: vectorSelector.offsetExpr)
    }
}

extension SubqueryExpr: CustomStringConvertible {
    public var description: String {
        let stepText = stepExpr?.description ?? step.map(PromQLFormat.duration) ?? ""
        let rangeText = rangeExpr?.description ?? PromQLFormat.duration(range)
        return "\(expr)[\(rangeText):\(stepText)]" + PromQLFormat.modifiers(at: at, offset: offset, offsetExpr: offsetExpr)
    }
}

extension AggregateExpr: CustomStringConvertible {
    public var description: String {
        var out = op.rawValue
        if without {
            out += " without (\(PromQLFormat.labelList(grouping))) "
        } else if !grouping.isEmpty {
            out += " by (\(PromQLFormat.labelList(grouping))) "
        }
        out += "("
        if let param { out += "\(param), " }
        return out + "\(expr))"
    }
}

extension BinaryExpr: CustomStringConvertible {
    public var description: String {
        var matchingText = ""
        // Unlike Prometheus's String(), `ignoring () group_left` is kept so printing round-trips.
        if let m = matching, !m.matchingLabels.isEmpty || m.on || m.card == .manyToOne || m.card == .oneToMany {
            matchingText = " \(m.on ? "on" : "ignoring") (\(PromQLFormat.labelList(m.matchingLabels)))"
            if m.card == .manyToOne || m.card == .oneToMany {
                let side = m.card == .manyToOne ? "left" : "right"
                matchingText += " group_\(side) (\(PromQLFormat.labelList(m.include)))"
            }
        }
        if let m = matching {
            if let l = m.fillLeft, let r = m.fillRight, l == r {
                matchingText += " fill (\(PromQLFormat.number(l)))"
            } else {
                if let l = m.fillLeft { matchingText += " fill_left (\(PromQLFormat.number(l)))" }
                if let r = m.fillRight { matchingText += " fill_right (\(PromQLFormat.number(r)))" }
            }
        }
        return "\(lhs) \(op.rawValue)\(returnBool ? " bool" : "")\(matchingText) \(rhs)"
    }
}

/// Number and duration formatting shared by the printer and error messages.
public enum PromQLFormat {
    /// Go's `fmt.Sprint(float64)`: shortest round-trip digits, exponent form below 1e-4
    /// or from 1e6 (`1e+06` is printed for a million, as Prometheus does).
    public static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == 0 { return v.sign == .minus ? "-0" : "0" }
        // Swift's description gives the shortest round-trip digits; re-layout them Go's way.
        let text = "\(v.magnitude)"
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = mantissa.filter { $0 != "." }
        let pointIndex = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        // Normalise to digits d1d2d3... with decimal exponent `exp` (value = 0.d1d2... × 10^dp).
        var dp = pointIndex + exponent
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            dp -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        let sign = v < 0 ? "-" : ""
        let exp = dp - 1
        if exp < -4 || exp >= 6 {
            var out = String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            let expSign = exp < 0 ? "-" : "+"
            let expDigits = String(abs(exp))
            return sign + out + "e" + expSign + (expDigits.count < 2 ? "0" + expDigits : expDigits)
        }
        if dp <= 0 { return sign + "0." + String(repeating: "0", count: -dp) + digits }
        if dp >= digits.count { return sign + digits + String(repeating: "0", count: dp - digits.count) }
        let idx = digits.index(digits.startIndex, offsetBy: dp)
        return sign + digits[..<idx] + "." + digits[idx...]
    }

    /// Prometheus's `model.Duration` text: `1h30m`, `90d`, `2w`, `500ms`.
    public static func duration(_ milliseconds: Int64) -> String {
        Literals.formatDuration(milliseconds)
    }

    /// Label names in grouping lists: quoted unless legacy names (printer.go `writeLabels`).
    static func labelList(_ names: [String]) -> String {
        names.map { Parser.isLabelName($0) ? $0 : PromQLString.quote($0) }.joined(separator: ", ")
    }

    static func modifiers(at: AtModifier?, offset: Int64, offsetExpr: DurationExpr? = nil, extended: String = "") -> String {
        var out = ""
        switch at {
        case .timestamp(let ms): out += " @ " + atTimestamp(ms)
        case .start: out += " @ start()"
        case .end: out += " @ end()"
        case nil: break
        }
        out += extended
        if let offsetExpr { return out + " offset \(offsetExpr)" }
        if offset > 0 { out += " offset \(duration(offset))" }
        if offset < 0 { out += " offset -\(duration(-offset))" }
        return out
    }

    /// `%.3f` of seconds, exactly from the millisecond integer.
    static func atTimestamp(_ ms: Int64) -> String {
        let negative = ms < 0
        let magnitude = ms.magnitude
        let fraction = String(magnitude % 1000)
        let padded = String(repeating: "0", count: 3 - fraction.count) + fraction
        return (negative ? "-" : "") + "\(magnitude / 1000).\(padded)"
    }
}
