import Foundation
import PromModel
import Dashboards

/// Transformations that work on the fields of each frame.
enum FieldTransforms {
    /// organize.ts: `excludeByName`, then `indexByName` order (unlisted fields keep theirs
    /// after the listed), then `renameByName`, all by display name.
    static func organize(_ frame: DataFrame, _ options: JSONValue) -> DataFrame {
        let excluded = Set((options["excludeByName"]?.objectMembers ?? []).filter { $0.value.bool == true }.map(\.key))
        var fields = frame.fields.filter { !excluded.contains($0.shownName) }
        let order = Dictionary((options["indexByName"]?.objectMembers ?? []).compactMap { m in m.value.number.map { (m.key, $0) } },
                               uniquingKeysWith: { a, _ in a })
        if !order.isEmpty {
            fields = fields.enumerated().sorted { a, b in
                let ia = order[a.element.shownName] ?? Double.infinity, ib = order[b.element.shownName] ?? Double.infinity
                return ia != ib ? ia < ib : a.offset < b.offset
            }.map(\.element)
        }
        for member in options["renameByName"]?.objectMembers ?? [] {
            guard let to = member.value.string, !to.isEmpty else { continue }
            for i in fields.indices where fields[i].shownName == member.key { fields[i].displayName = to }
        }
        return DataFrame(refId: frame.refId, fields: fields)
    }

    /// filterFieldsByName: `include` (names or a regex pattern) keeps, `exclude` drops; a
    /// time field survives an include that does not name it only when nothing else does.
    static func filterByName(_ frame: DataFrame, _ options: JSONValue) -> DataFrame {
        func matcher(_ spec: JSONValue?) -> ((DataField) -> Bool)? {
            guard let spec, case .object = spec else { return nil }
            let names = Set(spec["names"]?.array?.compactMap(\.string) ?? [])
            let pattern = spec["pattern"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            // stringToJsRegex: "/body/flags", or a bare pattern anchored at both ends.
            let regex = pattern.flatMap(JSRegex.init)
            if names.isEmpty && regex == nil { return nil }
            return { field in names.contains(field.shownName) || regex?.test(field.shownName) == true }
        }
        var fields = frame.fields
        if let include = matcher(options["include"]) { fields = fields.filter(include) }
        if let exclude = matcher(options["exclude"]) { fields = fields.filter { !exclude($0) } }
        return DataFrame(refId: frame.refId, fields: fields)
    }

    /// renameByRegex: the first match of `regex` in each display name is replaced by
    /// `renamePattern` ($1…), as JavaScript's String.replace with a non-global regex.
    static func renameByRegex(_ frame: DataFrame, _ options: JSONValue) -> DataFrame {
        guard let pattern = options["regex"]?.string, let template = options["renamePattern"]?.string,
              let regex = JSRegex(pattern)?.expression else { return frame }
        var copy = frame
        for i in copy.fields.indices {
            let name = copy.fields[i].shownName as NSString
            guard let match = regex.firstMatch(in: name as String, range: NSRange(location: 0, length: name.length)) else { continue }
            let replacement = regex.replacementString(for: match, in: name as String, offset: 0, template: template)
            copy.fields[i].displayName = name.replacingCharacters(in: match.range, with: replacement)
        }
        return copy
    }

    /// labelsToFields: in "columns" mode (the default) every label of a field becomes a string
    /// field after the frame's own fields, and the field loses its labels (named by the
    /// `valueLabel` label when set); `keepLabels` limits which. "rows" mode lists each
    /// field's labels as label/value rows, one frame per field.
    static func labelsToFields(_ frames: [DataFrame], _ options: JSONValue) -> [DataFrame] {
        let keep = options["keepLabels"]?.array?.compactMap(\.string)
        let valueLabel = options["valueLabel"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        if options["mode"]?.string == "rows" {
            return frames.flatMap { frame in
                frame.fields.filter { !$0.labels.isEmpty }.map { field in
                    let labels = field.labels.filter { keep?.contains($0.name) ?? true }
                    return DataFrame(refId: frame.refId, fields: [
                        DataField(name: "label", kind: .string, values: labels.map { .string($0.name) }),
                        DataField(name: "value", kind: .string, values: labels.map { .string($0.value) }),
                    ])
                }
            }
        }
        return frames.map { frame in
            var fields: [DataField] = []
            var labelOrder: [String] = []
            var labelValues: [String: String] = [:]
            for field in frame.fields {
                guard !field.labels.isEmpty else { fields.append(field); continue }
                var plain = field
                plain.labels = Labels()
                if let valueLabel, let name = field.labels[valueLabel] {
                    plain.name = name
                    plain.displayName = nil
                } else {
                    plain.displayName = nil
                }
                fields.append(plain)
                for label in field.labels where label.name != valueLabel && (keep?.contains(label.name) ?? true) {
                    if labelValues[label.name] == nil { labelOrder.append(label.name) }
                    labelValues[label.name] = label.value
                }
            }
            let length = frame.length
            fields += labelOrder.map { DataField(name: $0, kind: .string, values: Array(repeating: .string(labelValues[$0] ?? ""), count: length)) }
            return DataFrame(refId: frame.refId, fields: fields)
        }
    }

    /// sortBy: rows ordered by the first sort field (numbers as numbers, nulls last).
    static func sortBy(_ frame: DataFrame, _ options: JSONValue) -> DataFrame {
        guard let sort = options["sort"]?.array?.first, let name = sort["field"]?.string,
              let field = frame.fields.first(where: { $0.shownName == name || $0.name == name }) else { return frame }
        let descending = sort["desc"]?.bool ?? false
        let order = field.values.indices.sorted { a, b in
            let x = field.values[a], y = field.values[b]
            if (x == .null) != (y == .null) { return y == .null }
            let ordered: Bool
            if let l = x.number, let r = y.number, l != r { ordered = descending ? l > r : l < r }
            else if x.text != y.text { ordered = descending ? x.text > y.text : x.text < y.text }
            else { return a < b }
            return ordered
        }
        return frame.rows(order)
    }

    /// calculateField: a new number field from each row, by "reduceRow" (a reducer over the
    /// numeric fields, or those in `reduce.include`), "binary" (two fields or numbers and an
    /// operator) or "index" (the row number); `replaceFields` keeps only it (and time).
    static func calculateField(_ frame: DataFrame, _ options: JSONValue) -> DataFrame {
        let mode = options["mode"]?.string ?? "reduceRow"
        let length = frame.length
        var values: [FieldValue]
        var alias: String
        switch mode {
        case "binary":
            let binary = options["binary"] ?? .null
            let left = binary["left"]?.string ?? "", right = binary["right"]?.string ?? ""
            let op = binary["operator"]?.string ?? "+"
            func operand(_ name: String) -> (Int) -> Double? {
                if let field = frame.fields.first(where: { $0.shownName == name || $0.name == name }) {
                    return { row in row < field.values.count ? field.values[row].number : nil }
                }
                let constant = Double(name)
                return { _ in constant }
            }
            let l = operand(left), r = operand(right)
            values = (0..<length).map { row in
                guard let a = l(row), let b = r(row) else { return .null }
                switch op {
                case "+": return .number(a + b)
                case "-": return .number(a - b)
                case "*": return .number(a * b)
                case "/": return .number(a / b)
                case "%": return .number(a.truncatingRemainder(dividingBy: b))
                case "^": return .number(pow(a, b))
                default: return .null
                }
            }
            alias = "\(left) \(op) \(right)"
        case "index":
            values = (0..<length).map { .number(Double($0)) }
            alias = "Row"
        default:
            let reducer = options["reduce"]?["reducer"]?.string ?? "sum"
            let include = options["reduce"]?["include"]?.array?.compactMap(\.string)
            let inputs = frame.fields.filter { $0.kind == .number && (include == nil || include?.isEmpty == true || include?.contains($0.shownName) == true) }
            values = (0..<length).map { row in
                let cells = inputs.map { row < $0.values.count ? $0.values[row].number : nil }
                return Reducer.reduce(cells, id: reducer).map(FieldValue.number) ?? .null
            }
            alias = Reducer.displayName(reducer)
        }
        if let name = options["alias"]?.string, !name.isEmpty { alias = name }
        let field = DataField(name: alias, kind: .number, values: values)
        if options["replaceFields"]?.bool == true {
            return DataFrame(refId: frame.refId, fields: frame.fields.filter { $0.kind == .time } + [field])
        }
        return DataFrame(refId: frame.refId, fields: frame.fields + [field])
    }
}
